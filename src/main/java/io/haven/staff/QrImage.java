package io.haven.staff;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code drawn by the page itself as inline SVG: no script, no image request, nothing leaves the
 * page. The template draws one path of unit squares; {@code size} includes the four-module quiet zone
 * the standard asks for. The path holds only letters, digits and commas, so it needs no raw output.
 */
public record QrImage(int size, String path) {

    private static final int QUIET = 4;

    public static QrImage of(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M')
                            .append(x + QUIET)
                            .append(',')
                            .append(y + QUIET)
                            .append("h1v1h-1z");
                }
            }
        }
        return new QrImage(qr.size + QUIET * 2, path.toString());
    }

    /** Display size in CSS pixels: five per module. */
    public int pixels() {
        return size * 5;
    }
}

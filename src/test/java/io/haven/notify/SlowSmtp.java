package io.haven.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A slow SMTP server for the tests: a real GreenMail on a free port behind a relay on the mailer's test
 * port that holds the end of each message ("." on its own line) for a while, so every send takes at
 * least that long, as with an overloaded or distant server.
 */
final class SlowSmtp implements AutoCloseable {

    final GreenMail greenMail;
    private final ServerSocket relay;
    private final long delayMillis;

    SlowSmtp(long delayMillis) throws IOException {
        this.delayMillis = delayMillis;
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        greenMail.start();
        ServerSetup listening = TestSmtp.setup();
        relay = new ServerSocket(listening.getPort(), 50, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(this::accept, "slow-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!relay.isClosed()) {
            try {
                Socket client = relay.accept();
                Socket server = new Socket("127.0.0.1", greenMail.getSmtp().getPort());
                pump(server.getInputStream(), client.getOutputStream(), false, client, server);
                pump(client.getInputStream(), server.getOutputStream(), true, client, server);
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(InputStream in, OutputStream out, boolean holdEndOfData, Socket a, Socket b) {
        Thread t = new Thread(
                () -> {
                    byte[] buf = new byte[8192];
                    String tail = "";
                    try {
                        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                            // The end of a message may arrive split over two reads: look at the last bytes of the one
                            // before too.
                            String seen = tail + new String(buf, 0, n, StandardCharsets.ISO_8859_1);
                            if (holdEndOfData && seen.contains("\r\n.\r\n")) {
                                Thread.sleep(delayMillis);
                                seen = "";
                            }
                            tail = seen.substring(Math.max(0, seen.length() - 4));
                            out.write(buf, 0, n);
                            out.flush();
                        }
                    } catch (IOException | InterruptedException e) {
                        // the other side closed
                    } finally {
                        try {
                            a.close();
                            b.close();
                        } catch (IOException ignored) {
                            // closing anyway
                        }
                    }
                },
                "slow-smtp-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        relay.close();
        greenMail.stop();
    }
}

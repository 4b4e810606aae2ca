package io.haven.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection to the portal on loopback, with its own cookie jar. Small on
 * purpose: the client shares two cores with the server, so it must cost as little CPU as wrk does.
 */
final class Conn implements AutoCloseable {

    record Resp(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    final Map<String, String> cookies = new LinkedHashMap<>();
    /** The hidden form field that goes with this connection's CSRF cookie. */
    String formToken;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] scratch = new byte[16384];
    private final StringBuilder lineBuffer = new StringBuilder(128);
    private static final byte[] NO_BODY = new byte[0];

    Conn(String host, int port) {
        this.host = host;
        this.port = port;
    }

    Resp get(String path) throws IOException {
        return send("GET", path, null, true);
    }

    /**
     * A GET whose body is read and dropped, for the open-loop lesson run: keeping the 21 KB page cost the client
     * 46 KB of garbage per request, and its collector's pauses (2-25 ms every 1.3 s at 3,791/s, while its
     * histograms were young) counted as the server's latency.
     */
    int status(String path) throws IOException {
        return send("GET", path, null, false).status();
    }

    Resp post(String path, String form) throws IOException {
        return send("POST", path, form, true);
    }

    /** Sends one request; a connection the server closed is reopened once and the request retried. */
    Resp send(String method, String path, String form, boolean keepBody) throws IOException {
        byte[] request = request(method, path, form);
        boolean fresh = socket == null;
        try {
            open();
            out.write(request);
            out.flush();
            return read(method, keepBody);
        } catch (IOException e) {
            close();
            // A POST is never sent twice: a report stored without its receipt read would look lost.
            if (fresh || !method.equals("GET")) {
                throw e;
            }
            open();
            out.write(request);
            out.flush();
            return read(method, keepBody);
        }
    }

    private byte[] request(String method, String path, String form) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port)
                .append("\r\nAccept: text/html\r\n");
        if (!cookies.isEmpty()) {
            sb.append("Cookie: ");
            boolean first = true;
            for (var c : cookies.entrySet()) {
                if (!first) {
                    sb.append("; ");
                }
                sb.append(c.getKey()).append('=').append(c.getValue());
                first = false;
            }
            sb.append("\r\n");
        }
        byte[] body = form == null ? null : form.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            sb.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").append(body.length)
                    .append("\r\n");
        }
        sb.append("\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (body == null) {
            return head;
        }
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private void open() throws IOException {
        if (socket != null) {
            return;
        }
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        in = new BufferedInputStream(socket.getInputStream(), 65536);
        out = socket.getOutputStream();
    }

    private Resp read(String method, boolean keepBody) throws IOException {
        String status = line();
        if (status == null) {
            throw new IOException("connection closed");
        }
        int code = Integer.parseInt(status.substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        String l;
        while ((l = line()) != null && !l.isEmpty()) {
            int colon = l.indexOf(':');
            String name = l.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = l.substring(colon + 1).trim();
            if (name.equals("set-cookie")) {
                int eq = value.indexOf('=');
                int semi = value.indexOf(';');
                String cv = value.substring(eq + 1, semi < 0 ? value.length() : semi);
                if (cv.isEmpty() || value.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(value.substring(0, eq));
                } else {
                    cookies.put(value.substring(0, eq), cv);
                }
            }
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
        byte[] body;
        if (method.equals("HEAD") || code == 204 || code == 304) {
            body = NO_BODY;
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream b = keepBody ? new ByteArrayOutputStream(16384) : null;
            while (true) {
                String size = line();
                int semi = size.indexOf(';');
                int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                if (n == 0) {
                    while ((l = line()) != null && !l.isEmpty()) {
                        // trailers
                    }
                    break;
                }
                if (keepBody) {
                    b.write(in.readNBytes(n));
                } else {
                    skip(n);
                }
                line();
            }
            body = keepBody ? b.toByteArray() : NO_BODY;
        } else if (headers.containsKey("content-length")) {
            int n = Integer.parseInt(headers.get("content-length"));
            if (keepBody) {
                body = in.readNBytes(n);
            } else {
                skip(n);
                body = NO_BODY;
            }
        } else {
            body = in.readAllBytes();
            close();
        }
        if ("close".equalsIgnoreCase(headers.get("connection"))) {
            close();
        }
        return new Resp(code, headers, body);
    }

    private void skip(int n) throws IOException {
        while (n > 0) {
            int r = in.read(scratch, 0, Math.min(n, scratch.length));
            if (r < 0) {
                throw new IOException("connection closed in the body");
            }
            n -= r;
        }
    }

    private String line() throws IOException {
        StringBuilder sb = lineBuffer;
        sb.setLength(0);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int n = sb.length();
                return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
            }
            sb.append((char) c);
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        socket = null;
    }
}

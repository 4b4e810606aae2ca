package io.haven.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The suite's one SMTP server: a real GreenMail, started once and never stopped, on a free port behind a
 * small relay on the mailer's %test port ({@code -Dtest.smtp.port}, 3025 by default). Tests switch the
 * relay to play a server that is down ({@link #down()}: nothing listens, open connections are cut) or slow
 * ({@link #slow(long)}: each message's end is held), and read what GreenMail received. Starting and
 * stopping a GreenMail per class on a fixed port left the mailer's pooled connections pointing at dead
 * servers; one server for the whole run removes that. GreenMail closes a connection idle for
 * {@link #IDLE_TIMEOUT_MILLIS} (30 s by default) with "421", as real servers do after their own timeout
 * ({@code OutboxSenderTest} checks the next mail still goes out at once).
 */
public final class TestSmtp {

    /** GreenMail's idle timeout here (shorter than its default, so that the idle-connection test is quick). */
    public static final int IDLE_TIMEOUT_MILLIS = 5_000;

    private static GreenMail greenMail;
    private static ServerSocket listening;
    private static final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private static volatile long holdMillis;

    private TestSmtp() {}

    static int port() {
        return Integer.getInteger("test.smtp.port", 3025);
    }

    /** The suite's server, up and with empty mailboxes. */
    public static synchronized GreenMail fresh() {
        up();
        fast();
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
        return greenMail;
    }

    /** Nothing listens on the mailer's port any more, and connections open to it are cut. */
    public static synchronized void down() {
        if (listening != null) {
            close(listening);
            listening = null;
        }
        open.forEach(TestSmtp::close);
        open.clear();
    }

    /** The mailer's port accepts connections again. */
    public static synchronized void up() {
        if (greenMail == null) {
            ServerSetup setup = new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort();
            greenMail = new GreenMail(setup);
            greenMail.start();
            greenMail.getSmtp().setClientSocketTimeout(IDLE_TIMEOUT_MILLIS);
        }
        if (listening != null) {
            return;
        }
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port()), 50);
            listening = s;
            Thread acceptor = new Thread(() -> accept(s), "test-smtp-relay");
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new UncheckedIOException("The test SMTP port " + port() + " is taken", e);
        }
    }

    /** Every message's end is held this long before the server sees it, as with a distant or loaded server. */
    public static void slow(long millis) {
        holdMillis = millis;
    }

    public static void fast() {
        holdMillis = 0;
    }

    /** Sends every due mail; returns how many went out. */
    public static int flush(OutboxSender sender) {
        int total = 0;
        for (int sent = sender.sendDue(); sent > 0; sent = sender.sendDue()) {
            total += sent;
        }
        return total;
    }

    private static void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket server = new Socket("127.0.0.1", greenMail.getSmtp().getPort());
                open.add(client);
                open.add(server);
                pump(server, client, false);
                pump(client, server, true);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to, boolean holdsEndOfData) {
        Thread t = new Thread(
                () -> {
                    byte[] buf = new byte[8192];
                    String tail = "";
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                            // The end of a message may arrive split over two reads: look at the bytes before too.
                            String seen = tail + new String(buf, 0, n, StandardCharsets.ISO_8859_1);
                            long hold = holdMillis;
                            if (holdsEndOfData && hold > 0 && seen.contains("\r\n.\r\n")) {
                                Thread.sleep(hold);
                                seen = "";
                            }
                            tail = seen.substring(Math.max(0, seen.length() - 4));
                            out.write(buf, 0, n);
                            out.flush();
                        }
                    } catch (IOException | InterruptedException e) {
                        // one side closed: close the other below
                    } finally {
                        close(from);
                        close(to);
                        open.remove(from);
                        open.remove(to);
                    }
                },
                "test-smtp-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void close(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}

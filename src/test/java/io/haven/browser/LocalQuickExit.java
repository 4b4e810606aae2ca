package io.haven.browser;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Points the quick exit at a page of this same test server, under another host name
 * ({@code 127.0.0.1} where the browser opens {@code localhost}), so a test can see the browser leave
 * for the configured URL without any request going outside the machine. The HTTP port is fixed for
 * the run because the exit URL has to name it before the server starts.
 */
public class LocalQuickExit implements QuarkusTestProfile {

    private static final int PORT = freePort();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.http.test-port",
                String.valueOf(PORT),
                "haven.quick-exit-url",
                "http://127.0.0.1:" + PORT + "/help?exit=1");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.haven.notify;

import com.icegreen.greenmail.util.ServerSetup;

/** Where the tests' GreenMail listens: the mailer's %test port, movable with -Dtest.smtp.port. */
public final class TestSmtp {

    private TestSmtp() {
    }

    public static ServerSetup setup() {
        return new ServerSetup(Integer.getInteger("test.smtp.port", 3025), "127.0.0.1", "smtp");
    }
}

package io.haven.classroom;

import java.security.SecureRandom;
import java.util.Locale;

/** Join and resume codes: random, from an alphabet without look-alikes (no 0/O, 1/I). */
final class Codes {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int JOIN_LENGTH = 8;
    static final int RESUME_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Codes() {}

    static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** What a student typed, as a code: upper case, without spaces or dashes. */
    static String normalize(String typed) {
        return typed == null ? "" : typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    /** A resume code in groups of four, easier to copy by hand. */
    static String grouped(String code) {
        return code.replaceAll("(.{4})(?!$)", "$1-");
    }
}

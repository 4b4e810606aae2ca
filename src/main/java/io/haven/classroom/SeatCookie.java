package io.haven.classroom;

import io.haven.crypto.KeyedHash;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The seat cookie: the seat id signed with the server's keyed hash, so a browser cannot claim
 * another seat by changing the number. Read only by the join, "my" and lesson pages, never by the
 * report routes.
 */
@ApplicationScoped
public class SeatCookie {

    public static final String NAME = "haven_seat";

    @Inject
    KeyedHash hash;

    public String value(long seatId) {
        return seatId + "." + hash.hex("seat-cookie", Long.toString(seatId));
    }

    /** The seat id of a cookie whose signature holds. */
    public Optional<Long> seatId(String cookie) {
        if (cookie == null) {
            return Optional.empty();
        }
        int dot = cookie.indexOf('.');
        if (dot <= 0 || dot > 19) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(cookie.substring(0, dot));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        byte[] expected = value(id).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, cookie.getBytes(StandardCharsets.US_ASCII))
                ? Optional.of(id)
                : Optional.empty();
    }
}

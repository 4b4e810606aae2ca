package io.haven.web;

/** A keyed hash with the server secret, for tokens the web layer issues (implemented where the keys live). */
public interface TokenMac {

    /** HMAC-SHA256 of the value for one purpose, as hex. */
    String hex(String purpose, String value);
}

package io.haven.casework;

import java.util.Arrays;
import java.util.Optional;

/** To whom a case was referred, or NONE with the reason why not. */
public enum ReferralKind {
    POLICE,
    CHILD_PROTECTION,
    HOTLINE,
    TAKEDOWN,
    NONE;

    /** The kind a form names by its key ("child_protection"), if any. */
    public static Optional<ReferralKind> ofKey(String key) {
        return Arrays.stream(values()).filter(k -> k.getKey().equals(key)).findFirst();
    }

    public String getKey() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The label in the casework bundle. */
    public String getLabelKey() {
        return "referral_kind_" + getKey();
    }
}

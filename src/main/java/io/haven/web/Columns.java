package io.haven.web;

/** Column sizes shared by entities, and how a native query's boolean column is read. */
public final class Columns {

    /**
     * Long texts (encrypted fields, mail bodies): Hibernate maps this length to MEDIUMTEXT on MariaDB
     * (up to 16 MB) and to VARCHAR on H2, which is what H2's MariaDB mode makes of MEDIUMTEXT, so
     * schema validation agrees with the migrations on both. Write such columns as MEDIUMTEXT.
     */
    public static final int LONG_TEXT = 1_048_576;

    /** A boolean column or expression as the driver gives it: Boolean (H2, BIT) or a number (TINYINT). */
    public static boolean truth(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }

    private Columns() {}
}

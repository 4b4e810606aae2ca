package io.haven.web;

/** Column sizes shared by entities. */
public final class Columns {

    /**
     * Long texts (encrypted fields, mail bodies): Hibernate maps this length to MEDIUMTEXT on MariaDB
     * (up to 16 MB) and to VARCHAR on H2, which is what H2's MariaDB mode makes of MEDIUMTEXT, so
     * schema validation agrees with the migrations on both. Write such columns as MEDIUMTEXT.
     */
    public static final int LONG_TEXT = 1_048_576;

    private Columns() {}
}

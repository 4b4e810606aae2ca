package io.haven.crypto;

import java.util.List;

/**
 * Each feature that stores encrypted columns lists them here (as a CDI bean), so the re-encryption
 * job can move every one of them to a new key.
 */
public interface EncryptedColumns {

    /** A column holding {@link FieldCipher} values, with the context they were encrypted under. */
    record Column(String table, String column, String context) {}

    List<Column> columns();
}

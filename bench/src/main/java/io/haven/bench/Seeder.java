package io.haven.bench;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seeds the bench database straight through SQL, in the formats the portal itself writes: report
 * texts encrypted like io.haven.crypto.FieldCipher ({@code v1:<key id>:<base64(nonce + ciphertext and
 * tag)>}, AES-256-GCM, the column's context as AAD), the staff password as an argon2id hash with the
 * portal's parameters, and the TOTP secret encrypted under "staff.totp".
 */
final class Seeder {

    static final String CASES_SCHOOL = "bench-cases";
    static final String REPORTS_SCHOOL = "bench-reports";
    static final String GROWTH_SCHOOL = "bench-growth";
    /** Rows per INSERT statement of {@link #grow}: 21 parameters each, well under the protocol's 65,535. */
    private static final int GROW_ROWS = 500;
    private static final String[] CATEGORIES = {"INTIMATE_IMAGE", "SEXTORTION", "BULLYING", "ADULT_CONCERN", "OTHER"};
    private static final String[] AFFECTED = {"ME", "FRIEND", "SOMEONE_ELSE"};
    private static final String[] PHRASES = {"Someone made a fake picture of a student and shared it in a group chat.",
            "A message asked for photos and threatened to send the old ones to everyone.",
            "People keep commenting on a video that was edited to look like me.",
            "An account I do not know sent my friend a picture and asked for money.",
            "It happened after lunch near the sports hall and then online in the evening.",
            "I am worried because the teacher in charge of the club has seen it too."};

    private final Connection db;
    private final String keyId;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    Seeder(Connection db, Map.Entry<String, byte[]> key) {
        this.db = db;
        this.keyId = key.getKey();
        this.key = new SecretKeySpec(key.getValue(), "AES");
    }

    /** The key that encrypts (the last of HAVEN_CRYPTO_KEYS), as the portal reads it. */
    static Map.Entry<String, byte[]> keysFromEnvironment() {
        String spec = System.getenv("HAVEN_CRYPTO_KEYS");
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String p : spec.split(",")) {
            int colon = p.indexOf(':');
            keys.put(p.substring(0, colon).strip(), Base64.getDecoder().decode(p.substring(colon + 1).strip()));
        }
        return keys.entrySet().stream().reduce((a, b) -> b).orElseThrow();
    }

    void seed(int cases) throws Exception {
        db.setAutoCommit(false);
        Instant now = Instant.now();
        long casesSchool = school(CASES_SCHOOL, "Bench Cases High School", now);
        long reportsSchool = school(REPORTS_SCHOOL, "Bench Reports Middle School", now);
        long staff;
        try (PreparedStatement p = db.prepareStatement("INSERT INTO staff (email, display_name, password_hash, active,"
                + " totp_secret, totp_enrolled_at, totp_last_step, session_epoch, created_at)"
                + " VALUES (?, ?, ?, TRUE, ?, ?, 0, 0, ?)", Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, Bench.STAFF_EMAIL);
            p.setString(2, "Bench Handler");
            // The portal's parameters (PasswordHasher): argon2id, 19 MiB, 4 passes, 1 lane, 32 bytes.
            p.setString(3, Password.hash(Bench.STAFF_PASSWORD).addRandomSalt(16)
                    .with(Argon2Function.getInstance(19456, 4, 1, 32, Argon2.ID)).getResult());
            p.setString(4, encrypt("staff.totp", Bench.TOTP_SECRET));
            p.setTimestamp(5, Timestamp.from(now));
            p.setTimestamp(6, Timestamp.from(now));
            p.executeUpdate();
            staff = generatedId(p);
        }
        try (PreparedStatement p = db.prepareStatement("INSERT INTO staff_role (staff_id, school_id, role) VALUES (?, ?, ?)")) {
            for (String role : new String[] {"HANDLER", "ADMIN"}) {
                p.setLong(1, staff);
                p.setLong(2, casesSchool);
                p.setString(3, role);
                p.addBatch();
            }
            p.executeBatch();
        }
        // The reports school gets its own handler, so that each report is routed and queues a notification
        // as in a school that is set up (and the case list above stays one school's).
        try (PreparedStatement p = db.prepareStatement("INSERT INTO staff (email, display_name, active, totp_last_step,"
                + " session_epoch, created_at) VALUES ('bench.reports@example.org', 'Bench Reports Handler', TRUE, 0, 0, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            p.setTimestamp(1, Timestamp.from(now));
            p.executeUpdate();
            long handler = generatedId(p);
            try (Statement s = db.createStatement()) {
                s.executeUpdate("INSERT INTO staff_role (staff_id, school_id, role) VALUES (" + handler + ", "
                        + reportsSchool + ", 'HANDLER')");
            }
        }
        db.commit();
        Random r = new Random(42);
        String sql = "INSERT INTO report_case (school_id, category, affected, danger_now, urgent, volume_flagged, status,"
                + " receipt_hash, case_number, where_enc, when_enc, body_enc, contact_enc, created_at, acknowledge_by,"
                + " review_by, acknowledged_at, closed_at, updated_at, assignee_id, about_staff_id)"
                + " VALUES (?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, NULL)";
        try (PreparedStatement p = db.prepareStatement(sql)) {
            byte[] receipt = new byte[32];
            for (int i = 0; i < cases; i++) {
                // A year of history: most cases closed long ago, a working set still open. Only cases younger
                // than the 48-hour acknowledge deadline are still new, as in a school that reads its reports: an
                // earlier seed left ~600 overdue urgent cases unacknowledged, and the escalation job worked through
                // them (500 a minute, from 30 s after start) in the middle of the measurements.
                Instant created = now.minusSeconds((long) (r.nextDouble() * 365 * 86400));
                boolean recent = created.isAfter(now.minus(Duration.ofDays(30)));
                boolean fresh = created.isAfter(now.minus(Duration.ofHours(40)));
                String status = fresh ? new String[] {"NEW", "ACKNOWLEDGED", "IN_PROGRESS", "CLOSED"}[r.nextInt(4)]
                        : recent ? new String[] {"ACKNOWLEDGED", "IN_PROGRESS", "CLOSED"}[r.nextInt(3)]
                        : r.nextInt(20) == 0 ? "IN_PROGRESS" : "CLOSED";
                boolean danger = r.nextInt(25) == 0;
                random.nextBytes(receipt);
                p.setLong(1, casesSchool);
                p.setString(2, CATEGORIES[r.nextInt(CATEGORIES.length)]);
                p.setString(3, AFFECTED[r.nextInt(AFFECTED.length)]);
                p.setBoolean(4, danger);
                p.setBoolean(5, danger);
                p.setString(6, status);
                p.setString(7, HexFormat.of().formatHex(receipt));
                p.setInt(8, i + 1); // numbered per school, as the portal numbers them
                p.setString(9, r.nextBoolean() ? encrypt("report.where", "Sports hall and the class group chat") : null);
                p.setString(10, r.nextBoolean() ? encrypt("report.when", "Last Tuesday, after school") : null);
                p.setString(11, encrypt("report.body", body(r, i)));
                p.setTimestamp(12, Timestamp.from(created));
                p.setTimestamp(13, Timestamp.from(created.plus(Duration.ofHours(danger ? 2 : 48))));
                p.setTimestamp(14, Timestamp.from(created.plus(Duration.ofDays(7))));
                p.setTimestamp(15, status.equals("NEW") ? null : Timestamp.from(created.plus(Duration.ofHours(3))));
                p.setTimestamp(16, status.equals("CLOSED") ? Timestamp.from(created.plus(Duration.ofDays(5))) : null);
                p.setTimestamp(17, Timestamp.from(created.plus(Duration.ofHours(3))));
                if (status.equals("NEW")) {
                    p.setNull(18, java.sql.Types.BIGINT);
                } else {
                    p.setLong(18, staff);
                }
                p.addBatch();
                if (i % 2000 == 1999) {
                    p.executeBatch();
                    db.commit();
                }
            }
            p.executeBatch();
            db.commit();
        }
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            s.executeUpdate("UPDATE school SET last_case_number = " + cases + " WHERE id = " + casesSchool);
            s.execute("ANALYZE TABLE report_case");
        }
    }

    /** What {@link #grow} added: cases, of which closed past retention, and overdue urgent unacknowledged. */
    record Grown(int added, int dueForRetention, int overdueUrgent) {}

    /**
     * Adds cases to the growth school until it holds {@code target} (so 10k, then 100k, then 1M only
     * adds the difference), creating the school on the first call with the seeded handler (see
     * {@link #seed}) as its handler and administrator. Multi-row INSERTs of {@value #GROW_ROWS} rows, one
     * commit per 10 of them. Besides a year of history like {@link #seed}'s, 2 % of the cases were closed
     * more than the school's retention (365 days) ago, so the retention job has real work at each size,
     * and 0.1 % are urgent, still NEW and past their 2-hour acknowledge deadline, for the escalation job;
     * no other case is NEW and urgent, so those are the escalation job's only unacknowledged work.
     */
    Grown grow(int target) throws Exception {
        db.setAutoCommit(false);
        Instant now = Instant.now();
        long school;
        long staff;
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM staff WHERE email = '" + Bench.STAFF_EMAIL + "'")) {
            if (!rs.next()) {
                throw new IllegalStateException("no bench handler: run seed first");
            }
            staff = rs.getLong(1);
        }
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM school WHERE slug = '" + GROWTH_SCHOOL + "'")) {
            school = rs.next() ? rs.getLong(1) : -1;
        }
        if (school < 0) {
            school = school(GROWTH_SCHOOL, "Bench Growth District School", now);
            try (Statement s = db.createStatement()) {
                s.executeUpdate("INSERT INTO staff_role (staff_id, school_id, role) VALUES (" + staff + ", " + school
                        + ", 'HANDLER'), (" + staff + ", " + school + ", 'ADMIN')");
            }
            db.commit();
        }
        int have;
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM report_case WHERE school_id = " + school)) {
            rs.next();
            have = rs.getInt(1);
        }
        int due = 0;
        int overdue = 0;
        StringBuilder sql = new StringBuilder("INSERT INTO report_case (school_id, category, affected, danger_now, urgent,"
                + " volume_flagged, status, receipt_hash, case_number, where_enc, when_enc, body_enc, contact_enc,"
                + " created_at, acknowledge_by, review_by, acknowledged_at, closed_at, updated_at, assignee_id,"
                + " about_staff_id) VALUES ");
        for (int k = 0; k < GROW_ROWS; k++) {
            sql.append(k == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, NULL)");
        }
        Random r = new Random(1000003L * have + 7);
        byte[] receipt = new byte[32];
        int statements = 0;
        try (PreparedStatement full = db.prepareStatement(sql.toString())) {
            for (int start = have; start < target; start += GROW_ROWS) {
                int rows = Math.min(GROW_ROWS, target - start);
                PreparedStatement p = full;
                if (rows < GROW_ROWS) {
                    p = db.prepareStatement(sql.substring(0, sql.indexOf("VALUES ") + 7)
                            + String.join(", ", java.util.Collections.nCopies(rows,
                                    "(?, ?, ?, ?, ?, FALSE, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, NULL)")));
                }
                int x = 1;
                for (int k = 0; k < rows; k++) {
                    int i = start + k;
                    int kind = r.nextInt(1000);
                    Instant created;
                    String status;
                    boolean danger;
                    if (kind < 20) { // closed long before the retention cut-off: the retention job's work
                        created = now.minus(Duration.ofDays(380 + r.nextInt(350)));
                        status = "CLOSED";
                        danger = r.nextInt(25) == 0;
                        due++;
                    } else if (kind == 20) { // urgent, never acknowledged, past its 2 hours: the escalation job's
                        created = now.minus(Duration.ofMinutes(180 + r.nextInt(37 * 60)));
                        status = "NEW";
                        danger = true;
                        overdue++;
                    } else {
                        created = now.minusSeconds((long) (r.nextDouble() * 360 * 86400));
                        boolean recent = created.isAfter(now.minus(Duration.ofDays(30)));
                        status = recent ? new String[] {"ACKNOWLEDGED", "IN_PROGRESS", "CLOSED"}[r.nextInt(3)]
                                : r.nextInt(20) == 0 ? "IN_PROGRESS" : "CLOSED";
                        danger = r.nextInt(25) == 0;
                    }
                    boolean isNew = status.equals("NEW");
                    random.nextBytes(receipt);
                    p.setLong(x++, school);
                    p.setString(x++, CATEGORIES[r.nextInt(CATEGORIES.length)]);
                    p.setString(x++, AFFECTED[r.nextInt(AFFECTED.length)]);
                    p.setBoolean(x++, danger);
                    p.setBoolean(x++, danger);
                    p.setString(x++, status);
                    p.setString(x++, HexFormat.of().formatHex(receipt));
                    p.setInt(x++, i + 1);
                    p.setString(x++, r.nextBoolean() ? encrypt("report.where", "Sports hall and the class group chat") : null);
                    p.setString(x++, r.nextBoolean() ? encrypt("report.when", "Last Tuesday, after school") : null);
                    p.setString(x++, encrypt("report.body", body(r, i)));
                    p.setTimestamp(x++, Timestamp.from(created));
                    p.setTimestamp(x++, Timestamp.from(created.plus(Duration.ofHours(danger ? 2 : 48))));
                    p.setTimestamp(x++, Timestamp.from(created.plus(Duration.ofDays(7))));
                    p.setTimestamp(x++, isNew ? null : Timestamp.from(created.plus(Duration.ofHours(1))));
                    p.setTimestamp(x++, status.equals("CLOSED") ? Timestamp.from(created.plus(Duration.ofDays(5))) : null);
                    p.setTimestamp(x++, Timestamp.from(created.plus(Duration.ofHours(1))));
                    if (isNew) {
                        p.setNull(x++, java.sql.Types.BIGINT);
                    } else {
                        p.setLong(x++, staff);
                    }
                }
                p.executeUpdate();
                if (p != full) {
                    p.close();
                }
                if (++statements % 10 == 0) {
                    db.commit();
                }
            }
        }
        db.commit();
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            s.executeUpdate("UPDATE school SET last_case_number = GREATEST(last_case_number, " + target + ") WHERE id = "
                    + school);
            s.execute("ANALYZE TABLE report_case");
        }
        return new Grown(Math.max(0, target - have), due, overdue);
    }

    private long school(String slug, String name, Instant now) throws Exception {
        try (PreparedStatement p = db.prepareStatement("INSERT INTO school (slug, name, jurisdiction, default_language,"
                + " time_zone, created_at) VALUES (?, ?, 'kr', 'en', 'Asia/Seoul', ?)", Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, slug);
            p.setString(2, name);
            p.setTimestamp(3, Timestamp.from(now));
            p.executeUpdate();
            return generatedId(p);
        }
    }

    private static long generatedId(PreparedStatement p) throws Exception {
        try (ResultSet k = p.getGeneratedKeys()) {
            k.next();
            return k.getLong(1);
        }
    }

    private static String body(Random r, int i) {
        StringBuilder sb = new StringBuilder("Report ").append(i).append(". ");
        int n = 2 + r.nextInt(5);
        for (int k = 0; k < n; k++) {
            sb.append(PHRASES[r.nextInt(PHRASES.length)]).append(' ');
        }
        return sb.toString().strip();
    }

    /** The FieldCipher format, byte for byte. */
    String encrypt(String context, String plaintext) throws Exception {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        byte[] out = ByteBuffer.allocate(nonce.length + ct.length).put(nonce).put(ct).array();
        return "v1:" + keyId + ":" + Base64.getEncoder().encodeToString(out);
    }

    /** RFC 6238 TOTP (HMAC-SHA1, 6 digits) for a base32 secret, as io.haven.staff.Totp computes it. */
    static String totp(String base32, long step) throws Exception {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteBuffer bytes = ByteBuffer.allocate(base32.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char ch : base32.toUpperCase(Locale.ROOT).toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(ch);
            bits += 5;
            if (bits >= 8) {
                bytes.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(bytes.array(), "HmacSHA1"));
        byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int o = h[h.length - 1] & 0x0f;
        int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
        return String.format(Locale.ROOT, "%06d", bin % 1_000_000);
    }
}

package io.haven.staff;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A staff account. An invited account has no password until the invitation is accepted. */
@Entity
@Table(name = "staff")
public class Staff extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Always stored lower case (see {@link #normalizeEmail}). */
    @Column(nullable = false, length = 320)
    public String email;

    @Column(name = "display_name", nullable = false, length = 200)
    public String displayName;

    /** argon2id, in the PHC string format; null until the account has a password. */
    @Column(name = "password_hash", length = 255)
    public String passwordHash;

    @Column(nullable = false)
    public boolean active = true;

    /** The TOTP secret, encrypted with FieldCipher context "staff.totp"; null until enrolled. */
    @Lob
    // H2 (MariaDB mode) turns LONGTEXT into VARCHAR, MariaDB keeps LONGTEXT: this type validates on both.
    @JdbcTypeCode(SqlTypes.LONGVARCHAR)
    @Column(name = "totp_secret")
    public String totpSecret;

    @Column(name = "totp_enrolled_at")
    public Instant totpEnrolledAt;

    /** The last TOTP time step accepted: a code for this step or an earlier one is refused (replay). */
    @Column(name = "totp_last_step", nullable = false)
    public long totpLastStep;

    /** Part of every session cookie: raising it ends every session of the account. */
    @Column(name = "session_epoch", nullable = false)
    public int sessionEpoch;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean enrolled() {
        return totpEnrolledAt != null && totpSecret != null;
    }

    public static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    public static Optional<Staff> findByEmail(String email) {
        return find("email", normalizeEmail(email)).firstResultOptional();
    }

    public static List<Staff> listBySchool(long schoolId) {
        return list(
                "select distinct s from Staff s, StaffRole r where r.staffId = s.id and r.schoolId = ?1 "
                        + "order by s.displayName, s.email",
                schoolId);
    }
}

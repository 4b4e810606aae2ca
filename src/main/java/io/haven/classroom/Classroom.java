package io.haven.classroom;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A teacher's class: its band and language decide the lessons its seats are sent to. */
@Entity
@Table(name = "classroom")
public class Classroom extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "school_id", nullable = false)
    public long schoolId;

    /** The teacher who created the class: the only one who sees it. */
    @Column(name = "owner_id", nullable = false)
    public long ownerId;

    @Column(nullable = false, length = 100)
    public String name;

    /** The age band id ("11-13"). */
    @Column(nullable = false, length = 8)
    public String band;

    /** The language code ("en", "ko", "fr"). */
    @Column(nullable = false, length = 8)
    public String language;

    @Column(name = "join_code", nullable = false, length = 16)
    public String joinCode;

    /** False once the teacher closed the code: nobody new may join. */
    @Column(name = "code_open", nullable = false)
    public boolean codeOpen;

    /** The last day the code works, in the school's time zone; null for no end. */
    @Column(name = "code_expires_on")
    public LocalDate codeExpiresOn;

    /** The most seats the class takes; null for no limit. */
    @Column(name = "seat_cap")
    public Integer seatCap;

    @Column(name = "archived_at")
    public Instant archivedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Classroom> findByCode(String code) {
        return find("joinCode = ?1 and archivedAt is null", code).firstResultOptional();
    }

    public static boolean codeTaken(String code) {
        return count("joinCode", code) > 0;
    }

    public static List<Classroom> listByOwner(long ownerId, List<Long> schoolIds) {
        return list("ownerId = ?1 and schoolId in ?2 and archivedAt is null order by name, id", ownerId, schoolIds);
    }
}

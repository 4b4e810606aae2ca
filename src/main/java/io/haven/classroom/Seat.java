package io.haven.classroom;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A student's place in a class: a nickname and nothing else about them. Never linked to a report.
 * The resume code is kept only as a keyed hash.
 */
@Entity
@Table(name = "class_seat")
public class Seat extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "classroom_id", nullable = false)
    public long classroomId;

    @Column(nullable = false, length = 30)
    public String nickname;

    /** The nickname folded for comparison, so "Mina" and "mina " are one name in a class. */
    @Column(name = "nickname_key", nullable = false, length = 30)
    public String nicknameKey;

    @Column(name = "resume_hash", nullable = false, length = 64)
    public String resumeHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static String key(String nickname) {
        return nickname.strip().toLowerCase(Locale.ROOT);
    }

    public static Optional<Seat> findByResumeHash(String hash) {
        return find("resumeHash", hash).firstResultOptional();
    }

    public static boolean nicknameTaken(long classroomId, String nickname) {
        return count("classroomId = ?1 and nicknameKey = ?2", classroomId, key(nickname)) > 0;
    }

    public static long countByClassroom(long classroomId) {
        return count("classroomId", classroomId);
    }

    public static List<Seat> listByClassroom(long classroomId) {
        return list("classroomId = ?1 order by nicknameKey, id", classroomId);
    }
}

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
import java.util.Optional;

/** How far a seat got with one module: read when opened, completed when its quiz was sent. */
@Entity
@Table(name = "class_progress")
public class Progress extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "seat_id", nullable = false)
    public long seatId;

    @Column(name = "module_id", nullable = false, length = 80)
    public String moduleId;

    @Column(name = "read_at", nullable = false)
    public Instant readAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "last_score")
    public Integer lastScore;

    @Column(name = "best_score")
    public Integer bestScore;

    @Column(name = "question_count")
    public Integer questionCount;

    public boolean completed() {
        return completedAt != null;
    }

    public static Optional<Progress> findBySeat(long seatId, String moduleId) {
        return find("seatId = ?1 and moduleId = ?2", seatId, moduleId).firstResultOptional();
    }

    public static List<Progress> listBySeats(List<Long> seatIds) {
        return seatIds.isEmpty() ? List.of() : list("seatId in ?1", seatIds);
    }

    public static long deleteBySeats(List<Long> seatIds) {
        return seatIds.isEmpty() ? 0 : delete("seatId in ?1", seatIds);
    }
}

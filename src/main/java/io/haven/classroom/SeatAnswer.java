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

/** Whether a seat got one quiz question right in its latest attempt (by language-independent question id). */
@Entity
@Table(name = "class_answer")
public class SeatAnswer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "seat_id", nullable = false)
    public long seatId;

    @Column(name = "module_id", nullable = false, length = 80)
    public String moduleId;

    @Column(name = "question_id", nullable = false, length = 80)
    public String questionId;

    @Column(nullable = false)
    public boolean correct;

    @Column(name = "answered_at", nullable = false)
    public Instant answeredAt;

    public static Optional<SeatAnswer> find(long seatId, String moduleId, String questionId) {
        return find("seatId = ?1 and moduleId = ?2 and questionId = ?3", seatId, moduleId, questionId)
                .firstResultOptional();
    }

    public static List<SeatAnswer> listBySeats(List<Long> seatIds) {
        return seatIds.isEmpty() ? List.of() : list("seatId in ?1", seatIds);
    }

    public static long deleteBySeats(List<Long> seatIds) {
        return seatIds.isEmpty() ? 0 : delete("seatId in ?1", seatIds);
    }
}

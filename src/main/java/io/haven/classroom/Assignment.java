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

/** A module a class is asked to read, in one band, with an optional due date. */
@Entity
@Table(name = "class_assignment")
public class Assignment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "classroom_id", nullable = false)
    public long classroomId;

    @Column(name = "module_id", nullable = false, length = 80)
    public String moduleId;

    /** The band of the lesson the class reads: the class's own, or the module's nearest when it has not that one. */
    @Column(nullable = false, length = 8)
    public String band;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<Assignment> listByClassroom(long classroomId) {
        return list("classroomId = ?1 order by createdAt, id", classroomId);
    }

    public static Optional<Assignment> findByModule(long classroomId, String moduleId) {
        return find("classroomId = ?1 and moduleId = ?2", classroomId, moduleId).firstResultOptional();
    }
}

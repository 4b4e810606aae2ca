package io.haven.casework;

import static io.haven.web.Columns.LONG_TEXT;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** An internal note on a case: staff only, never shown to the reporter, stored encrypted. */
@Entity
@Table(name = "case_note")
public class CaseNote extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public long caseId;

    @Column(name = "staff_id", nullable = false)
    public long staffId;

    @Column(name = "body_enc", nullable = false, length = LONG_TEXT)
    public String bodyEnc;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<CaseNote> listByCase(long caseId) {
        return list("caseId = ?1 order by createdAt, id", caseId);
    }
}

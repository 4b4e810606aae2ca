package io.haven.report;

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

/** One message of the conversation between the reporter and staff, stored encrypted. */
@Entity
@Table(name = "case_message")
public class CaseMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public long caseId;

    @Column(name = "from_reporter", nullable = false)
    public boolean fromReporter;

    @Column(name = "staff_id")
    public Long staffId;

    @Column(name = "body_enc", nullable = false, length = LONG_TEXT)
    public String bodyEnc;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<CaseMessage> listByCase(long caseId) {
        return list("caseId = ?1 order by createdAt, id", caseId);
    }
}

package io.haven.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * An action that belongs to no school: a district administrator invited or accepted, the provisioning
 * file applied. Append-only; details name accounts by id, never by address.
 */
@Entity
@Table(name = "district_audit")
public class DistrictAudit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Who acted; null for the provisioning file. */
    @Column(name = "staff_id")
    public Long staffId;

    @Column(nullable = false, length = 40)
    public String action;

    @Column(nullable = false, length = 500)
    public String detail;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static void record(Long staffId, String action, String detail, Instant at) {
        DistrictAudit a = new DistrictAudit();
        a.staffId = staffId;
        a.action = action;
        a.detail = detail.length() > 500 ? detail.substring(0, 500) : detail;
        a.createdAt = at;
        a.persist();
    }

    public static List<DistrictAudit> listNewest(int limit) {
        return find("order by id desc").page(0, limit).list();
    }
}

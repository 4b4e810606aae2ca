package io.haven.admin;

import io.haven.audit.Actor;
import io.haven.audit.Audit;
import io.haven.audit.DistrictAudit;
import io.haven.jobs.JobLease;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.Staff;
import io.haven.staff.StaffRole;
import io.haven.staff.StaffService;
import io.haven.web.Clock;
import io.haven.web.HavenConfig;
import io.haven.web.Language;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Applies the provisioning file ({@code haven.provision.file}) at start-up, for automated installs:
 * creates the schools it lists that do not exist yet and invites the administrators it names who are
 * not administrators yet, by mail. Nothing that exists is changed, so applying it again (every start,
 * every node) changes nothing; schools are then managed on the staff pages.
 */
@ApplicationScoped
public class Provisioning {

    private static final Logger LOG = Logger.getLogger(Provisioning.class);
    static final String LEASE = "provisioning";

    @Inject
    HavenConfig config;

    @Inject
    StaffService staff;

    @Inject
    Audit audit;

    @Inject
    SchoolDirectory directory;

    @Inject
    JobLease lease;

    @Inject
    Clock clock;

    /** What one application of the file did. */
    public record Result(int schoolsCreated, int invitations, int skipped) {

        public boolean changedNothing() {
            return schoolsCreated == 0 && invitations == 0;
        }
    }

    /** After the demo data (1-3), before the first-run check (5), which logs a setup link only while no invited administrator has accepted. */
    void onStart(@Observes @Priority(4) StartupEvent event) throws InterruptedException {
        Optional<String> file = config.provision().file().filter(f -> !f.isBlank());
        if (file.isEmpty()) {
            return;
        }
        ProvisionPlan plan = ProvisionPlan.read(Path.of(file.get()));
        // Nodes started together apply it one after the other; the second finds everything made.
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
        while (!lease.acquire(LEASE, Duration.ofMinutes(2)) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(250);
        }
        try {
            Result r = apply(plan);
            LOG.infof(
                    "Provisioning file applied: %d schools created, %d invitations sent, %d entries already in place",
                    r.schoolsCreated(), r.invitations(), r.skipped());
        } finally {
            lease.release(LEASE);
        }
        directory.refresh();
    }

    /** Applies a plan in one transaction; idempotent. */
    @Transactional
    Result apply(ProvisionPlan plan) {
        int created = 0;
        int invited = 0;
        int skipped = 0;
        for (ProvisionPlan.Person p : plan.districtAdmins()) {
            switch (staff.inviteDistrictAdmin(
                    null,
                    p.email(),
                    p.name(),
                    Language.of(plan.districtLanguage()).orElseThrow())) {
                case INVITED -> invited++;
                case ALREADY -> skipped++;
                case ACCOUNT_EXISTS -> {
                    skipped++;
                    LOG.warnf("Provisioning: a district administrator in the file already has a staff account; "
                            + "not made district administrator (invite another address from the staff pages)");
                }
            }
        }
        for (ProvisionPlan.SchoolEntry e : plan.schools()) {
            School s = School.findBySlug(e.form().slug).orElse(null);
            if (s == null) {
                s = new School();
                s.slug = e.form().slug;
                e.form().applySettings(s);
                s.createdAt = clock.now();
                s.persist();
                audit.record(
                        Actor.system("provisioning"),
                        s.id,
                        null,
                        "SCHOOL_CREATE",
                        "slug " + s.slug + ", from the provisioning file");
                created++;
            } else {
                skipped++;
            }
            for (ProvisionPlan.Person p : e.admins()) {
                Optional<Staff> existing = Staff.findByEmail(p.email());
                if (existing.isPresent() && StaffRole.exists(existing.get().id, s.id, Role.ADMIN)) {
                    skipped++;
                } else if (existing.isPresent() && existing.get().passwordHash != null) {
                    // Roles on an account in use are never given without its owner's consent (an offer needs an actor).
                    skipped++;
                    LOG.warnf(
                            "Provisioning: an administrator of school '%s' in the file already has a staff account; "
                                    + "invite them from the school's staff page",
                            s.slug);
                } else {
                    staff.invite(s.id, null, p.email(), p.name(), Set.of(Role.ADMIN));
                    invited++;
                }
            }
        }
        if (created > 0 || invited > 0) {
            DistrictAudit.record(
                    null, "PROVISION", created + " schools created, " + invited + " invitations sent", clock.now());
        }
        return new Result(created, invited, skipped);
    }
}

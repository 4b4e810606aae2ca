package io.haven.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haven.audit.CaseAudit;
import io.haven.audit.DistrictAudit;
import io.haven.notify.OutboxMail;
import io.haven.school.School;
import io.haven.school.SchoolDirectory;
import io.haven.staff.Role;
import io.haven.staff.Staff;
import io.haven.staff.StaffFixtures;
import io.haven.staff.StaffRole;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provisioning file makes the schools and invites the first administrators, once: a second run changes nothing. */
@QuarkusTest
class ProvisioningTest {

    @Inject
    Provisioning provisioning;

    @Inject
    StaffFixtures fx;

    @Inject
    SchoolDirectory directory;

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() {
        fx.reset();
    }

    @Test
    void applyingTheFileTwiceChangesNothingTheSecondTime() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String north = "north-" + run;
        String south = "south-" + run;
        Path file = dir.resolve("provision.yaml");
        Files.writeString(file, """
                # Example district
                district:
                  language: ko
                  admins:
                    - name: Min-jun Park
                      email: it-%1$s@district.test
                schools:
                  - slug: %2$s
                    name: North High School
                    jurisdiction: kr
                    language: ko
                    time-zone: Asia/Seoul
                    emergency-number: "112"
                    admins:
                      - name: Ji-woo Kim
                        email: jiwoo-%1$s@north.test
                  - slug: %3$s
                    name: École du Sud
                    jurisdiction: fr
                    language: fr
                    time-zone: Europe/Paris
                    admins:
                      - name: Claire Martin
                        email: claire-%1$s@south.test
                """.formatted(run, north, south));

        Provisioning.Result first = provisioning.apply(ProvisionPlan.read(file));
        assertThat(first.schoolsCreated()).isEqualTo(2);
        assertThat(first.invitations()).isEqualTo(3);
        QuarkusTransaction.requiringNew().run(() -> {
            School n = School.findBySlug(north).orElseThrow();
            assertThat(n.name).isEqualTo("North High School");
            assertThat(n.emergencyNumber).isEqualTo("112");
            assertThat(n.timeZone).isEqualTo("Asia/Seoul");
            Staff jiwoo = Staff.findByEmail("jiwoo-" + run + "@north.test").orElseThrow();
            assertThat(StaffRole.exists(jiwoo.id, n.id, Role.ADMIN)).isTrue();
            Staff district = Staff.findByEmail("it-" + run + "@district.test").orElseThrow();
            assertThat(StaffRole.exists(district.id, null, Role.DISTRICT_ADMIN)).isTrue();
            assertThat(CaseAudit.count("schoolId = ?1 and action = 'SCHOOL_CREATE' and staffId is null", n.id))
                    .isEqualTo(1);
            assertThat(DistrictAudit.count("action = 'PROVISION'")).isPositive();
        });
        // Each first administrator got an invitation in the school's language; the district's in Korean.
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo("claire-" + run + "@south.test")))
                .singleElement()
                .satisfies(m -> assertThat(m.bodyText()).contains("Bonjour Claire Martin", "/staff/invitation?token="));
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMail.listTo("it-" + run + "@district.test")))
                .singleElement()
                .satisfies(m -> assertThat(m.bodyText()).contains("교육청 관리자"));
        long mails = QuarkusTransaction.requiringNew().call(() -> OutboxMail.count());
        long audit = QuarkusTransaction.requiringNew().call(() -> CaseAudit.count() + DistrictAudit.count());

        Provisioning.Result second = provisioning.apply(ProvisionPlan.read(file));
        assertThat(second.changedNothing()).isTrue();
        assertThat(second.skipped()).isEqualTo(5);
        assertThat(QuarkusTransaction.requiringNew().call(() -> OutboxMail.count()))
                .isEqualTo(mails);
        assertThat(QuarkusTransaction.requiringNew().call(() -> CaseAudit.count() + DistrictAudit.count()))
                .isEqualTo(audit);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> School.count("slug in ?1", java.util.List.of(north, south))))
                .isEqualTo(2);
        // The directory knows the schools once the start-up path refreshes it; a public page then finds them.
        directory.refresh();
        assertThat(new FormSession().get("/s/" + north + "/help").statusCode()).isEqualTo(200);
    }

    @Test
    void theReadmeExampleIsAValidFile() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("# haven-provision.yaml");
        String yaml = readme.substring(start, readme.indexOf("```", start));
        Path file = dir.resolve("readme.yaml");
        Files.writeString(file, yaml);
        ProvisionPlan plan = ProvisionPlan.read(file);
        assertThat(plan.districtAdmins()).hasSize(1);
        assertThat(plan.schools()).extracting(e -> e.form().slug).containsExactly("north-high", "south-middle");
        assertThat(plan.schools().get(0).form().emergencyNumber).isEqualTo("112");
    }

    @Test
    void aMistakeInTheFileNamesTheEntryAndAppliesNothing() throws IOException {
        String slug = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                schools:
                  - slug: %s
                    name: A School
                    jurisdiction: kr
                    language: ko
                    time-zone: Asia/Seoul
                  - slug: second-%s
                    name: Another
                    jurisdiction: xx
                    language: ko
                    time-zone: Asia/Seoul
                """.formatted(slug, slug));
        assertThatThrownBy(() -> ProvisionPlan.read(file)).hasMessageContaining("schools[1].jurisdiction");
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> School.findBySlug(slug).isPresent()))
                .isFalse();

        Files.writeString(file, "schools:\n  - slug: ok-slug\n    colour: blue\n");
        assertThatThrownBy(() -> ProvisionPlan.read(file)).hasMessageContaining("schools[0]", "unknown field 'colour'");
        Files.writeString(file, "district:\n  admins:\n    - name: X\n      email: nope\n");
        assertThatThrownBy(() -> ProvisionPlan.read(file)).hasMessageContaining("district.admins[0].email");
    }
}

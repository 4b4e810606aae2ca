package io.haven.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haven.report.ReportCase;
import io.haven.report.ReportForm;
import io.haven.report.ReportService;
import io.haven.school.SchoolDirectory;
import io.haven.school.TestSchools;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A new key encrypts from then on, old keys still decrypt, and the job moves old rows to the new key. */
@QuarkusTest
class KeyRotationTest {

    @Inject
    FieldCipher cipher;

    @Inject
    ReencryptionJob job;

    @Inject
    ReportService reports;

    @Inject
    SchoolDirectory schools;

    @Test
    void newValuesUseTheLastKeyAndTamperingIsDetected() {
        String v = cipher.encrypt("report.body", "hello");
        assertThat(v).startsWith("v1:k1:");
        assertThat(cipher.decrypt("report.body", v)).isEqualTo("hello");
        assertThatThrownBy(() -> cipher.decrypt("message.body", v))
                .as("another column's context")
                .isInstanceOf(IllegalStateException.class);
        String tampered = v.substring(0, v.length() - 4) + (v.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> cipher.decrypt("report.body", tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void oldKeyStillDecryptsAndTheJobMovesRowsToTheNewKey() {
        TestSchools.ensure("rotation", "gb", "en", "Europe/London");
        schools.refresh();
        ReportForm f = new ReportForm();
        f.category = "bullying";
        f.affected = "me";
        f.dangerNow = "no";
        f.body = "Written before the rotation";
        reports.submit(f, schools.bySlug("rotation").orElseThrow().id(), null);
        long id = QuarkusTransaction.requiringNew()
                .call(() -> ReportCase.<ReportCase>find("order by id desc").firstResult().id);
        String old = cipher.encryptWith("k0", "report.body", "Written before the rotation");
        QuarkusTransaction.requiringNew().run(() -> ReportCase.update("bodyEnc = ?1 where id = ?2", old, id));
        assertThat(cipher.decrypt("report.body", old)).isEqualTo("Written before the rotation");

        assertThat(job.run()).isGreaterThanOrEqualTo(1);
        assertThat(job.due())
                .as("a pass moved values: the next one checks again")
                .isTrue();
        String moved = QuarkusTransaction.requiringNew().call(() -> ReportCase.<ReportCase>findById(id).bodyEnc);
        assertThat(moved).startsWith("v1:k1:");
        assertThat(cipher.decrypt("report.body", moved)).isEqualTo("Written before the rotation");
        assertThat(job.run()).as("nothing left under the old key").isZero();
        assertThat(job.due())
                .as("the hourly schedule stops reading every encrypted column")
                .isFalse();
    }
}

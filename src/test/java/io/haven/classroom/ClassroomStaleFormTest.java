package io.haven.classroom;

import static io.haven.classroom.ClassroomFixtures.classForm;
import static io.haven.classroom.ClassroomFixtures.createClass;
import static io.haven.classroom.ClassroomFixtures.joinCode;
import static io.haven.classroom.ClassroomFixtures.school;
import static io.haven.classroom.ClassroomFixtures.signIn;
import static io.haven.classroom.ClassroomFixtures.teacher;
import static org.assertj.core.api.Assertions.assertThat;

import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The class forms with a stale token come back filled in (400) and change nothing; limits keep their numbers. */
@QuarkusTest
class ClassroomStaleFormTest {

    static final String EXPIRED = "Nothing was lost: check it and send it again.";

    @Inject
    JoinResource joins;

    long schoolA;

    @BeforeEach
    void setUp() {
        joins.attempts.clear();
        schoolA = school("class-a");
        teacher("teacher.a@class.test", schoolA);
    }

    @AfterEach
    void tearDown() {
        joins.attempts.clear();
    }

    static long count(String entity, long classId) {
        return QuarkusTransaction.requiringNew().call(() -> switch (entity) {
            case "seat" -> Seat.count("classroomId", classId);
            case "assignment" -> Assignment.count("classroomId", classId);
            default -> Classroom.count();
        });
    }

    @Test
    void teacherFormsWithAStaleTokenComeBackFilledIn() {
        FormSession teacher = signIn("teacher.a@class.test");
        String name = "Stale " + System.nanoTime();
        teacher.get("/staff/classes/new");
        long classes = count("class", 0);
        Response created = teacher.postRaw("/staff/classes", classForm(schoolA, name, "11-13"));
        assertThat(created.statusCode()).isEqualTo(400);
        assertThat(created.asString()).contains(EXPIRED).contains("value=\"" + name + "\"");
        assertThat(count("class", 0)).isEqualTo(classes);

        long id = createClass(teacher, classForm(schoolA, name, "11-13"));
        teacher.get("/staff/classes/" + id);
        Response assigned = teacher.postRaw(
                "/staff/classes/" + id + "/assignments",
                Map.of("module", "deepfakes-and-consent", "dueOn", "2099-01-02"));
        assertThat(assigned.statusCode()).isEqualTo(400);
        assertThat(assigned.asString()).contains(EXPIRED).contains("value=\"2099-01-02\"");
        assertThat(count("assignment", id)).isZero();

        Response closed = teacher.postRaw("/staff/classes/" + id + "/code/close", Map.of());
        assertThat(closed.statusCode()).isEqualTo(400);
        assertThat(closed.asString()).contains(EXPIRED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Classroom.<Classroom>findById(id).codeOpen))
                .isTrue();

        // The name's limit keeps its number.
        teacher.get("/staff/classes/new");
        Response longName = teacher.post("/staff/classes", classForm(schoolA, "n".repeat(101), "11-13"));
        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(longName.asString()).contains("Use a name of at most 100 characters.");
    }

    @Test
    void studentFormsWithAStaleTokenComeBackFilledIn() {
        FormSession teacher = signIn("teacher.a@class.test");
        long id = createClass(teacher, classForm(schoolA, "Join " + System.nanoTime(), "11-13"));
        String code = joinCode(id);
        FormSession student = new FormSession();
        student.get("/join");
        Response joined = student.postRaw("/join", Map.of("code", code, "nickname", "Haru"));
        assertThat(joined.statusCode()).isEqualTo(400);
        assertThat(joined.asString())
                .contains(EXPIRED)
                .contains("value=\"" + code + "\"")
                .contains("value=\"Haru\"");
        assertThat(count("seat", id)).isZero();

        student.get("/join/resume");
        Response resumed = student.postRaw("/join/resume", Map.of("resumeCode", "ABCD-EFGH-JKLM"));
        assertThat(resumed.statusCode()).isEqualTo(400);
        assertThat(resumed.asString()).contains(EXPIRED).contains("value=\"ABCD-EFGH-JKLM\"");

        // The nickname's limit keeps its number.
        student.get("/join");
        Response tooLong = student.post("/join", Map.of("code", code, "nickname", "n".repeat(31)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.asString()).contains("Use a nickname of at most 30 characters.");
        assertThat(count("seat", id)).isZero();
    }
}

package io.haven.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.school.School;
import io.haven.staff.PasswordHasher;
import io.haven.staff.Role;
import io.haven.staff.Staff;
import io.haven.staff.StaffRole;
import io.haven.web.FormSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Schools, teachers signed in through the real login page, classes and seats, for the classroom tests. */
final class ClassroomFixtures {

    static final String PASSWORD = "correct horse battery staple 42";

    private ClassroomFixtures() {}

    static long school(String slug) {
        return QuarkusTransaction.requiringNew()
                .call(() -> School.findBySlug(slug).map(s -> s.id).orElseGet(() -> {
                    School s = new School();
                    s.slug = slug;
                    s.name = "School " + slug;
                    s.jurisdiction = "kr";
                    s.defaultLanguage = "ko";
                    s.timeZone = "Asia/Seoul";
                    s.createdAt = Instant.now();
                    s.persist();
                    return s.id;
                }));
    }

    /** A teacher of the school (created once), with a password and no second factor. */
    static void teacher(String email, long schoolId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Staff s = Staff.findByEmail(email).orElseGet(() -> {
                Staff n = new Staff();
                n.email = Staff.normalizeEmail(email);
                n.displayName = "Teacher " + email;
                n.passwordHash =
                        CDI.current().select(PasswordHasher.class).get().hash(PASSWORD);
                n.createdAt = Instant.now();
                n.persist();
                return n;
            });
            if (!StaffRole.exists(s.id, schoolId, Role.TEACHER)) {
                StaffRole.of(s.id, schoolId, Role.TEACHER).persist();
            }
        });
    }

    static FormSession signIn(String email) {
        FormSession s = new FormSession();
        s.get("/staff/login");
        Response r = s.post("/staff/login", Map.of("email", email, "password", PASSWORD));
        assertThat(r.statusCode()).as("sign-in of " + email).isEqualTo(303);
        assertThat(r.header("Location")).endsWith("/staff");
        return s;
    }

    static Map<String, Object> classForm(long schoolId, String name, String band) {
        Map<String, Object> f = new HashMap<>();
        f.put("name", name);
        f.put("school", Long.toString(schoolId));
        f.put("band", band);
        f.put("language", "en");
        f.put("expiresOn", "");
        f.put("seatCap", "");
        return f;
    }

    /** Creates a class through the form and answers its id. */
    static long createClass(FormSession teacher, Map<String, Object> form) {
        teacher.get("/staff/classes/new");
        Response r = teacher.post("/staff/classes", form);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(303);
        String location = r.header("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    static String joinCode(long classId) {
        return QuarkusTransaction.requiringNew().call(() -> Classroom.<Classroom>findById(classId).joinCode);
    }

    static Response join(FormSession student, String code, String nickname) {
        student.get("/join");
        return student.post("/join", Map.of("code", code, "nickname", nickname));
    }
}

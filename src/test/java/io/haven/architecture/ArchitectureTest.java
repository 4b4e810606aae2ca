package io.haven.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package graph of io.haven (README, "Architecture"; docs/architecture.md draws it): no cycle, and each
 * package depends only on the packages below it. A plain unit test: no Quarkus, a second or two.
 */
class ArchitectureTest {

    /** Each package and the io.haven packages it may use: the arrows of docs/architecture.md. */
    static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("web", Set.of());
        ALLOWED.put("jobs", Set.of("web"));
        ALLOWED.put("crypto", Set.of("web", "jobs"));
        ALLOWED.put("audit", Set.of("web", "crypto"));
        ALLOWED.put("notify", Set.of("web", "jobs", "crypto"));
        ALLOWED.put("lesson", Set.of("web"));
        ALLOWED.put("school", Set.of("web", "jobs", "lesson"));
        ALLOWED.put("report", Set.of("web", "crypto", "lesson", "school"));
        ALLOWED.put("staff", Set.of("web", "jobs", "crypto", "audit", "notify", "lesson", "school", "report"));
        Set<String> features =
                Set.of("web", "jobs", "crypto", "audit", "notify", "lesson", "school", "report", "staff");
        ALLOWED.put("casework", features);
        ALLOWED.put("classroom", Set.of("web", "crypto", "lesson", "school", "staff"));
        ALLOWED.put("admin", features);
        ALLOWED.put("guide", Set.of("web", "lesson", "staff"));
        ALLOWED.put("ops", features);
    }

    static JavaClasses main;

    @BeforeAll
    static void importMain() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.haven");
    }

    static ArchRule noCycles() {
        return slices().matching("io.haven.(*)..").should().beFreeOfCycles();
    }

    @Test
    void thePackageGraphHasNoCycle() {
        noCycles().check(main);
    }

    @Test
    void eachPackageUsesOnlyThePackagesBelowIt() {
        Set<String> all = new TreeSet<>(ALLOWED.keySet());
        Set<String> found = new TreeSet<>();
        main.forEach(c -> {
            String p = c.getPackageName();
            if (p.startsWith("io.haven.")) {
                found.add(p.substring("io.haven.".length()).split("\\.")[0]);
            }
        });
        assertThat(found).as("every package has its place in the graph").isSubsetOf(all);
        for (var e : ALLOWED.entrySet()) {
            String[] forbidden = all.stream()
                    .filter(p -> !p.equals(e.getKey()) && !e.getValue().contains(p))
                    .map(p -> "io.haven." + p + "..")
                    .toArray(String[]::new);
            if (forbidden.length > 0) {
                noClasses()
                        .that()
                        .resideInAPackage("io.haven." + e.getKey() + "..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(forbidden)
                        .because("docs/architecture.md allows " + e.getKey() + " -> " + e.getValue())
                        .check(main);
            }
        }
    }

    /** The design's "never" rules, stated on their own so that a change to the map above cannot drop them. */
    @Test
    void theDesignsNeverRulesHold() {
        noClasses()
                .that()
                .resideInAPackage("io.haven.report..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.haven.classroom..")
                .because("no link between a class seat and a report")
                .check(main);
        noClasses()
                .that()
                .resideInAPackage("io.haven.crypto..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.haven.lesson..",
                        "io.haven.report..",
                        "io.haven.casework..",
                        "io.haven.classroom..",
                        "io.haven.staff..",
                        "io.haven.school..",
                        "io.haven.notify..",
                        "io.haven.admin..",
                        "io.haven.ops..",
                        "io.haven.guide..",
                        "io.haven.audit..")
                .because("encryption knows no feature")
                .check(main);
        noClasses()
                .that()
                .resideInAPackage("io.haven.lesson..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.haven.report..", "io.haven.casework..")
                .because("lessons know nothing of reports")
                .check(main);
    }

    /** Resources parse, call one service method and render: transactions belong to services. */
    @Test
    void noResourceOwnsATransaction() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .beAnnotatedWith(jakarta.transaction.Transactional.class)
                .check(main);
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods()
                .that()
                .areDeclaredInClassesThat()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .beAnnotatedWith(jakarta.transaction.Transactional.class)
                .check(main);
    }

    /**
     * One form pipeline: the CSRF token is checked in one place (CsrfFilter), no handler reads a form body
     * by hand (a MultivaluedMap parameter), and no resource builds its own validator run.
     */
    @Test
    void formsGoThroughOnePipeline() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("io.haven.web.CsrfFilter")
                .should()
                .callMethod(io.haven.web.Csrf.class, "accepts", String.class)
                .because("the CSRF check exists in one place")
                .check(main);
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods()
                .that()
                .areAnnotatedWith(jakarta.ws.rs.POST.class)
                .should()
                .haveRawParameterTypes(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "a MultivaluedMap parameter",
                        (java.util.List<com.tngtech.archunit.core.domain.JavaClass> types) -> types.stream()
                                .anyMatch(t -> t.isAssignableTo(jakarta.ws.rs.core.MultivaluedMap.class))))
                .because("forms are bound with @BeanParam form classes")
                .check(main);
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Resource")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("jakarta.validation.Validator")
                .because("validation runs in web.Forms")
                .check(main);
    }

    /** The test can fail: one class of web that imports casework (a test fixture) closes a cycle. */
    @Test
    void aBackImportIsCaught() {
        JavaClasses withFixture = new ClassFileImporter()
                .withImportOption(l -> !l.contains("/test-classes/") || l.contains("BackImportFixture"))
                .importPackages("io.haven");
        assertThat(withFixture.contain("io.haven.web.BackImportFixture")).isTrue();
        assertThatThrownBy(() -> noCycles().check(withFixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("web")
                .hasMessageContaining("casework");
    }
}

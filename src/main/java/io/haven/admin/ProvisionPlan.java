package io.haven.admin;

import io.haven.web.FormErrors;
import io.haven.web.Language;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The provisioning file (README, "Deploying for a district"): the district's administrators and the
 * schools with their first administrators. Read and checked whole before anything is applied; a
 * mistake stops the start naming the entry, so an automated install never half-applies a file.
 */
record ProvisionPlan(List<Person> districtAdmins, String districtLanguage, List<SchoolEntry> schools) {

    record Person(String name, String email) {}

    record SchoolEntry(SchoolForm form, List<Person> admins) {}

    private static final Set<String> TOP = Set.of("district", "schools");
    private static final Set<String> DISTRICT = Set.of("language", "admins");
    private static final Set<String> SCHOOL = Set.of(
            "slug", "name", "jurisdiction", "language", "time-zone", "emergency-number", "quick-exit-url", "admins");
    private static final Set<String> PERSON = Set.of("name", "email");

    static ProvisionPlan read(Path file) {
        Object root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).load(r);
        } catch (IOException | YAMLException e) {
            throw new IllegalStateException(
                    "haven.provision.file " + file + ": cannot be read (" + e.getMessage() + ")");
        }
        return of(String.valueOf(file), root);
    }

    static ProvisionPlan of(String file, Object root) {
        Map<String, Object> top = mapping(file, "the file", root == null ? Map.of() : root, TOP);
        Map<String, Object> district = mapping(file, "district", top.getOrDefault("district", Map.of()), DISTRICT);
        String language = text(district.get("language"), "en");
        if (Language.of(language).isEmpty()) {
            throw problem(file, "district.language", "must be en, ko or fr");
        }
        List<Person> districtAdmins = people(file, "district.admins", district.get("admins"));
        List<SchoolEntry> schools = new ArrayList<>();
        List<Object> list = list(file, "schools", top.get("schools"));
        Set<String> slugs = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "schools[" + i + "]";
            Map<String, Object> m = mapping(file, where, list.get(i), SCHOOL);
            SchoolForm f = new SchoolForm();
            f.slug = text(m.get("slug"), "");
            f.name = text(m.get("name"), "");
            f.jurisdiction = text(m.get("jurisdiction"), "");
            f.defaultLanguage = text(m.get("language"), "");
            f.timeZone = text(m.get("time-zone"), "");
            f.emergencyNumber = text(m.get("emergency-number"), "");
            f.quickExitUrl = text(m.get("quick-exit-url"), "");
            if (!SchoolForm.SLUG.matcher(f.slug).matches()) {
                throw problem(file, where + ".slug", "3 to 60 lower-case letters, digits or hyphens");
            }
            if (!slugs.add(f.slug)) {
                throw problem(file, where + ".slug", "'" + f.slug + "' appears twice");
            }
            FormErrors errors = f.settingsErrors(new FormErrors(Language.EN));
            if (errors.isPresent()) {
                Map.Entry<String, String> first =
                        errors.getAll().entrySet().iterator().next();
                throw problem(file, where + "." + first.getKey(), first.getValue());
            }
            schools.add(new SchoolEntry(f, people(file, where + ".admins", m.get("admins"))));
        }
        return new ProvisionPlan(districtAdmins, Language.of(language).orElseThrow().code, schools);
    }

    private static List<Person> people(String file, String where, Object value) {
        List<Person> out = new ArrayList<>();
        List<Object> list = list(file, where, value);
        for (int i = 0; i < list.size(); i++) {
            Map<String, Object> m = mapping(file, where + "[" + i + "]", list.get(i), PERSON);
            String name = text(m.get("name"), "");
            String email = text(m.get("email"), "");
            if (name.isEmpty() || name.length() > 200) {
                throw problem(file, where + "[" + i + "].name", "a name of at most 200 characters is needed");
            }
            if (email.length() > 320 || !SchoolForm.EMAIL.matcher(email).matches()) {
                throw problem(file, where + "[" + i + "].email", "not an e-mail address");
            }
            out.add(new Person(name, email));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(String file, String where, Object value, Set<String> allowed) {
        if (!(value instanceof Map<?, ?> m)) {
            throw problem(file, where, "expected a mapping");
        }
        for (Object k : m.keySet()) {
            if (!allowed.contains(String.valueOf(k))) {
                throw problem(
                        file,
                        where,
                        "unknown field '" + k + "' (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed))
                                + ")");
            }
        }
        return (Map<String, Object>) m;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(String file, String where, Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> l)) {
            throw problem(file, where, "expected a list");
        }
        return (List<Object>) l;
    }

    private static String text(Object value, String otherwise) {
        return value == null ? otherwise : String.valueOf(value).strip();
    }

    private static IllegalStateException problem(String file, String where, String what) {
        return new IllegalStateException("haven.provision.file " + file + ": " + where + ": " + what);
    }
}

package io.haven.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JVM options are written in three places: README's production command ({@code HAVEN_JVM_OPTS}), the
 * image ({@code JAVA_OPTS_APPEND} in docker/Dockerfile) and the benchmark ({@code SMALL_JVM_OPTS} in
 * bench/jvm.sh, with compact object headers added on JDK 25). The benchmark's memory and start-up figures
 * hold only for what ships if the three agree, and an option changed in one place alone would make them
 * disagree silently. A plain unit test: no Quarkus.
 */
class JvmOptionsTest {

    private static String read(String file) throws IOException {
        return Files.readString(Path.of(file));
    }

    private static Set<String> options(String quoted) {
        return new TreeSet<>(Arrays.asList(quoted.replace("\\\n", " ").trim().split("\\s+")));
    }

    private static String group(String text, String regex, String what) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(what).isTrue();
        return m.group(1);
    }

    @Test
    void readmeImageAndBenchmarkRunTheSameOptions() throws IOException {
        Set<String> readme =
                options(group(read("README.md"), "HAVEN_JVM_OPTS=\"([^\"]+)\"", "HAVEN_JVM_OPTS in README"));
        Set<String> image = options(group(
                read("docker/Dockerfile"), "JAVA_OPTS_APPEND=\"([^\"]+)\"", "JAVA_OPTS_APPEND in docker/Dockerfile"));
        String jvmSh = read("bench/jvm.sh");
        Set<String> bench = options(group(jvmSh, "\nSMALL_JVM_OPTS=\"([^\"]+)\"", "SMALL_JVM_OPTS in bench/jvm.sh"));
        // bench/jvm.sh adds compact object headers only on JDK 25 and later, where the option exists.
        bench.addAll(options(
                group(jvmSh, "SMALL_JVM_OPTS=\"\\$SMALL_JVM_OPTS ([^\"]+)\"", "the JDK 25 options in bench/jvm.sh")));

        assertThat(readme).as("README's options").contains("-XX:+UseSerialGC", "-Xmx192m");
        assertThat(image).as("docker/Dockerfile against README").isEqualTo(readme);
        assertThat(bench).as("bench/jvm.sh against README").isEqualTo(readme);
    }

    @Test
    void allThreeLimitMallocArenas() throws IOException {
        assertThat(read("README.md")).contains("MALLOC_ARENA_MAX=2 java $HAVEN_JVM_OPTS");
        assertThat(read("docker/Dockerfile")).contains("MALLOC_ARENA_MAX=2");
        assertThat(read("bench/jvm.sh")).contains("MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}");
    }
}

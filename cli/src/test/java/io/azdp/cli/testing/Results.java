package io.azdp.cli.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.LaunchResult;

/** Assertions shared by the CLI tests. */
public final class Results {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Results() {
    }

    public static String describe(LaunchResult r) {
        return "exit " + r.exitCode() + "\n--- stdout\n" + r.getOutput() + "\n--- stderr\n" + r.getErrorOutput();
    }

    /** Exit code as expected, one "error:" line first on stderr, nothing on stdout, no stack trace anywhere. */
    public static void assertFails(LaunchResult r, int exitCode, String... fragments) {
        assertThat(r.exitCode()).as(describe(r)).isEqualTo(exitCode);
        // a failure is a diagnostic: stdout stays empty, so a script never parses half a result
        assertThat(r.getOutput()).as(describe(r)).isBlank();
        String err = r.getErrorOutput();
        assertThat(err).as(describe(r)).contains("error: ");
        for (String f : fragments) {
            assertThat(err).as(describe(r)).contains(f);
        }
        assertNoStackTrace(r);
    }

    public static void assertNoStackTrace(LaunchResult r) {
        String all = r.getOutput() + "\n" + r.getErrorOutput();
        assertThat(all).as(describe(r)).doesNotContainPattern("\\n\\s+at [a-z][\\w.$]+\\(")
                .doesNotContain("Caused by").doesNotContainPattern("(?m)^\\S+Exception: ");
    }

    /**
     * The non-blank lines azdp wrote to stderr. Quarkus's integration-test launcher runs the packaged CLI with
     * {@code quarkus.log.category."io.quarkus".level=INFO}, so an {@code *IT} run also shows Quarkus's own start and
     * stop lines, which a user's azdp (log level WARN) never prints; they are left out.
     */
    public static java.util.List<String> diagnostics(LaunchResult r) {
        return r.getErrorOutput().lines().filter(l -> !l.isBlank())
                .filter(l -> !QUARKUS_LAUNCHER_LOG.matcher(l).find()).toList();
    }

    private static final java.util.regex.Pattern QUARKUS_LAUNCHER_LOG = java.util.regex.Pattern
            .compile("^\\d{4}-\\d{2}-\\d{2} [\\d:,]+ INFO  \\[io\\.quarkus\\] ");

    public static JsonNode json(LaunchResult r) {
        assertThat(r.exitCode()).as(describe(r)).isZero();
        try {
            return MAPPER.readTree(r.getOutput());
        } catch (Exception e) {
            throw new AssertionError("stdout is not JSON: " + describe(r), e);
        }
    }

    /** {@code text} as a JSON string literal. */
    public static String quote(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}

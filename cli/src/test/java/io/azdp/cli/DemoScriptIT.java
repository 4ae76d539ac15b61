package io.azdp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.azdp.cli.testing.Results;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's main job, {@code bin/azdp-demo}, run as a user runs it: it starts the packaged emulator, triggers an
 * adhoc backup with the packaged CLI and follows the job to its end (JVM jars, or the native executables after a
 * {@code -Dnative} build). Guards the script itself (its port probe,
 * readiness loop, credentials and launcher), which the other tests do not run.
 */
class DemoScriptIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theReadmeMainJobTriggersABackupAndFollowsItsJobToCompleted() throws IOException, InterruptedException {
        // the script runs what the last builds produced (JVM jars, or the native executables after -Dnative); with
        // neither it would build them itself, which a test must not do behind the build's back
        boolean nativeCli = built("cli").endsWith("-runner");
        boolean nativeMock = built("mock-server").endsWith("-runner");
        Path out = Files.createTempFile("azdp-demo", ".out");
        Path err = Files.createTempFile("azdp-demo", ".err");
        ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("bin/azdp-demo").toString(), "-o", "json")
                .directory(ROOT.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("AZDP_CONFIG", "/nonexistent");
        pb.environment().put("AZDP_DEMO_OPERATION_DURATION", "PT0.3S");
        pb.environment().put("AZDP_DEMO_JOB_DURATION", "PT0.5S");
        Process p = pb.start();
        try {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("bin/azdp-demo finished within 2 minutes").isTrue();
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            String all = "exit " + p.exitValue() + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
            assertThat(p.exitValue()).as(all).isZero();
            JsonNode job = Results.parse(stdout);
            assertThat(job.path("properties").path("status").asText()).as(all).isEqualTo("Completed");
            assertThat(job.path("properties").path("isUserTriggered").asBoolean()).as(all).isTrue();
            assertThat(stderr).contains("azdp-mock ready on http://127.0.0.1:").contains("azdp exited with 0");
            assertThat(stderr.contains("running the native azdp (")).as(all).isEqualTo(nativeCli);
            assertThat(stderr.contains("running the native azdp-mock (")).as(all).isEqualTo(nativeMock);
        } finally {
            // on a timeout, the emulator the script started must not outlive the test
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** What {@code module/target/quarkus-artifact.properties} names (as bin/azdp-demo reads it); fails if nothing. */
    private static String built(String module) throws IOException {
        Path props = ROOT.resolve(module + "/target/quarkus-artifact.properties");
        Properties p = new Properties();
        if (Files.isRegularFile(props)) {
            try (var in = Files.newInputStream(props)) {
                p.load(in);
            }
        }
        String path = p.getProperty("path", "");
        boolean ok = ("jar".equals(p.getProperty("type")) || "native".equals(p.getProperty("type")))
                && Files.isRegularFile(ROOT.resolve(module + "/target").resolve(path));
        assertThat(ok).as("no packaged %s (%s): build it with ./mvnw -B -pl cli,mock-server -am package -DskipTests"
                + " (-Dnative for the native executables)", module, props).isTrue();
        return path;
    }
}

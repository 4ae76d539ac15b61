package io.azdp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.azdp.cli.testing.Results;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The README's main job, {@code bin/azdp-demo}, run as a user runs it: it starts the packaged emulator, triggers an
 * adhoc backup with the packaged CLI and follows the job to its end. Guards the script itself (its port probe,
 * readiness loop, credentials and launcher), which the other tests do not run.
 */
class DemoScriptIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theReadmeMainJobTriggersABackupAndFollowsItsJobToCompleted() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isRegularFile(ROOT.resolve("cli/target/quarkus-app/quarkus-run.jar")),
                "no packaged JVM jar (a native build): bin/azdp-demo runs the JVM jar");
        assertThat(ROOT.resolve("mock-server/target/quarkus-app/quarkus-run.jar"))
                .as("the emulator jar (build the reactor; the script would otherwise build it itself)").isRegularFile();
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
        } finally {
            // on a timeout, the emulator the script started must not outlive the test
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}

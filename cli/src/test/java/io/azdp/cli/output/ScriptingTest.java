package io.azdp.cli.output;

import static io.azdp.cli.testing.Results.assertFails;
import static io.azdp.cli.testing.Results.describe;
import static io.azdp.cli.testing.Results.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.azdp.cli.testing.Emulator;
import io.azdp.cli.testing.EmulatorResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

/** What az users type in scripts (issue 13, part 2), against the emulator: JMESPath, output formats, strict input. */
@QuarkusMainTest
@WithTestResource(EmulatorResource.class)
class ScriptingTest {

    private static void backup(QuarkusMainLauncher launcher, String jobOutcome) {
        if (jobOutcome != null) {
            Emulator.current(launcher).rule("{\"method\":\"POST\",\"path\":\".*/backup\",\"times\":1,"
                    + "\"scenario\":\"jobOutcome=" + jobOutcome + "\"}");
        }
        LaunchResult r = launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly",
                "--wait-for-job", "--poll-interval", "100ms", "-o", "none");
        assertThat(r.exitCode()).as(describe(r)).isEqualTo(jobOutcome == null ? 0 : 7);
    }

    @Test
    void queryIsJmesPath(QuarkusMainLauncher launcher) {
        Emulator.current(launcher).reset();
        backup(launcher, null);
        backup(launcher, "Failed");
        backup(launcher, null);
        JsonNode failed = json(launcher.launch("job", "list", "--vault-id", Emulator.VAULT_ID, "--query",
                "[?properties.status=='Failed'].name"));
        assertThat(failed.size()).isEqualTo(1);
        JsonNode pairs = json(launcher.launch("job", "list", "--vault-id", Emulator.VAULT_ID, "--query",
                "[].{name:name,status:properties.status}"));
        assertThat(pairs.size()).isEqualTo(3);
        assertThat(pairs.get(0).fieldNames()).toIterable().containsExactly("name", "status");
        LaunchResult count = launcher.launch("job", "list", "--vault-id", Emulator.VAULT_ID, "--query", "length(@)",
                "-o", "tsv");
        assertThat(count.getOutput().strip()).as(describe(count)).isEqualTo("3");
    }

    @Test
    void aBadQueryIsExit2NamingThePositionAndNothingIsSent(QuarkusMainLauncher launcher) {
        Emulator.current(launcher).reset();
        assertFails(launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly", "--query",
                "[?status=='x'"), 2, "--query: expected a valid JMESPath expression", "at position");
        assertThat(Emulator.current(launcher).count("POST", ".*/backup.*")).isZero();
    }
}

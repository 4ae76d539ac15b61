package io.azdp.cli.job;

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

/** {@code azdp job show|wait|list} and {@code azdp backup-instance rules} against the emulator. */
@QuarkusMainTest
@WithTestResource(EmulatorResource.class)
class JobCommandsTest {

    private static String trigger(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly",
                "--query", "jobResourceId", "-o", "tsv");
        assertThat(r.exitCode()).as(describe(r)).isZero();
        return r.getOutput().strip();
    }

    @Test
    void showByArmIdAndByGuidWithVault(QuarkusMainLauncher launcher) {
        Emulator.current(launcher).reset();
        String jobId = trigger(launcher);
        String guid = jobId.substring(jobId.lastIndexOf('/') + 1);
        JsonNode byId = json(launcher.launch("job", "show", jobId));
        assertThat(byId.path("name").asText()).isEqualTo(guid);
        JsonNode byGuid = json(launcher.launch("job", "show", guid, "-g", Emulator.RG, "-v", Emulator.VAULT));
        assertThat(byGuid.path("id").asText()).isEqualToIgnoringCase(jobId);
        JsonNode byVaultId = json(launcher.launch("job", "show", guid, "--vault-id", Emulator.VAULT_ID));
        assertThat(byVaultId.path("name").asText()).isEqualTo(guid);
        assertFails(launcher.launch("job", "show", Emulator.VAULT_ID + "/backupJobs/3f1c2a9e-0000-4000-8000-000000000001"),
                3);
    }

    @Test
    void waitFollowsToTheEnd(QuarkusMainLauncher launcher) {
        Emulator.current(launcher).reset();
        String jobId = trigger(launcher);
        LaunchResult r = launcher.launch("job", "wait", jobId, "--poll-interval", "200ms");
        assertThat(json(r).path("properties").path("status").asText()).isEqualTo("Completed");
        assertThat(r.getErrorOutput()).contains("Completed");
    }

    @Test
    void listFiltersAndPages(QuarkusMainLauncher launcher) {
        Emulator.current(launcher).reset();
        for (int i = 0; i < 7; i++) {
            trigger(launcher);
        }
        // the emulator pages by 5: 7 jobs need the nextLink
        JsonNode all = json(launcher.launch("job", "list", "-g", Emulator.RG, "-v", Emulator.VAULT));
        assertThat(all.size()).isEqualTo(7);
        JsonNode limited = json(launcher.launch("job", "list", "--vault-id", Emulator.VAULT_ID, "--max-items", "3"));
        assertThat(limited.size()).isEqualTo(3);
        JsonNode backups = json(launcher.launch("job", "list", "--vault-id", Emulator.VAULT_ID, "--operation", "Backup",
                "--backup-instance-name", Emulator.INSTANCE));
        assertThat(backups.size()).isEqualTo(7);
        JsonNode failed = json(launcher.launch("job", "list", "--vault-id", Emulator.VAULT_ID, "--status", "Failed"));
        assertThat(failed.size()).isZero();
        LaunchResult names = launcher.launch("job", "list", "--vault-id", Emulator.VAULT_ID, "--query", "[*].name",
                "-o", "tsv");
        assertThat(names.getOutput().strip().lines()).hasSize(7).allMatch(l -> l.matches("[0-9a-f-]{36}"));
        assertFails(launcher.launch("job", "list", "-g", Emulator.RG, "-v", "no-such-vault"), 3);
    }

    @Test
    void rulesListsBackupRulesAndTags(QuarkusMainLauncher launcher) {
        JsonNode rules = json(launcher.launch("backup-instance", "rules", "-g", Emulator.RG, "-v", Emulator.VAULT, "-n",
                Emulator.INSTANCE));
        assertThat(rules.path("rules").get(0).path("ruleName").asText()).isEqualTo("BackupWeekly");
        assertThat(rules.path("rules").get(0).path("retentionTags").toString()).isEqualTo("[\"Default\",\"Weekly\"]");
        LaunchResult names = launcher.launch("backup-instance", "rules", "--backup-vault-input-object",
                Emulator.VAULT_ID, "-n", Emulator.INSTANCE, "--query", "rules[*].ruleName", "-o", "tsv");
        assertThat(names.getOutput().strip()).isEqualTo("BackupWeekly");
    }
}

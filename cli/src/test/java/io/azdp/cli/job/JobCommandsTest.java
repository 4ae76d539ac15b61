package io.azdp.cli.job;

import static io.azdp.cli.testing.Results.assertFails;
import static io.azdp.cli.testing.Results.assertNoStackTrace;
import static io.azdp.cli.testing.Results.describe;
import static io.azdp.cli.testing.Results.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.azdp.cli.testing.Emulator;
import io.azdp.cli.testing.EmulatorResource;
import io.azdp.cli.testing.Results;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code azdp job show|wait|list} and {@code azdp backup-instance rules} against the emulator. */
@QuarkusMainTest
@Tag("packaged") // CI runs these on the packaged CLI (the *IT twin); see cli/README.md, Tests
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
        // issue 16: a poll interval under 1 s is raised to 1 s, said once (operation and job intervals alike)
        assertThat(r.getErrorOutput().lines().filter(l -> l.startsWith("warning: "))).as(describe(r))
                .containsExactly("warning: --poll-interval: 200ms is below the 1s floor of poll intervals; polling "
                        + "every 1s (a shorter Retry-After from the service is still honoured)");
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

    /** Seven jobs (the emulator pages by 5) from one bulk run that does not wait. */
    private static void sevenJobs(QuarkusMainLauncher launcher) {
        String[] args = new String[] { "backup", "--id", Emulator.INSTANCE_ID, Emulator.INSTANCE_ID,
                Emulator.INSTANCE_ID, Emulator.INSTANCE_ID, Emulator.INSTANCE_ID, Emulator.INSTANCE_ID,
                Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly", "--no-wait", "-o", "none" };
        LaunchResult r = launcher.launch(args);
        assertThat(r.exitCode()).as(describe(r)).isZero();
    }

    /** The first job page answers this nextLink instead of its own. */
    private static void firstPageNextLink(Emulator emulator, String nextLink) {
        emulator.rule("{\"method\":\"GET\",\"path\":\"/backupJobs$\",\"times\":1,\"fault\":{\"nextLink\":"
                + Results.quote(nextLink) + "}}");
    }

    @Test
    void listPrintsWhatItReadThenFailsWithOneLineWhenALaterPageFails(QuarkusMainLauncher launcher) {
        Emulator emulator = Emulator.current(launcher);
        emulator.reset();
        sevenJobs(launcher);
        // not a URL at all: before, exit 1 and the first page was lost
        firstPageNextLink(emulator, "http://[not a url");
        LaunchResult junk = launcher.launch("job", "list", "--vault-id", Emulator.VAULT_ID);
        assertThat(junk.exitCode()).as(describe(junk)).isEqualTo(5);
        assertThat(Results.parse(junk.getOutput()).size()).as(describe(junk)).isEqualTo(5);
        assertThat(io.azdp.cli.testing.Results.diagnostics(junk)).as(describe(junk)).hasSize(1).first().asString()
                .startsWith("error: ").contains("page 2").contains("nextLink").contains("after 5 items");
        assertNoStackTrace(junk);
        // a junk relative link resolves against the page's URL and is answered 404: before, exit 3 (not found)
        firstPageNextLink(emulator, "page2");
        LaunchResult relative = launcher.launch("job", "list", "--vault-id", Emulator.VAULT_ID, "-o", "tsv",
                "--query", "[*].name");
        assertThat(relative.exitCode()).as(describe(relative)).isEqualTo(5);
        assertThat(relative.getOutput().strip().lines()).as(describe(relative)).hasSize(5)
                .allMatch(l -> l.matches("[0-9a-f-]{36}"));
        assertThat(io.azdp.cli.testing.Results.diagnostics(relative)).as(describe(relative)).hasSize(1);
        assertNoStackTrace(relative);
        // a later page that keeps failing (503 after the client's retries): exit 6, the first page printed
        emulator.rule("{\"method\":\"GET\",\"path\":\"/backupJobs$\",\"times\":1,\"fault\":{\"latencyMs\":1}}");
        emulator.rule("{\"method\":\"GET\",\"path\":\"/backupJobs$\",\"times\":4,\"fault\":{\"status\":503}}");
        LaunchResult unavailable = launcher.launch("job", "list", "--vault-id", Emulator.VAULT_ID);
        assertThat(unavailable.exitCode()).as(describe(unavailable)).isEqualTo(6);
        assertThat(Results.parse(unavailable.getOutput()).size()).as(describe(unavailable)).isEqualTo(5);
        assertThat(io.azdp.cli.testing.Results.diagnostics(unavailable)).as(describe(unavailable)).hasSize(1);
    }

    @Test
    void listFollowsAValidRelativeNextLinkFromThePageUrl(QuarkusMainLauncher launcher) {
        Emulator emulator = Emulator.current(launcher);
        emulator.reset();
        sevenJobs(launcher);
        String next = Results.parse(emulator.armGet(Emulator.VAULT_ID + "/backupJobs?api-version=2024-04-01"))
                .path("nextLink").asText();
        assertThat(next).contains("/backupJobs?");
        // 'backupJobs?...' is relative to .../backupVaults/VAULT/backupJobs (the page), not to the endpoint
        firstPageNextLink(emulator, next.substring(next.indexOf("backupJobs?")));
        JsonNode all = json(launcher.launch("job", "list", "--vault-id", Emulator.VAULT_ID));
        assertThat(all.size()).isEqualTo(7);
        firstPageNextLink(emulator, next.substring(next.indexOf('?')));
        assertThat(json(launcher.launch("job", "list", "--vault-id", Emulator.VAULT_ID)).size()).isEqualTo(7);
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

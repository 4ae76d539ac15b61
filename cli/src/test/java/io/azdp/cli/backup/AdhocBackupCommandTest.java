package io.azdp.cli.backup;

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
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code azdp backup} against the emulator: every parameter set, wait modes and exit codes. */
@QuarkusMainTest
@Tag("packaged") // CI runs these on the packaged CLI (the *IT twin); see cli/README.md, Tests
@WithTestResource(EmulatorResource.class)
class AdhocBackupCommandTest {
    static final String JOB_ID_PREFIX = Emulator.VAULT_ID + "/backupJobs/";

    Emulator emulator;

    @BeforeEach
    void reset(QuarkusMainLauncher launcher) {
        emulator = Emulator.current(launcher);
        emulator.reset();
    }

    private static void assertTriggered(LaunchResult r) {
        JsonNode out = json(r);
        assertThat(out.path("objectType").asText()).isEqualTo("OperationJobExtendedInfo");
        assertThat(out.path("jobResourceId").asText()).as(describe(r)).startsWith(JOB_ID_PREFIX);
        assertThat(out.path("jobGuid").asText()).matches("[0-9a-f-]{36}");
        assertThat(out.path("jobId").asText()).isNotEmpty();
        assertNoStackTrace(r);
    }

    @Test
    void expandedParameterSetTriggersAndWaits(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("backup-instance", "adhoc-backup", "-g", Emulator.RG, "-v", Emulator.VAULT,
                "-n", Emulator.INSTANCE, "--backup-rule-option-rule-name", "BackupWeekly",
                "--trigger-option-retention-tag-override", "Weekly");
        assertTriggered(r);
        assertThat(emulator.count("POST", ".*/backupInstances/azdp-demo-instance/backup")).isEqualTo(1);
    }

    @Test
    void identityParameterSets(QuarkusMainLauncher launcher) {
        assertTriggered(launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly"));
        assertTriggered(launcher.launch("backup", "--input-object", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly"));
        assertTriggered(launcher.launch("backup", "--backup-vault-input-object", Emulator.VAULT_ID, "-n",
                Emulator.INSTANCE, "--rule-name", "BackupWeekly", "--retention-tag-override", "Default"));
        assertThat(emulator.count("POST", ".*/backup")).isEqualTo(3);
    }

    @Test
    void wholeRequestParameterSets(QuarkusMainLauncher launcher, @TempDir Path dir) throws Exception {
        String body = "{\"backupRuleOptions\":{\"ruleName\":\"BackupWeekly\",\"triggerOption\":{\"retentionTagOverride\":\"Weekly\"}}}";
        assertTriggered(launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--json-string", body));
        Path yaml = Files.writeString(dir.resolve("req.yaml"), "backupRuleOptions:\n  ruleName: BackupWeekly\n");
        assertTriggered(launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--json-file-path", yaml.toString()));
        // stdin ('-') is covered by PackagedCliIT: Quarkus replaces System.in inside @QuarkusMainTest launches
    }

    @Test
    void waitForJobFollowsTheJobToCompletion(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly",
                "--retention-tag-override", "Weekly", "--wait-for-job", "--poll-interval", "200ms");
        JsonNode job = json(r);
        assertThat(job.path("properties").path("status").asText()).isEqualTo("Completed");
        assertThat(job.path("properties").path("extendedInfo").path("additionalDetails").path("RetentionTag").asText())
                .isEqualTo("Weekly");
        assertThat(r.getErrorOutput()).contains("backup job " + JOB_ID_PREFIX).contains("Completed");
    }

    @Test
    void failedJobExits7(QuarkusMainLauncher launcher) {
        emulator.rule("{\"method\":\"POST\",\"path\":\".*/backup\",\"times\":1,\"scenario\":\"jobOutcome=Failed\"}");
        LaunchResult r = launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly",
                "--wait-for-job", "--poll-interval", "200ms");
        assertThat(r.exitCode()).as(describe(r)).isEqualTo(7);
        assertThat(r.getErrorOutput()).contains("ended Failed");
        assertThat(r.getOutput()).contains("\"status\" : \"Failed\"");
        assertNoStackTrace(r);
    }

    @Test
    void failedOperationExits7(QuarkusMainLauncher launcher) {
        emulator.rule("{\"method\":\"POST\",\"path\":\".*/backup\",\"times\":1,\"scenario\":\"outcome=Failed\"}");
        assertFails(launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly"), 7);
    }

    @Test
    void noWaitPrintsUrlsAndAResumeTokenThenOperationWaitFinishes(QuarkusMainLauncher launcher) {
        LaunchResult started = launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly",
                "--no-wait");
        JsonNode s = json(started);
        assertThat(s.path("azureAsyncOperation").asText()).startsWith(emulator.baseUrl()).contains("/operationStatus/");
        assertThat(s.path("location").asText()).startsWith(emulator.baseUrl()).contains("/operationResults/");
        assertThat(s.path("operationId").asText()).isNotEmpty();
        assertThat(s.path("resumeToken").asText()).startsWith("azdp1.");
        assertThat(emulator.count("GET", ".*/operation(Status|Results)/.*")).isZero();

        LaunchResult shown = launcher.launch("operation", "show", s.path("azureAsyncOperation").asText());
        assertThat(json(shown).path("status").asText()).isIn("Inprogress", "Succeeded");

        LaunchResult waited = launcher.launch("operation", "wait", "--resume-token", s.path("resumeToken").asText());
        JsonNode done = json(waited);
        assertThat(done.path("jobId").asText()).startsWith(JOB_ID_PREFIX);

        LaunchResult byLocation = launcher.launch("operation", "wait", s.path("location").asText(), "--wait-for-job",
                "--poll-interval", "200ms");
        assertThat(json(byLocation).path("properties").path("status").asText()).isEqualTo("Completed");
    }

    @Test
    void whatIfRunsTheReadOnlyPreflightAndSendsNothing(QuarkusMainLauncher launcher) {
        emulator.send("DELETE", "/_mock/journal", null);
        LaunchResult r = launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "backupweekly",
                "--retention-tag-override", "weekly", "--what-if");
        JsonNode preview = json(r);
        assertThat(preview.path("url").asText()).isEqualTo(emulator.baseUrl() + Emulator.INSTANCE_ID
                + "/backup?api-version=2024-04-01");
        // the body as it would be sent: the policy's spelling, which only the pre-flight knows
        assertThat(preview.path("body").toString()).isEqualTo("{\"backupRuleOptions\":{\"ruleName\":\"BackupWeekly\","
                + "\"triggerOption\":{\"retentionTagOverride\":\"Weekly\"}}}");
        assertThat(preview.path("preflight").asText()).startsWith("passed");
        assertThat(emulator.count("GET", ".*/backupInstances/.*")).isPositive();
        assertThat(emulator.count("POST", ".*/backup.*")).isZero();
        assertFails(launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "Default", "--what-if"), 2,
                "BackupWeekly");
        LaunchResult unchecked = launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "Default",
                "--what-if", "--skip-preflight");
        assertThat(json(unchecked).path("preflight").asText()).startsWith("not checked");
        assertThat(unchecked.getErrorOutput()).contains("not checked");
        assertThat(emulator.count("POST", ".*/backup.*")).isZero();
    }

    @Test
    void preflightRefusesARetentionRuleOrUnknownTagListingTheChoices(QuarkusMainLauncher launcher) {
        assertFails(launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "Default"), 2,
                "retention rule", "BackupWeekly");
        assertFails(launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly",
                "--retention-tag-override", "Monthly"), 2, "retentionTagOverride", "Weekly");
        assertThat(emulator.count("POST", ".*")).isZero();
    }

    @Test
    void preflightRefusesAStoppedInstanceLocallyInSingleAndBulkRunsAlike(QuarkusMainLauncher launcher) {
        // the client's pre-flight, used by every path: before, the single path sent the POST and got the service's 4xx
        String stopped = Emulator.VAULT_ID + "/backupInstances/azdp-stopped-instance";
        assertFails(launcher.launch("backup", "-g", Emulator.RG, "-v", Emulator.VAULT, "-n", "azdp-stopped-instance",
                "--rule-name", "BackupWeekly"), 2, "azdp-stopped-instance", "ProtectionStopped");
        LaunchResult bulk = launcher.launch("backup", "--id", stopped, Emulator.INSTANCE_ID, "--rule-name",
                "BackupWeekly");
        assertThat(bulk.exitCode()).as(describe(bulk)).isEqualTo(9);
        JsonNode refused = bulk.getOutput().lines().map(Results::parse)
                .filter(n -> n.path("backupInstanceId").asText().equals(stopped)).findFirst().orElseThrow();
        assertThat(refused.path("exitCode").asInt()).isEqualTo(2);
        assertThat(refused.path("error").asText()).contains("ProtectionStopped");
        assertThat(emulator.count("POST", ".*/azdp-stopped-instance/backup")).isZero();
    }

    @Test
    void preflightSendsThePolicysSpellingAndAnUnreadablePolicyOnlyWarns(QuarkusMainLauncher launcher) {
        LaunchResult spelled = launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "backupweekly",
                "--retention-tag-override", "weekly");
        assertTriggered(spelled);
        emulator.rule("{\"method\":\"GET\",\"path\":\".*/backupPolicies/.*\",\"times\":1,\"fault\":{\"status\":403,"
                + "\"errorCode\":\"AuthorizationFailed\",\"message\":\"no read permission\"}}");
        LaunchResult unchecked = launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly");
        assertTriggered(unchecked);
        assertThat(unchecked.getErrorOutput()).contains("warning: pre-flight: cannot read backup policy")
                .contains("sending the request unchecked");
        assertThat(emulator.count("POST", ".*/backupInstances/azdp-demo-instance/backup")).isEqualTo(2);
    }

    @Test
    void skipPreflightLetsTheServiceRejectIt(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "Default",
                "--skip-preflight");
        assertFails(r, 5);
        assertThat(emulator.count("POST", ".*/backup")).isEqualTo(1);
    }

    @Test
    void apiVersionReachesTheWire(QuarkusMainLauncher launcher) {
        // no published version is 2099-01-01: the emulator's refusal quotes the version the request carried
        assertFails(launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly",
                "--skip-preflight", "--api-version", "2099-01-01"), 5, "NoRegisteredProviderFound", "2099-01-01");
        assertThat(emulator.count("POST", ".*/backup")).isEqualTo(1);
    }

    @Test
    void notFoundExits3(QuarkusMainLauncher launcher) {
        assertFails(launcher.launch("backup", "-g", Emulator.RG, "-v", Emulator.VAULT, "-n", "no-such-instance",
                "--rule-name", "BackupWeekly"), 3);
        assertFails(launcher.launch("backup", "-g", "no-such-rg", "-v", Emulator.VAULT, "-n", Emulator.INSTANCE,
                "--rule-name", "BackupWeekly", "--skip-preflight"), 3);
    }

    @Test
    void authFailuresExit4(QuarkusMainLauncher launcher) {
        emulator.rule("{\"method\":\"POST\",\"path\":\".*/backup\",\"times\":1,\"fault\":{\"status\":403,"
                + "\"errorCode\":\"AuthorizationFailed\",\"message\":\"no permission\"}}");
        assertFails(launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly"), 4,
                "AuthorizationFailed");
        emulator.send("POST", "/_mock/auth", "{\"role\":\"none\"}");
        assertFails(launcher.launch("backup-instance", "rules", "--id", Emulator.INSTANCE_ID), 4);
    }

    @Test
    void throttlingAndOutagesExit6AfterRetries(QuarkusMainLauncher launcher) {
        emulator.rule("{\"method\":\"POST\",\"path\":\".*/backup\",\"times\":20,\"fault\":{\"status\":429,\"retryAfter\":0}}");
        assertFails(launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly"), 6);
        emulator.reset();
        emulator.rule("{\"method\":\"GET\",\"path\":\".*/backupInstances/.*\",\"times\":20,\"fault\":{\"status\":503,\"retryAfter\":0}}");
        assertFails(launcher.launch("backup-instance", "rules", "--id", Emulator.INSTANCE_ID), 6);
    }

    @Test
    void timeoutExits8AndTellsHowToResume(QuarkusMainLauncher launcher) {
        emulator.rule("{\"method\":\"POST\",\"path\":\".*/backup\",\"times\":1,\"scenario\":\"opDuration=PT1M\"}");
        LaunchResult r = launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly",
                "--timeout", "1s", "--poll-interval", "200ms");
        assertFails(r, 8, "timed out", "azdp operation wait --resume-token 'azdp1.");
    }

    @Test
    void queryAndOutputFormats(QuarkusMainLauncher launcher) {
        LaunchResult tsv = launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly",
                "--query", "jobGuid", "-o", "tsv");
        assertThat(tsv.exitCode()).as(describe(tsv)).isZero();
        assertThat(tsv.getOutput().strip()).matches("[0-9a-f-]{36}");
        LaunchResult yaml = launcher.launch("backup-instance", "rules", "--id", Emulator.INSTANCE_ID, "-o", "yaml");
        assertThat(yaml.getOutput()).contains("ruleName: BackupWeekly");
        LaunchResult table = launcher.launch("backup-instance", "rules", "--id", Emulator.INSTANCE_ID, "-o", "table",
                "--query", "rules");
        assertThat(table.getOutput()).startsWith("RuleName").contains("BackupWeekly").contains("Default,Weekly");
        LaunchResult none = launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly",
                "-o", "none");
        assertThat(none.exitCode()).as(describe(none)).isZero();
        assertThat(none.getOutput()).isEmpty();
    }
}

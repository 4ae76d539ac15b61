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

    /** A config file with the emulator's token and {@code extra} lines; set as AZDP_CONFIG while {@code run} runs. */
    static void withConfig(QuarkusMainLauncher launcher, String extra, Runnable run) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("azdp-scripting", ".yaml");
            file.toFile().deleteOnExit();
            java.nio.file.Files.writeString(file, extra + "profiles:\n  default:\n    access-token: "
                    + Emulator.current(launcher).token() + "\n");
            withProperty("AZDP_CONFIG", file.toString(), run);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void withProperty(String key, String value, Runnable run) {
        String old = System.getProperty(key);
        System.setProperty(key, value);
        try {
            run.run();
        } finally {
            if (old == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, old);
            }
        }
    }

    @Test
    void defaultOutputComesFromTheEnvironmentThenTheConfigFile(QuarkusMainLauncher launcher) {
        String[] rules = { "backup-instance", "rules", "--id", Emulator.INSTANCE_ID, "--query", "rules[0].ruleName" };
        withProperty("azdp.output", "tsv", () -> {
            LaunchResult r = launcher.launch(rules);
            assertThat(r.getOutput()).as(describe(r)).isEqualTo("BackupWeekly");
        });
        withConfig(launcher, "output: yaml\n", () -> {
            LaunchResult yaml = launcher.launch(rules);
            assertThat(yaml.getOutput()).as(describe(yaml)).isEqualTo("BackupWeekly");
            LaunchResult whole = launcher.launch("backup-instance", "rules", "--id", Emulator.INSTANCE_ID);
            assertThat(whole.getOutput()).as(describe(whole)).startsWith("rules:\n");
            // the flag wins
            assertThat(json(launcher.launch("backup-instance", "rules", "--id", Emulator.INSTANCE_ID, "-o", "json"))
                    .path("rules").isArray()).isTrue();
        });
        withProperty("azdp.output", "jsn", () -> assertFails(launcher.launch(rules), 2, "AZDP_OUTPUT: expected one of",
                "'jsn'"));
    }

    @Test
    void jsoncIsPlainJsonWhenStdoutIsNotATerminal(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("backup-instance", "rules", "--id", Emulator.INSTANCE_ID, "-o", "jsonc");
        assertThat(json(r).path("rules").isArray()).isTrue();
        assertThat(r.getOutput()).doesNotContain("\u001b");
    }

    @Test
    void onlyShowErrorsLeavesStderrEmptyUnlessThereIsAnError(QuarkusMainLauncher launcher) {
        Emulator.current(launcher).reset();
        String[] backup = { "backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly", "--wait-for-job",
            "--poll-interval", "100ms", "--query", "properties.status", "-o", "tsv" };
        LaunchResult noisy = launcher.launch(backup);
        assertThat(noisy.getErrorOutput()).as(describe(noisy)).contains("backup job").contains("Completed");
        String[] quiet = java.util.Arrays.copyOf(backup, backup.length + 1);
        quiet[backup.length] = "--only-show-errors";
        LaunchResult r = launcher.launch(quiet);
        assertThat(r.exitCode()).as(describe(r)).isZero();
        assertThat(r.getOutput()).isEqualTo("Completed");
        assertThat(r.getErrorOutput()).as(describe(r)).isEmpty();
        withConfig(launcher, "only-show-errors: true\n", () -> {
            LaunchResult fromConfig = launcher.launch(backup);
            assertThat(fromConfig.getErrorOutput()).as(describe(fromConfig)).isEmpty();
            assertThat(fromConfig.getOutput()).isEqualTo("Completed");
        });
        // errors still show
        Emulator.current(launcher).rule("{\"method\":\"POST\",\"path\":\".*/backup\",\"times\":1,"
                + "\"scenario\":\"jobOutcome=Failed\"}");
        LaunchResult failed = launcher.launch(quiet);
        assertThat(failed.exitCode()).as(describe(failed)).isEqualTo(7);
        assertThat(failed.getErrorOutput().strip().lines()).as(describe(failed)).singleElement()
                .satisfies(l -> assertThat(l).startsWith("error: backup job"));
        withProperty("azdp.only-show-errors", "yes", () -> assertFails(launcher.launch(backup), 2,
                "AZDP_ONLY_SHOW_ERRORS: expected true or false, got 'yes'"));
    }

    @Test
    void typosInWhatTheUserWritesAreExit2NamingTheClosestValidNameAndNothingIsSent(QuarkusMainLauncher launcher) {
        Emulator.current(launcher).reset();
        assertFails(launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--json-string",
                "{\"backupRuleOptions\":{\"ruleName\":\"BackupWeekly\",\"triggerOptions\":{\"retentionTagOverride\":\"Weekly\"}}}"),
                2, "--json-string: $.backupRuleOptions.triggerOptions: unknown member; did you mean 'triggerOption'?");
        assertFails(launcher.launch("job", "list", "--vault-id", Emulator.VAULT_ID, "--status", "InProgress,Faild"), 2,
                "--status: unknown status 'Faild'; did you mean 'Failed'?");
        withConfig(launcher, "endpont: usgov\n", () -> assertFails(launcher.launch("job", "list", "--vault-id",
                Emulator.VAULT_ID), 2, "endpont: unknown key; did you mean 'endpoint'?"));
        assertThat(Emulator.current(launcher).count("POST", ".*/backup.*")).isZero();
        assertThat(Emulator.current(launcher).count("GET", ".*backupJobs.*")).isZero();
    }

    @Test
    void azAliasesAndResumeTokensFromAFileOrStdin(QuarkusMainLauncher launcher) throws Exception {
        Emulator.current(launcher).reset();
        JsonNode started = json(launcher.launch("backup", "--ids", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly",
                "--no-wait"));
        String token = started.path("resumeToken").asText();
        assertThat(token).isNotBlank();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("azdp-token", ".txt");
        file.toFile().deleteOnExit();
        java.nio.file.Files.writeString(file, token + "\n");
        JsonNode fromFile = json(launcher.launch("operation", "wait", "--resume-token", "@" + file,
                "--poll-interval", "100ms"));
        assertThat(fromFile.path("jobId").asText()).isNotBlank();
        // "--resume-token -" (stdin) is in PackagedCliIT: an in-JVM launch cannot feed stdin
        assertFails(launcher.launch("operation", "show", "--resume-token", "@" + file + ".missing"), 2,
                "--resume-token: file '");
        String job = fromFile.path("jobId").asText();
        String guid = job.substring(job.lastIndexOf('/') + 1);
        JsonNode shown = json(launcher.launch("job", "show", "--job-id", guid, "-g", Emulator.RG, "-v", Emulator.VAULT,
                "--subscription", Emulator.SUBSCRIPTION));
        assertThat(shown.path("name").asText()).isEqualTo(guid);
        assertFails(launcher.launch("job", "show", guid, "--job-id", guid, "-g", Emulator.RG, "-v", Emulator.VAULT), 2,
                "--job-id: give the job either as JOB or as --job-id");
        assertThat(json(launcher.launch("backup-instance", "rules", "--ids", Emulator.INSTANCE_ID)).path("rules")
                .isArray()).isTrue();
    }

    @Test
    void aQueryThatCannotRunOnAnAcceptedBackupPrintsTheResultUnqueriedWithAServiceClassExit(
            QuarkusMainLauncher launcher) {
        Emulator.current(launcher).reset();
        // issue 13: the query compiles, but length() of a missing member fails when evaluated on the result
        LaunchResult r = launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly",
                "--no-wait", "--query", "length(nothing)");
        assertThat(r.exitCode()).as(describe(r)).isEqualTo(6);
        io.azdp.cli.testing.Results.assertNoStackTrace(r);
        assertThat(io.azdp.cli.testing.Results.parse(r.getOutput()).path("resumeToken").asText()).as(describe(r))
                .startsWith("azdp1.");
        assertThat(r.getErrorOutput().strip().lines()).as(describe(r)).singleElement().asString()
                .startsWith("error: --query: cannot evaluate 'length(nothing)' on this result")
                .contains("printed without --query").contains("resume with: azdp operation wait --resume-token");
        assertThat(Emulator.current(launcher).count("POST", ".*/backup.*")).isEqualTo(1);
        // before the POST the same query is still the user's input: exit 2, nothing sent
        assertFails(launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly",
                "--what-if", "--query", "length(nothing)"), 2, "--query: cannot evaluate 'length(nothing)'");
        assertThat(Emulator.current(launcher).count("POST", ".*/backup.*")).isEqualTo(1);
    }

    @Test
    void oneIdPrintsOneResult(QuarkusMainLauncher launcher) {
        Emulator.current(launcher).reset();
        JsonNode one = json(launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly"));
        assertThat(one.has("jobResourceId")).isTrue();
        // "--ids -" (bulk lines whatever the count) is in PackagedCliIT: an in-JVM launch cannot feed stdin
    }

    @Test
    void rulesAsATableShowRuleNamesWithTheirTags(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("backup-instance", "rules", "--id", Emulator.INSTANCE_ID, "-o", "table");
        assertThat(r.exitCode()).as(describe(r)).isZero();
        assertThat(r.getOutput().lines().toList()).as(describe(r)).hasSize(3)
                .satisfies(lines -> assertThat(lines.get(0)).startsWith("RuleName").contains("RetentionTags")
                        .contains("DefaultRetentionTag"))
                .satisfies(lines -> assertThat(lines.get(2)).startsWith("BackupWeekly").contains("Default,Weekly"));
    }

    @Test
    void aJobPhaseTimeoutPrintsTheResumeCommand(QuarkusMainLauncher launcher) {
        Emulator.current(launcher).reset();
        Emulator.current(launcher).rule("{\"method\":\"POST\",\"path\":\".*/backup\",\"times\":1,"
                + "\"scenario\":\"mode=sync;jobDuration=PT2M\"}"); // no operation phase to eat into the 3 s
        LaunchResult r = launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--rule-name", "BackupWeekly",
                "--wait-for-job", "--timeout", "3s", "--poll-interval", "200ms");
        assertThat(r.exitCode()).as(describe(r)).isEqualTo(8);
        assertThat(r.getErrorOutput()).as(describe(r)).containsPattern(
                "error: backup job [0-9a-f-]{36} did not finish within PT3S.*; resume with: azdp job wait "
                        + "'/subscriptions/.*/backupJobs/[0-9a-f-]{36}'");
        io.azdp.cli.testing.Results.assertNoStackTrace(r);
    }
}

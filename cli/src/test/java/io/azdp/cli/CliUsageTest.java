package io.azdp.cli;

import io.azdp.cli.common.ExitCode;
import static io.azdp.cli.testing.Results.assertFails;
import static io.azdp.cli.testing.Results.assertNoStackTrace;
import static io.azdp.cli.testing.Results.describe;
import static io.azdp.cli.testing.Results.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.azdp.cli.testing.OfflineConfigResource;
import io.azdp.cli.testing.Results;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help, version and the bad-input matrix: everything here is refused or answered locally (nothing is sent). */
@QuarkusMainTest
@Tag("packaged") // CI runs these on the packaged CLI (the *IT twin); see cli/README.md, Tests
@WithTestResource(OfflineConfigResource.class)
class CliUsageTest {
    static final String SUB = "00000000-0000-0000-0000-000000000000";
    static final String ID = "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.DataProtection"
            + "/backupVaults/vault/backupInstances/inst";
    /** Nothing listens here: a command that tried to send would fail with 6, not with the code asserted. */
    static final String DEAD = "http://127.0.0.1:9";

    @Test
    void helpDocumentsEveryExitCode(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.getOutput()).contains("Exit codes:", "backup-instance", "operation", "job");
        for (ExitCode code : ExitCode.values()) {
            assertThat(r.getOutput()).as(describe(r)).containsPattern("\\s" + code.code() + "\\s+"
                    + java.util.regex.Pattern.quote(code.meaning().substring(0, 10)));
        }
    }

    @Test
    void everyCommandHasHelp(QuarkusMainLauncher launcher) {
        String[][] commands = { { "backup" }, { "backup-instance", "adhoc-backup" }, { "backup-instance", "rules" },
                { "job", "show" }, { "job", "wait" }, { "job", "list" }, { "operation", "show" },
                { "operation", "wait" } };
        for (String[] command : commands) {
            String[] args = new String[command.length + 1];
            System.arraycopy(command, 0, args, 0, command.length);
            args[command.length] = "--help";
            LaunchResult r = launcher.launch(args);
            assertThat(r.exitCode()).as(describe(r)).isZero();
            assertThat(r.getOutput()).as(describe(r)).contains("Usage: azdp " + String.join(" ", command))
                    .contains("Exit codes:");
        }
    }

    @Test
    void version(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.getOutput()).startsWith("azdp ");
    }

    @Test
    void noCommandIsAUsageError(QuarkusMainLauncher launcher) {
        assertFails(launcher.launch(), 2, "expected a command");
        assertFails(launcher.launch("bakup"), 2, "Unmatched argument", "backup");
    }

    @Test
    void whatIfPrintsTheExactRequestAndSendsNothing(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("backup", "--id", ID, "--rule-name", "BackupWeekly",
                "--retention-tag-override", "Weekly", "--what-if", "--skip-preflight", "--endpoint", DEAD, "--api-version", "2024-04-01");
        JsonNode req = json(r);
        assertThat(req.path("method").asText()).isEqualTo("POST");
        assertThat(req.path("url").asText()).isEqualTo(DEAD + ID + "/backup?api-version=2024-04-01");
        assertThat(req.path("headers").path("Authorization").asText()).isEqualTo("Bearer <redacted>");
        assertThat(req.path("headers").path("User-Agent").asText()).isEqualTo("azdp-cli");
        assertThat(req.path("headers").has("x-ms-client-request-id")).isTrue();
        assertThat(req.path("body").toString()).isEqualTo(
                "{\"backupRuleOptions\":{\"ruleName\":\"BackupWeekly\",\"triggerOption\":{\"retentionTagOverride\":\"Weekly\"}}}");
        LaunchResult expanded = launcher.launch("backup-instance", "adhoc-backup", "-g", "rg", "-v", "vault", "-n",
                "inst", "--subscription-id", SUB, "--rule-name", "BackupWeekly", "--what-if", "--skip-preflight", "--endpoint", "usgov",
                "--query", "url", "-o", "tsv");
        assertThat(expanded.exitCode()).as(describe(expanded)).isZero();
        assertThat(expanded.getOutput().strip())
                .isEqualTo("https://management.usgovcloudapi.net" + ID + "/backup?api-version=2024-04-01");
        LaunchResult body = launcher.launch("backup", "--backup-vault-input-object", ID.substring(0, ID.indexOf("/backupInstances")),
                "-n", "inst", "--rule-name", "BackupWeekly", "--what-if", "--skip-preflight", "--query", "body", "-o", "json");
        assertThat(json(body).toString())
                .isEqualTo("{\"backupRuleOptions\":{\"ruleName\":\"BackupWeekly\",\"triggerOption\":{}}}");
    }

    @Test
    void wholeRequestFromJsonStringFileYamlAndStdin(QuarkusMainLauncher launcher, @TempDir Path dir) throws Exception {
        String jsonBody = "{\"backupRuleOptions\":{\"ruleName\":\"BackupWeekly\",\"triggerOption\":{\"retentionTagOverride\":\"Weekly\"}}}";
        Path jsonFile = Files.writeString(dir.resolve("req.json"), jsonBody);
        Path yamlFile = Files.writeString(dir.resolve("req.yml"),
                "backupRuleOptions:\n  ruleName: BackupWeekly\n  triggerOption:\n    retentionTagOverride: Weekly\n");
        Path noExtension = Files.writeString(dir.resolve("request"),
                "backupRuleOptions:\n  ruleName: BackupWeekly\n  triggerOption:\n    retentionTagOverride: Weekly\n");
        String[][] variants = { { "--json-string", jsonBody }, { "--json-file-path", jsonFile.toString() },
                { "--json-file-path", yamlFile.toString() }, { "--json-file-path", noExtension.toString() },
                { "--json-file-path", noExtension.toString(), "--input-format", "yaml" } };
        for (String[] v : variants) {
            String[] args = new String[v.length + 7];
            args[0] = "backup";
            args[1] = "--id";
            args[2] = ID;
            args[3] = "--what-if";
            args[4] = "--query";
            args[5] = "body";
            args[6] = "--skip-preflight";
            System.arraycopy(v, 0, args, 7, v.length);
            LaunchResult r = launcher.launch(args);
            assertThat(json(r).toString()).as(describe(r)).isEqualTo(jsonBody);
        }
    }

    @Test
    void badInputMatrix(QuarkusMainLauncher launcher, @TempDir Path dir) throws Exception {
        assertFails(launcher.launch("backup", "--rule-name", "R"), 2, "expected the backup instance");
        assertFails(launcher.launch("backup", "-g", "rg", "-v", "vault", "--rule-name", "R", "--subscription-id", SUB,
                "--endpoint", DEAD), 2, "--backup-instance-name/-n: expected");
        assertFails(launcher.launch("backup", "-g", "rg", "--rule-name", "R"), 2, "--vault-name");
        assertFails(launcher.launch("backup", "--id", "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.DataProtection/vaults/v/backupInstances/i",
                "--rule-name", "R", "--endpoint", DEAD), 2, "--id: resource id segment", "'vaults'");
        assertFails(launcher.launch("backup", "--id", ID, "--endpoint", DEAD), 2, "--rule-name: expected");
        assertFails(launcher.launch("backup", "--id", ID, "--rule-name", "R", "--json-string", "{}"), 2,
                "mutually exclusive");
        assertFails(launcher.launch("backup", "--id", ID, "-g", "rg", "-v", "v", "--rule-name", "R"), 2,
                "mutually exclusive");
        assertFails(launcher.launch("backup", "--id", ID, "--json-string", "{\"backupRuleOptions\":{\"ruleName\":[1]}}",
                "--endpoint", DEAD), 2, "--json-string: $.backupRuleOptions.ruleName: expected a string but got an array");
        assertFails(launcher.launch("backup", "--id", ID, "--json-string", "{\"backupRuleOptions\":{\"ruleName\":\"R\"}",
                "--endpoint", DEAD), 2, "--json-string:1: expected valid json");
        assertFails(launcher.launch("backup", "--id", ID, "--json-file-path", dir.resolve("missing.json").toString()), 2,
                "--json-file-path: file '", "does not exist");
        assertFails(launcher.launch("backup", "--id", ID, "--rule-name", "R", "-o", "xml"), 2, "--output", "xml");
        assertFails(launcher.launch("backup", "--id", ID, "--rule-name", "R", "--query", "a["), 2, "--query: expected");
        assertFails(launcher.launch("backup", "--id", ID, "--rule-name", "R", "--timeout", "soon"), 2,
                "--timeout: expected a duration");
        assertFails(launcher.launch("backup", "-g", "bad rg!", "-v", "vault", "-n", "i", "--rule-name", "R",
                "--subscription-id", SUB, "--endpoint", DEAD), 2, "-g/--resource-group-name: expected a resource group");
        assertFails(launcher.launch("backup", "-g", "rg", "-v", "v", "-n", "i", "--rule-name", "R",
                "--subscription-id", SUB, "--endpoint", DEAD), 2, "-v/--vault-name: expected");
        assertFails(launcher.launch("backup", "-g", "rg", "-v", "vault", "-n", "i", "--rule-name", "R",
                "--subscription-id", "not-a-guid", "--endpoint", DEAD), 2, "--subscription-id: expected");
        assertFails(launcher.launch("backup", "--id", ID, "--rule-name", "R", "--no-wait", "--wait-for-job"), 2,
                "--no-wait: cannot be combined with --wait-for-job");
        assertFails(launcher.launch("backup", "--id", ID, "--rule-name", "R", "--parallel", "0"), 2, "--parallel");
        assertFails(launcher.launch("backup", "--id", ID, "--rule-name", "R", "--confirm", "--endpoint", DEAD), 2,
                "--confirm: stdin is not a terminal");
        assertFails(launcher.launch("backup", "--id", ID, "--rule-name", "R", "--endpoint", "mars"), 2,
                "--endpoint: expected public, usgov, china or an http(s) URL, got 'mars'");
        assertFails(launcher.launch("backup", "--id", ID, "--rule-name", "  "), 2, "--rule-name: expected");
        assertFails(launcher.launch("backup", "--id", ID, "-n", "other", "--rule-name", "R"), 2,
                "--backup-instance-name/-n: not allowed with --id");
        assertFails(launcher.launch("job", "show", "3f1c2a9e-0000-4000-8000-000000000001", "--endpoint", DEAD), 2,
                "a bare job GUID needs the vault");
        assertFails(launcher.launch("job", "show", "not a job", "-g", "rg", "-v", "vault", "--endpoint", DEAD), 2,
                "JOB: expected a job GUID");
        assertFails(launcher.launch("job", "list", "--endpoint", DEAD), 2, "--vault-name/-v: expected");
        assertFails(launcher.launch("operation", "wait", "--endpoint", DEAD), 2, "URL: expected");
        assertFails(launcher.launch("operation", "wait", "ftp://x/y", "--endpoint", DEAD), 2, "URL: expected");
        assertFails(launcher.launch("operation", "wait", "--resume-token", "azdp1.garbage", "--endpoint", DEAD), 2,
                "resumeToken");
        assertFails(launcher.launch("backup", "--id", ID, "--rule-name", "R", "--profile", "nope"), 2,
                "--profile: expected a profile");
    }

    /**
     * Issues 15/16: a zero poll interval hammered the service (and hung), a zero timeout sent the POST and gave up at
     * once (exit 8). Both are usage errors naming the flag, refused before anything is sent ({@link #DEAD} would
     * make an attempt exit 6).
     */
    @Test
    void zeroOrNegativeDurationsAreRefusedBeforeSending(QuarkusMainLauncher launcher) {
        String[][] cases = { { "--poll-interval", "0" }, { "--poll-interval", "0s" }, { "--poll-interval", "PT0S" },
                { "--poll-interval", "0ms" }, { "--poll-interval=-1s" }, { "--poll-interval=-PT1S" },
                { "--timeout", "0" }, { "--timeout", "0s" }, { "--timeout=-5s" }, { "--timeout=-PT5M" },
                { "--timeout", "99999999999999999999s" } };
        for (String[] c : cases) {
            String flag = c[0].replaceFirst("=.*", "");
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("backup", "--id", ID,
                    "--rule-name", "R", "--endpoint", DEAD, "--skip-preflight"));
            args.addAll(java.util.List.of(c));
            LaunchResult r = launcher.launch(args.toArray(String[]::new));
            assertFails(r, 2, flag + ": expected a duration");
            assertThat(Results.diagnostics(r)).as(describe(r)).hasSize(1);
        }
        for (String[] command : new String[][] { { "operation", "wait", "--resume-token" }, { "job", "wait" } }) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command));
            args.add(command[0].equals("job") ? ID.replace("backupInstances/inst", "backupJobs/"
                    + "3f1c2a9e-0000-4000-8000-000000000001") : "https://x.example/operationStatus/1");
            args.addAll(java.util.List.of("--endpoint", DEAD, "--poll-interval", "0"));
            assertFails(launcher.launch(args.toArray(String[]::new)), 2, "--poll-interval: expected a duration");
        }
    }

    @Test
    void bulkInputErrorsNameFileLineAndField(QuarkusMainLauncher launcher, @TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("instances.csv"), "id,ruleName\n" + ID + ",BackupWeekly\n"
                + "/subscriptions/" + SUB + "/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/v\n");
        assertFails(launcher.launch("backup", "--from-file", csv.toString(), "--endpoint", DEAD), 2,
                csv + ":3: ");
        Path jsonl = Files.writeString(dir.resolve("instances.jsonl"),
                "{\"id\":\"" + ID + "\",\"ruleName\":\"R\"}\n{\"id\":\"" + ID + "\",\"colour\":\"red\"}\n");
        assertFails(launcher.launch("backup", "--from-file", jsonl.toString(), "--endpoint", DEAD), 2,
                jsonl + ":2: colour: unknown field");
        Path noRule = Files.writeString(dir.resolve("norule.jsonl"), "{\"id\":\"" + ID + "\"}\n{\"id\":\"" + ID + "\"}\n");
        assertFails(launcher.launch("backup", "--from-file", noRule.toString(), "--endpoint", DEAD), 2,
                noRule + ":1: ruleName: expected a ruleName");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertFails(launcher.launch("backup", "--from-file", empty.toString(), "--endpoint", DEAD), 2,
                "expected at least one backup instance");
        // the file's rows with the flag's rule, previewed without the pre-flight (no service behind DEAD)
        LaunchResult whatIf = launcher.launch("backup", "--from-file", noRule.toString(), "--rule-name", "BackupWeekly",
                "--what-if", "--skip-preflight", "--endpoint", DEAD);
        assertThat(whatIf.exitCode()).as(describe(whatIf)).isZero();
        assertThat(whatIf.getOutput().lines()).hasSize(2).allSatisfy(l -> assertThat(l).contains("\"method\":\"POST\""));
    }

    @Test
    void clientSecretOnTheCommandLineWarnsAndIsNeverPrinted(QuarkusMainLauncher launcher) {
        String secret = "sup3r-s3cret-value";
        LaunchResult r = launcher.launch("backup", "--id", ID, "--rule-name", "R", "--tenant-id", "t", "--client-id",
                "c", "--client-secret", secret, "--endpoint", DEAD, "--debug", "--verbose", "--skip-preflight");
        assertThat(r.exitCode()).as(describe(r)).isIn(4, 6);
        assertThat(r.getErrorOutput()).contains("warning: --client-secret on the command line");
        assertThat(r.getOutput() + r.getErrorOutput()).doesNotContain(secret);
        assertNoStackTraceUnlessDebug(r);
    }

    @Test
    void aMistypedSecretOptionIsNamedButItsValueIsNot(QuarkusMainLauncher launcher) {
        String secret = "typo-s3cret-value";
        LaunchResult r = launcher.launch("backup", "--id", ID, "--rule-name", "R", "--client-secrt", secret);
        assertFails(r, 2, "--client-secrt");
        assertThat(r.getOutput() + r.getErrorOutput()).doesNotContain(secret);
    }

    private static void assertNoStackTraceUnlessDebug(LaunchResult r) {
        // --debug prints a trace by design; without it the same failure is one line
        assertThat(r.getErrorOutput()).contains("error: ");
    }

    @Test
    void connectionFailureIsExit6WithOneLine(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("job", "show", "/subscriptions/" + SUB + "/resourceGroups/rg/providers/"
                + "Microsoft.DataProtection/backupVaults/vault/backupJobs/3f1c2a9e-0000-4000-8000-000000000001",
                "--endpoint", DEAD, "--subscription-id", SUB);
        assertFails(r, 6);
        assertNoStackTrace(r);
    }
}

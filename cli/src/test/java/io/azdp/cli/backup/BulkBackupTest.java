package io.azdp.cli.backup;

import static io.azdp.cli.testing.Results.assertNoStackTrace;
import static io.azdp.cli.testing.Results.describe;
import static io.azdp.cli.testing.Results.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.azdp.cli.testing.Emulator;
import io.azdp.cli.testing.EmulatorResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code azdp backup --from-file / several --id / stdin}: bounded concurrency, NDJSON, summary, 429s, exit 9. */
@QuarkusMainTest
@Tag("packaged") // CI runs these on the packaged CLI (the *IT twin); see cli/README.md, Tests
@WithTestResource(EmulatorResource.class)
class BulkBackupTest {
    static final int COUNT = 500;

    private static String seed(String prefix, int count) {
        return "{\"subscriptions\":[{\"subscriptionId\":\"" + Emulator.SUBSCRIPTION + "\",\"resourceGroups\":[{\"name\":\""
                + Emulator.RG + "\",\"location\":\"westus\",\"vaults\":[{\"name\":\"" + Emulator.VAULT
                + "\",\"location\":\"westus\",\"policies\":[],\"instances\":[{\"name\":\"" + prefix
                + "\",\"policy\":\"azdp-demo-policy\",\"count\":" + count + "}]}]}]}]}";
    }

    private static List<JsonNode> lines(LaunchResult r) {
        return r.getOutput().lines().filter(l -> !l.isBlank()).map(l -> parse(l)).toList();
    }

    @Test
    void fiveHundredInstancesFromJsonLinesWithInjected429s(QuarkusMainLauncher launcher, @TempDir Path dir)
            throws Exception {
        Emulator emulator = Emulator.current(launcher);
        emulator.reset();
        emulator.mergeSeed(seed("bulk", COUNT));
        StringBuilder jsonl = new StringBuilder();
        for (int i = 1; i <= COUNT; i++) {
            jsonl.append("{\"resourceGroupName\":\"").append(Emulator.RG).append("\",\"vaultName\":\"")
                    .append(Emulator.VAULT).append("\",\"backupInstanceName\":\"bulk-").append(i).append("\"")
                    .append(i % 2 == 0 ? ",\"retentionTagOverride\":\"Weekly\"" : "").append("}\n");
        }
        Path file = Files.writeString(dir.resolve("instances.jsonl"), jsonl);
        // 40 scattered 429s (absorbed by the client's own retries) and 6 in a row for one instance: more than the
        // client retries, so the batch-wide backoff pauses everyone and the item is sent again
        emulator.rule("{\"method\":\"POST\",\"path\":\".*/bulk-7/backup\",\"times\":6,\"fault\":{\"status\":429,\"retryAfter\":0}}");
        emulator.rule("{\"method\":\"POST\",\"path\":\".*/backup\",\"times\":40,\"fault\":{\"status\":429,\"retryAfter\":0}}");
        LaunchResult r = launcher.launch("backup", "--from-file", file.toString(), "--rule-name", "BackupWeekly",
                "--parallel", "32", "--poll-interval", "100ms");
        assertThat(r.exitCode()).as(describe(r)).isZero();
        List<JsonNode> results = lines(r);
        assertThat(results).hasSize(COUNT);
        assertThat(results).allSatisfy(n -> {
            assertThat(n.path("status").asText()).isEqualTo("Succeeded");
            assertThat(n.path("jobId").asText()).startsWith(Emulator.VAULT_ID + "/backupJobs/");
        });
        Set<String> sources = new HashSet<>();
        results.forEach(n -> sources.add(n.path("source").asText()));
        assertThat(sources).hasSize(COUNT).contains(file + ":1", file + ":" + COUNT);
        assertThat(results.stream().filter(n -> n.path("backupInstanceId").asText().endsWith("/bulk-7")).findFirst()
                .orElseThrow().path("throttled").asInt()).isPositive();
        assertThat(r.getErrorOutput()).contains("bulk: " + COUNT + " items, " + COUNT + " succeeded, 0 failed")
                .contains("[" + COUNT + "/" + COUNT + "]");
        // the emulator serves one rule per request: exactly 46 429s, and the summary counts every one of them, also
        // those the client's own retries absorbed
        assertThat(emulator.count("POST", ".*/backupInstances/bulk-[0-9]+/backup")).isEqualTo(COUNT + 46);
        assertThat(r.getErrorOutput()).contains(" 46 throttled responses (429)");
        assertThat(results.stream().mapToInt(n -> n.path("throttled").asInt()).sum()).isEqualTo(46);
        // bulk-7 was sent again by the batch after the client's retries: every send carries the same request id
        JsonNode sends = parse(emulator.journal("POST", ".*/backupInstances/bulk-7/backup")).path("entries");
        assertThat(sends.size()).isGreaterThanOrEqualTo(7);
        Set<String> requestIds = new HashSet<>();
        Set<String> correlationIds = new HashSet<>();
        sends.forEach(e -> e.path("headers").fields().forEachRemaining(h -> {
            if (h.getKey().equalsIgnoreCase("x-ms-client-request-id")) {
                requestIds.add(h.getValue().asText());
            } else if (h.getKey().equalsIgnoreCase("x-ms-correlation-request-id")) {
                correlationIds.add(h.getValue().asText());
            }
        }));
        assertThat(requestIds).as(sends.toString()).hasSize(1);
        assertThat(correlationIds).as(sends.toString()).hasSize(1);
        assertNoStackTrace(r);
    }

    @Test
    void aBulkWhatIfRunsThePreflightPerItemAndSendsNothing(QuarkusMainLauncher launcher) {
        Emulator emulator = Emulator.current(launcher);
        emulator.reset();
        emulator.mergeSeed(seed("whatif", 2));
        String base = Emulator.VAULT_ID + "/backupInstances/";
        // issue 13: a bulk --what-if used to preview the requests without the pre-flight
        LaunchResult r = launcher.launch("backup", "--id", base + "whatif-1", base + "azdp-stopped-instance",
                base + "no-such-instance", base + "whatif-2", "--rule-name", "backupweekly", "--what-if");
        assertThat(r.exitCode()).as(describe(r)).isEqualTo(9);
        List<JsonNode> previews = lines(r);
        // input order, one line per item, each with its own finding
        assertThat(previews).extracting(n -> n.path("url").asText().replaceAll(".*/backupInstances/|/backup\\?.*", ""))
                .containsExactly("whatif-1", "azdp-stopped-instance", "no-such-instance", "whatif-2");
        assertThat(previews.get(0).path("preflight").asText()).startsWith("passed: ");
        // what passed is sent in the policy's spelling of the rule
        assertThat(previews.get(0).path("body").path("backupRuleOptions").path("ruleName").asText())
                .isEqualTo("BackupWeekly");
        assertThat(previews.get(1).path("preflight").asText()).startsWith("refused (exit code 2): ")
                .contains("ProtectionStopped");
        assertThat(previews.get(2).path("preflight").asText()).startsWith("refused (exit code 3): ");
        assertThat(previews.get(3).path("preflight").asText()).startsWith("passed: ");
        assertThat(r.getErrorOutput()).as(describe(r))
                .contains("what-if: 4 items, 2 passed the pre-flight, 2 refused; nothing was sent")
                .doesNotContain("did not run");
        assertThat(emulator.count("POST", ".*/backup.*")).isZero();
        // read once per policy, as a real bulk run does: two instances of one policy, one policy GET
        assertThat(emulator.count("GET", ".*/backupPolicies/.*")).isEqualTo(1);
        assertNoStackTrace(r);
    }

    @Test
    void aQueryThatCannotRunOnAcceptedItemsPrintsTheLinesWholeWithAServiceClassExit(QuarkusMainLauncher launcher) {
        Emulator emulator = Emulator.current(launcher);
        emulator.reset();
        emulator.mergeSeed(seed("query", 2));
        String base = Emulator.VAULT_ID + "/backupInstances/";
        // issue 13: the query compiles, but fails on every line; the backups were accepted all the same
        LaunchResult r = launcher.launch("backup", "--id", base + "query-1", base + "query-2", "--rule-name",
                "BackupWeekly", "--no-wait", "--query", "length(nothing)");
        assertThat(r.exitCode()).as(describe(r)).isEqualTo(6);
        assertThat(lines(r)).as(describe(r)).hasSize(2)
                .allSatisfy(n -> assertThat(n.path("resumeToken").asText()).startsWith("azdp1."));
        assertThat(r.getErrorOutput()).as(describe(r)).contains("error: --query: cannot evaluate 'length(nothing)'")
                .contains("printed without --query");
        assertThat(emulator.count("POST", ".*/backupInstances/query-[12]/backup")).isEqualTo(2);
        assertNoStackTrace(r);
    }

    @Test
    @Timeout(value = 240, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void oneLongRetryAfterDoesNotStallTheBatch(QuarkusMainLauncher launcher) {
        Emulator emulator = Emulator.current(launcher);
        emulator.reset();
        emulator.mergeSeed(seed("cap", 6));
        // an hour: far beyond the default --max-throttle-wait of 60s; before, the whole batch paused for it
        emulator.rule("{\"method\":\"POST\",\"path\":\".*/cap-3/backup\",\"fault\":{\"status\":429,\"retryAfter\":3600}}");
        String base = Emulator.VAULT_ID + "/backupInstances/cap-";
        Instant before = Instant.now();
        LaunchResult r = launcher.launch("backup", "--id", base + 1, base + 2, base + 3, base + 4, base + 5, base + 6,
                "--rule-name", "BackupWeekly", "--poll-interval", "100ms", "--parallel", "2");
        Instant after = Instant.now();
        assertThat(Duration.between(before, after)).as(describe(r)).isLessThan(Duration.ofSeconds(60));
        assertThat(r.exitCode()).as(describe(r)).isEqualTo(6);
        List<JsonNode> results = lines(r).stream()
                .sorted((a, b) -> Integer.compare(a.path("index").asInt(), b.path("index").asInt())).toList();
        assertThat(results).extracting(n -> n.path("status").asText())
                .containsExactly("Succeeded", "Succeeded", "Throttled", "Succeeded", "Succeeded", "Succeeded");
        JsonNode throttled = results.get(2);
        assertThat(throttled.path("exitCode").asInt()).isEqualTo(6);
        assertThat(throttled.path("throttled").asInt()).isEqualTo(1);
        assertThat(throttled.path("resumeToken").asText(null)).isNull();
        Instant retryAt = Instant.parse(throttled.path("retryAt").asText());
        assertThat(retryAt).isBetween(before.plusSeconds(3590), after.plusSeconds(3610));
        assertThat(r.getErrorOutput()).contains("6 items, 5 succeeded, 0 failed, 1 throttled, 0 polling failed, "
                + "1 throttled responses (429)").contains("--max-throttle-wait 60s")
                .contains("run them again after " + throttled.path("retryAt").asText());
        // reported, not hammered: the client does not retry a 429 it will not wait for
        assertThat(emulator.count("POST", ".*/backupInstances/cap-3/backup")).isEqualTo(1);
        assertNoStackTrace(r);
    }

    @Test
    void theThrottleWaitIsConfigurableAndCapsThePause(QuarkusMainLauncher launcher) {
        Emulator emulator = Emulator.current(launcher);
        emulator.reset();
        emulator.mergeSeed(seed("wait", 2));
        emulator.rule("{\"method\":\"POST\",\"path\":\".*/wait-1/backup\",\"times\":1,\"fault\":{\"status\":429,\"retryAfter\":3}}");
        String base = Emulator.VAULT_ID + "/backupInstances/wait-";
        // 3 s is more than --max-throttle-wait 2s: Throttled, nothing waited for
        LaunchResult capped = launcher.launch("backup", "--id", base + 1, base + 2, "--rule-name", "BackupWeekly",
                "--max-throttle-wait", "2s", "--no-wait");
        assertThat(capped.exitCode()).as(describe(capped)).isEqualTo(6);
        assertThat(lines(capped)).extracting(n -> n.path("status").asText())
                .containsExactlyInAnyOrder("Throttled", "Started");
        // within the cap it is waited for and sent again
        emulator.rule("{\"method\":\"POST\",\"path\":\".*/wait-1/backup\",\"times\":1,\"fault\":{\"status\":429,\"retryAfter\":1}}");
        LaunchResult waited = launcher.launch("backup", "--id", base + 1, base + 2, "--rule-name", "BackupWeekly",
                "--max-throttle-wait", "2s", "--no-wait");
        assertThat(waited.exitCode()).as(describe(waited)).isZero();
        assertThat(waited.getErrorOutput()).contains("1 throttled responses (429)");
        LaunchResult bad = launcher.launch("backup", "--id", base + 1, base + 2, "--rule-name", "BackupWeekly",
                "--max-throttle-wait", "0s");
        assertThat(bad.exitCode()).as(describe(bad)).isEqualTo(2);
        assertThat(bad.getErrorOutput()).contains("--max-throttle-wait");
    }

    @Test
    void startedItemsWhosePollingFailsArePollingFailedWithAResumeTokenNeverFailed(QuarkusMainLauncher launcher) {
        Emulator emulator = Emulator.current(launcher);
        emulator.reset();
        emulator.mergeSeed(seed("pf", 2));
        // each first status poll gets a 503 on all of the client's four attempts
        emulator.rule("{\"method\":\"GET\",\"path\":\"/operationStatus/\",\"times\":8,\"fault\":{\"status\":503}}");
        String base = Emulator.VAULT_ID + "/backupInstances/pf-";
        LaunchResult r = launcher.launch("backup", "--id", base + 1, base + 2, "--rule-name", "BackupWeekly",
                "--poll-interval", "100ms");
        assertThat(r.exitCode()).as(describe(r)).isEqualTo(6);
        List<JsonNode> results = lines(r);
        assertThat(results).hasSize(2).allSatisfy(n -> {
            assertThat(n.path("status").asText()).isEqualTo("PollingFailed");
            assertThat(n.path("exitCode").asInt()).isEqualTo(6);
            assertThat(n.path("operationId").asText()).isNotBlank();
            assertThat(n.path("resumeToken").asText()).startsWith("azdp1.");
            assertThat(n.path("error").asText()).contains("do not send it again");
        });
        assertThat(r.getErrorOutput()).contains("2 items, 0 succeeded, 0 failed, 0 throttled, 2 polling failed")
                .contains("do not run them again").contains("azdp operation wait --resume-token");
        // the backups were started once, and the tokens resume them
        assertThat(emulator.count("POST", ".*/backupInstances/pf-[12]/backup")).isEqualTo(2);
        for (JsonNode n : results) {
            LaunchResult resumed = launcher.launch("operation", "wait", "--resume-token", n.path("resumeToken").asText(),
                    "--poll-interval", "100ms");
            assertThat(resumed.exitCode()).as(describe(resumed)).isZero();
            assertThat(resumed.getOutput()).contains("/backupJobs/");
        }
        assertNoStackTrace(r);
    }

    @Test
    void partialFailureExits9WithPerItemCodes(QuarkusMainLauncher launcher, @TempDir Path dir) throws Exception {
        Emulator emulator = Emulator.current(launcher);
        emulator.reset();
        Path csv = Files.writeString(dir.resolve("instances.csv"), "id,ruleName,retentionTagOverride\n"
                + Emulator.INSTANCE_ID + ",BackupWeekly,Weekly\n"
                + Emulator.VAULT_ID + "/backupInstances/missing,BackupWeekly,\n"
                + Emulator.INSTANCE_ID + ",Default,\n");
        LaunchResult r = launcher.launch("backup", "--from-file", csv.toString(), "--parallel", "2");
        assertThat(r.exitCode()).as(describe(r)).isEqualTo(9);
        List<JsonNode> results = lines(r).stream()
                .sorted((a, b) -> Integer.compare(a.path("index").asInt(), b.path("index").asInt())).toList();
        assertThat(results).extracting(n -> n.path("exitCode").asInt()).containsExactly(0, 3, 2);
        assertThat(results.get(2).path("error").asText()).contains("retention rule");
        assertThat(results.get(1).path("source").asText()).isEqualTo(csv + ":3");
        assertThat(r.getErrorOutput()).contains("3 items, 1 succeeded, 2 failed");
    }

    @Test
    void waitForJobFollowsEveryItemsJobAndFailsTheItemsWhoseJobFailed(QuarkusMainLauncher launcher) {
        Emulator emulator = Emulator.current(launcher);
        emulator.reset();
        emulator.mergeSeed(seed("wfj", 3));
        emulator.rule("{\"method\":\"POST\",\"path\":\".*/wfj-2/backup\",\"scenario\":\"jobOutcome=Failed\"}");
        String base = Emulator.VAULT_ID + "/backupInstances/wfj-";
        LaunchResult r = launcher.launch("backup", "--id", base + 1, base + 2, base + 3, "--rule-name", "BackupWeekly",
                "--wait-for-job", "--poll-interval", "100ms");
        assertThat(r.exitCode()).as(describe(r)).isEqualTo(9);
        List<JsonNode> results = lines(r).stream()
                .sorted((a, b) -> Integer.compare(a.path("index").asInt(), b.path("index").asInt())).toList();
        assertThat(results).extracting(n -> n.path("jobStatus").asText())
                .containsExactly("Completed", "Failed", "Completed");
        assertThat(results).extracting(n -> n.path("exitCode").asInt()).containsExactly(0, 7, 0);
        assertThat(results.get(1).path("status").asText()).isEqualTo("Failed");
        assertThat(results.get(1).path("error").asText()).contains("ended Failed");
        assertThat(results.get(0).path("jobId").asText()).startsWith(Emulator.VAULT_ID + "/backupJobs/");
        assertThat(r.getErrorOutput()).contains("3 items, 2 succeeded, 1 failed");
        assertNoStackTrace(r);
    }

    @Test
    void severalIdsAreABulkRun(QuarkusMainLauncher launcher) {
        Emulator.current(launcher).reset();
        LaunchResult two = launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--id", Emulator.INSTANCE_ID,
                "--rule-name", "BackupWeekly", "-o", "json", "--query", "status");
        assertThat(two.exitCode()).as(describe(two)).isZero();
        assertThat(two.getOutput().lines()).containsExactly("\"Succeeded\"", "\"Succeeded\"");
        LaunchResult quiet = launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--id", Emulator.INSTANCE_ID,
                "--rule-name", "BackupWeekly", "-o", "none");
        assertThat(quiet.exitCode()).as(describe(quiet)).isZero();
        assertThat(quiet.getOutput()).isBlank();
        assertThat(quiet.getErrorOutput()).contains("2 items, 2 succeeded");
        LaunchResult tsv = launcher.launch("backup", "--id", Emulator.INSTANCE_ID, "--id", Emulator.INSTANCE_ID,
                "--rule-name", "BackupWeekly", "-o", "tsv", "--query", "status");
        assertThat(tsv.getOutput().lines()).containsExactly("Succeeded", "Succeeded");
        LaunchResult started = launcher.launch("backup", "--id", Emulator.INSTANCE_ID, Emulator.INSTANCE_ID,
                "--rule-name", "BackupWeekly", "--no-wait");
        assertThat(lines(started)).hasSize(2).allSatisfy(n -> {
            assertThat(n.path("status").asText()).isEqualTo("Started");
            assertThat(n.path("resumeToken").asText()).startsWith("azdp1.");
        }).extracting(n -> n.path("source").asText()).containsExactlyInAnyOrder("--id[1]", "--id[2]");
    }
}

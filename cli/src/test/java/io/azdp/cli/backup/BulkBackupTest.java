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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code azdp backup --from-file / several --id / stdin}: bounded concurrency, NDJSON, summary, 429s, exit 9. */
@QuarkusMainTest
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
        // every 429 was answered once; a request matching both rules may use up both
        assertThat(emulator.count("POST", ".*/backupInstances/bulk-[0-9]+/backup")).isBetween(COUNT + 40, COUNT + 46);
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

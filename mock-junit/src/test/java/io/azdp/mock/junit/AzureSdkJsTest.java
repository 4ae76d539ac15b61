package io.azdp.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The official Azure SDK for JavaScript against azdp-mock, configured as docs/sdk.md says: the repository's example
 * docs/examples/sdk-js/adhoc-backup.mjs runs under Node.js with the packages its package-lock.json pins
 * (@azure/identity's ClientSecretCredential on the emulator's HTTPS authority, instance discovery off, the emulator's
 * PEM trusted through NODE_EXTRA_CA_CERTS; @azure/core-rest-pipeline's bearer-token policy; @azure/core-lro's poller).
 * Skipped when node or the example's node_modules are missing (.ci/run runs {@code npm ci} there).
 */
class AzureSdkJsTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Test
    void coreLroPollerRunsAnAdhocBackupToTheEndAndVerifiesClean() throws Exception {
        Path example = SdkScript.exampleDirectory("sdk-js").orElseThrow();
        Optional<Path> node = SdkScript.onPath("node");
        SdkScript.assumeAvailable(node.isPresent(), "node not found on PATH");
        SdkScript.assumeAvailable(Files.isRegularFile(example.resolve("node_modules/@azure/identity/package.json"))
                && Files.isRegularFile(example.resolve("node_modules/@azure/core-lro/package.json")),
                "the example's packages are not installed: npm ci --prefix " + example);

        // Retry-After 3 s: the SDK's poll right after the 202 counts as early even on a slow, loaded machine
        try (AzdpMockServer mock = AzdpMockServer.builder().https()
                .property("azdp.mock.operation-duration", "PT4S").property("azdp.mock.retry-after", "3").start()) {
            SdkScript.Result run = SdkScript.run(example, List.of(node.get().toString(), "adhoc-backup.mjs"),
                    Map.of("AZDP_MOCK_HTTPS", mock.httpsUrl(),
                            "NODE_EXTRA_CA_CERTS", mock.certificateFile().toString()), TIMEOUT);
            assertThat(run.exit()).as(run.describe()).isZero();

            JsonNode result = new ObjectMapper().readTree(run.stdout());
            assertThat(result.path("status").asText()).as(run.stdout()).isEqualTo("succeeded");
            assertThat(result.at("/result/status").asText()).isEqualTo("Succeeded");
            String jobId = result.at("/result/properties/jobId").asText();
            assertThat(jobId).startsWith(mock.vaultId() + "/backupJobs/");
            assertThat(mock.admin().state()).contains(jobId);

            // @azure/identity fetched its token from the emulator's authority, not from the public cloud
            assertThat(mock.admin().journal("method=POST&path=/" + mock.tenantId() + "/oauth2/v2.0/token"))
                    .contains("azsdk-js-identity/").contains("\"status\":200");
            // the trigger went out with the example's api-version, and the poller followed the operation
            assertThat(mock.admin().journal("method=POST&path=/backupInstances/"))
                    .contains("\"query\":\"api-version=2025-07-01\"").contains("\"status\":202");
            assertThat(mock.admin().journal("method=GET&path=/operationStatus/"))
                    .contains("\"query\":\"api-version=2025-07-01\"").contains("\"status\":200");

            // core-lro polled once right after the 202 and kept to Retry-After from then on
            SdkScript.assertPolledOnceEarlyThenByRetryAfter(mock);
        }
    }
}

package io.azdp.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The official Azure SDK for Python against azdp-mock, configured as docs/sdk.md says: the repository's example
 * docs/examples/sdk-python/adhoc_backup.py runs under Debian's interpreter with Debian bookworm's python3-azure
 * (azure-identity's ClientSecretCredential on the emulator's HTTPS authority, instance discovery off, the emulator's PEM
 * trusted through REQUESTS_CA_BUNDLE; azure-mgmt-dataprotection's DataProtectionClient, whose begin_adhoc_backup
 * sends the SDK's default api-version and polls with its own ARM LRO poller). Skipped when they are not installed
 * (.ci/run installs them).
 */
class AzureSdkPythonTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Test
    void dataProtectionClientRunsAnAdhocBackupToTheEndAndVerifiesClean() throws Exception {
        Path example = SdkScript.exampleDirectory("sdk-python").orElseThrow();
        SdkScript.assumeAvailable(Files.isExecutable(PYTHON), PYTHON + " not found (Debian: apt-get install python3)");
        SdkScript.Result probe = SdkScript.run(example, List.of(PYTHON.toString(), "-I", "-c",
                "import azure.identity, azure.mgmt.dataprotection"), Map.of(), TIMEOUT);
        SdkScript.assumeAvailable(probe.exit() == 0, PYTHON + " cannot import azure.identity and"
                + " azure.mgmt.dataprotection (Debian: apt-get install python3-azure python3-msal): " + probe.stderr());

        // Retry-After 3 s: the SDK's poll right after the 202 counts as early even on a slow, loaded machine
        try (AzdpMockServer mock = AzdpMockServer.builder().https()
                .property("azdp.mock.operation-duration", "PT4S").property("azdp.mock.retry-after", "3").start()) {
            SdkScript.Result run = SdkScript.run(example, List.of(PYTHON.toString(), "-I", "adhoc_backup.py"),
                    Map.of("AZDP_MOCK_HTTPS", mock.httpsUrl(),
                            "REQUESTS_CA_BUNDLE", mock.certificateFile().toString()), TIMEOUT);
            assertThat(run.exit()).as(run.describe()).isZero();

            JsonNode result = new ObjectMapper().readTree(run.stdout());
            assertThat(result.path("status").asText()).as(run.stdout()).isEqualTo("Succeeded");
            String jobId = result.path("jobId").asText();
            assertThat(jobId).startsWith(mock.vaultId() + "/backupJobs/");
            assertThat(result.path("apiVersion").asText()).isEqualTo("2022-12-01");
            assertThat(mock.admin().state()).contains(jobId);

            // MSAL fetched the tenant's OIDC metadata and a token from the emulator, not from the public cloud
            String identity = mock.admin().journal("path=/" + mock.tenantId() + "/");
            assertThat(identity).contains("/.well-known/openid-configuration").contains("/oauth2/v2.0/token")
                    .contains("azsdk-python-identity/").contains("MSAL.Python");
            // the management client sent its own default api-version, and its poller followed the operation
            String trigger = mock.admin().journal("method=POST&path=/backupInstances/");
            assertThat(trigger).contains("\"query\":\"api-version=2022-12-01\"")
                    .contains("azsdk-python-mgmt-dataprotection/").contains("\"status\":202");
            assertThat(mock.admin().journal("method=GET&path=/operationStatus/"))
                    .contains("\"query\":\"api-version=2022-12-01\"").contains("\"status\":200");

            // ARMPolling polled once right after the 202 and kept to Retry-After from then on
            SdkScript.assertPolledOnceEarlyThenByRetryAfter(mock);
        }
    }
}

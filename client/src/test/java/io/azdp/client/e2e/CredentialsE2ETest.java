package io.azdp.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.azdp.client.CredentialInfo;
import io.azdp.client.DataProtectionClient;
import io.azdp.client.Setting;
import io.azdp.client.error.AuthenticationException;
import io.azdp.client.error.ServiceUnavailableException;
import io.quarkus.test.junit.QuarkusTest;

/** Every credential of the chain against the emulator over HTTP: certificate, workload identity, managed identity, az. */
@QuarkusTest
class CredentialsE2ETest extends E2eSupport {
    private static final String SYSTEM_IDENTITY = "azdp-mock-system-identity";
    private static final String USER_IDENTITY = "azdp-mock-user-identity";

    private Path dir;

    @BeforeEach
    void tempDir() throws Exception {
        dir = Files.createTempDirectory("azdp-creds");
    }

    @AfterEach
    void cleanUp() throws Exception {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A client with only {@code env} as its environment and no secret. */
    private DataProtectionClient withEnv(Map<String, String> env, String auth) {
        return client(null, b -> {
            b.clientSecret(null).environment(env);
            if (auth != null) {
                b.auth(auth);
            }
        });
    }

    @Test
    void pemCertificateAuthenticatesWithASignedAssertion() throws Exception {
        Path pem = dir.resolve("client.pem");
        Files.writeString(pem, server.clientCertificatePem());
        DataProtectionClient c = withEnv(Map.of("AZURE_CLIENT_CERTIFICATE_PATH", pem.toString()), null);
        assertThat(c.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE);
        assertThat(c.credentialDescription()).contains("client certificate", "chosen by the default chain");
        CredentialInfo info = c.credentialInfo();
        assertThat(info.clientId()).isEqualTo(Mock.CLIENT_ID);
        assertThat(info.tenantId()).isEqualTo(Mock.TENANT);
        assertThat(info.expiresAt()).isNotNull();
        assertThat(info.toString()).doesNotContain("eyJ");
    }

    @Test
    void pfxCertificateWithPasswordAndChainWorksAndAWrongPasswordIsNamed() throws Exception {
        String pem = server.clientCertificatePem();
        var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(block(pem, "PRIVATE KEY")));
        Certificate cert = CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(block(pem, "CERTIFICATE")));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("client", key, "pfx-pass".toCharArray(), new Certificate[] {cert});
        Path pfx = dir.resolve("client.pfx");
        try (OutputStream out = Files.newOutputStream(pfx)) {
            ks.store(out, "pfx-pass".toCharArray());
        }
        DataProtectionClient ok = withEnv(Map.of("AZURE_CLIENT_CERTIFICATE_PATH", pfx.toString(),
                "AZURE_CLIENT_CERTIFICATE_PASSWORD", "pfx-pass", "AZURE_CLIENT_SEND_CERTIFICATE_CHAIN", "true"),
                "environment");
        assertThat(ok.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE);
        DataProtectionClient wrong = withEnv(Map.of("AZURE_CLIENT_CERTIFICATE_PATH", pfx.toString(),
                "AZURE_CLIENT_CERTIFICATE_PASSWORD", "nope"), "environment");
        assertThatThrownBy(() -> wrong.getBackupInstance(INSTANCE)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("wrong or missing password").hasMessageNotContaining("nope");
    }

    @Test
    void aCertificateTheEmulatorDoesNotKnowIsRefusedWithEntrasCode() throws Exception {
        var gen = java.security.KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        var other = gen.generateKeyPair();
        String pem = server.clientCertificatePem();
        // the registered certificate, with a different private key: the signature cannot verify
        String forged = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(other.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n" + pem.substring(pem.indexOf("-----BEGIN CERTIFICATE-----"));
        Path file = dir.resolve("forged.pem");
        Files.writeString(file, forged);
        DataProtectionClient c = withEnv(Map.of("AZURE_CLIENT_CERTIFICATE_PATH", file.toString()), "environment");
        assertThatThrownBy(() -> c.getBackupInstance(INSTANCE)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("AADSTS700027");
    }

    @Test
    void workloadIdentitySendsClientIdAndReadsTheFileAgainOnEachFetch() throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, server.federatedToken("system:serviceaccount:other:sa", 3600));
        DataProtectionClient c = withEnv(Map.of("AZURE_FEDERATED_TOKEN_FILE", file.toString()), "workload-identity");
        assertThatThrownBy(() -> c.getBackupInstance(INSTANCE)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("AADSTS70021");
        // the projected token is rotated: the same client reads the new one
        Files.writeString(file, server.federatedToken(null, 3600));
        assertThat(c.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE);
        assertThat(c.credentialDescription()).startsWith("workload identity");
    }

    @Test
    void managedIdentityOverImdsSystemAndUserAssigned() {
        Map<String, String> env = Map.of("AZURE_POD_IDENTITY_AUTHORITY_HOST", mock().baseUrl());
        DataProtectionClient system = client(null, b -> b.clientSecret(null).clientId(null).environment(env)
                .auth("managed-identity"));
        assertThat(system.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE);
        assertThat(system.credentialInfo().clientId()).isEqualTo(SYSTEM_IDENTITY);

        DataProtectionClient byClientId = client(null, b -> b.clientSecret(null).clientId(USER_IDENTITY)
                .environment(env).auth("managed-identity"));
        assertThat(byClientId.credentialInfo().clientId()).isEqualTo(USER_IDENTITY);
        DataProtectionClient byResourceId = client(null, b -> b.clientSecret(null).clientId(null).environment(env)
                .auth("managed-identity").set(Setting.MANAGED_IDENTITY_RESOURCE_ID, "/subscriptions/"
                        + Mock.SUBSCRIPTION + "/resourceGroups/azdp-demo-rg/providers/Microsoft.ManagedIdentity/"
                        + "userAssignedIdentities/azdp-demo-identity", "test"));
        assertThat(byResourceId.credentialInfo().clientId()).isEqualTo(USER_IDENTITY);
        DataProtectionClient unknown = client(null, b -> b.clientSecret(null).clientId("nobody").environment(env)
                .auth("managed-identity"));
        assertThatThrownBy(unknown::credentialInfo).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("Identity not found");
    }

    @Test
    void imdsRetriesTransientAnswersWithBackoff() {
        mock().rule("{\"name\":\"imds-flaky\",\"path\":\"/metadata/identity/oauth2/token\",\"times\":2,"
                + "\"fault\":{\"status\":500}}");
        DataProtectionClient c = client(null, b -> b.clientSecret(null).clientId(null).auth("managed-identity")
                .environment(Map.of("AZURE_POD_IDENTITY_AUTHORITY_HOST", mock().baseUrl())));
        long start = System.nanoTime();
        assertThat(c.credentialInfo().clientId()).isEqualTo(SYSTEM_IDENTITY);
        assertThat(mock().journal("GET", "^/metadata/")).hasSize(3);
        // 0.8 s + 1.6 s of backoff
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(2_300);
    }

    @Test
    void inTheChainAnImdsErrorIsOneProbeAndTheChainMovesOnToAz() throws Exception {
        // a 5xx from whatever answers at the IMDS address (a proxy, a half-configured host) is not retried by the chain:
        // the next credential is asked at once, where managed identity alone retries it (above)
        mock().rule("{\"name\":\"imds-down\",\"path\":\"/metadata/identity/oauth2/token\",\"times\":10,"
                + "\"fault\":{\"status\":503}}");
        writeAz("echo '{\"accessToken\":\"" + server.accessToken() + "\",\"expires_on\":"
                + (System.currentTimeMillis() / 1000 + 3000) + ",\"tokenType\":\"Bearer\"}'\n");
        DataProtectionClient c = client(null, b -> b.clientSecret(null).clientId(null).environment(Map.of(
                "AZURE_POD_IDENTITY_AUTHORITY_HOST", mock().baseUrl(), "PATH", dir.toString())));
        assertThat(c.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE);
        assertThat(c.credentialDescription()).startsWith("Azure CLI");
        assertThat(mock().journal("GET", "^/metadata/")).hasSize(1);
    }

    @Test
    void anImdsThatConnectsAndNeverAnswersHoldsUpTheChainOnlyForTheProbe() throws Exception {
        // the listen backlog completes TCP handshakes without accept(): connected, then silence. Before, the probe
        // waited the whole connect + read timeout (70 s by default) before the chain asked az
        writeAz("echo '{\"accessToken\":\"" + server.accessToken() + "\",\"expires_on\":"
                + (System.currentTimeMillis() / 1000 + 3000) + ",\"tokenType\":\"Bearer\"}'\n");
        try (ServerSocket silent = new ServerSocket(0)) {
            DataProtectionClient c = client(null, b -> b.clientSecret(null).clientId(null).environment(Map.of(
                    "AZURE_POD_IDENTITY_AUTHORITY_HOST", "http://127.0.0.1:" + silent.getLocalPort(),
                    "PATH", dir.toString())));
            assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThat(c.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE));
            assertThat(c.credentialDescription()).startsWith("Azure CLI");
        }
    }

    @Test
    void aTenantThatIsNotAnIdOrDomainIsAUsageErrorBeforeAnyToolRuns() throws Exception {
        Path ran = dir.resolve("ran");
        writeAz("touch " + ran + "\nexit 1\n");
        for (String tenant : new String[] {"--output=tsv", "contoso.com/../x", "a b"}) {
            assertThatThrownBy(() -> client(null, b -> b.clientSecret(null).tenantId(tenant).auth("azure-cli")
                    .environment(Map.of("PATH", dir.toString()))).credentialInfo())
                    .isInstanceOf(io.azdp.model.ValidationException.class)
                    .hasMessageContaining("tenant").hasMessageContaining("letters, digits");
        }
        assertThat(ran).doesNotExist();
    }

    @Test
    void appServiceManagedIdentityChecksTheHeader() {
        DataProtectionClient c = client(null, b -> b.clientSecret(null).clientId(null).auth("managed-identity")
                .environment(Map.of("IDENTITY_ENDPOINT", mock().baseUrl() + "/msi/token", "IDENTITY_HEADER",
                        server.identityHeader())));
        assertThat(c.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE);
        assertThat(c.credentialDescription()).contains("App Service");
        DataProtectionClient wrong = client(null, b -> b.clientSecret(null).clientId(null).auth("managed-identity")
                .environment(Map.of("IDENTITY_ENDPOINT", mock().baseUrl() + "/msi/token", "IDENTITY_HEADER", "x")));
        assertThatThrownBy(wrong::credentialInfo).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("X-IDENTITY-HEADER");
    }

    @Test
    void theDefaultChainSkipsWhatIsNotConfiguredAndUsesManagedIdentity() {
        DataProtectionClient c = client(null, b -> b.clientSecret(null).clientId(null)
                .environment(Map.of("AZURE_POD_IDENTITY_AUTHORITY_HOST", mock().baseUrl(), "PATH", dir.toString())));
        assertThat(c.credentialDescription()).contains("none chosen yet");
        assertThat(c.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE);
        assertThat(c.credentialDescription()).startsWith("managed identity (IMDS, system-assigned)")
                .endsWith("chosen by the default chain");
    }

    @Test
    void withNothingAvailableTheChainSaysWhatEachCredentialLacked() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        int port = closed;
        DataProtectionClient c = client(null, b -> b.clientSecret(null).clientId(null).environment(Map.of(
                "AZURE_POD_IDENTITY_AUTHORITY_HOST", "http://127.0.0.1:" + port, "PATH", dir.toString())));
        assertThatThrownBy(c::credentialInfo).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("environment: not configured")
                .hasMessageContaining("workload identity: not configured")
                .hasMessageContaining("managed identity: no IMDS endpoint answered")
                .hasMessageContaining("Azure CLI: az was not found on PATH")
                .hasMessageContaining("Azure PowerShell: pwsh was not found on PATH")
                .hasMessageContaining("Azure Developer CLI: azd was not found on PATH")
                .hasMessageContaining("docs/credentials.md");
    }

    @Test
    void azureCliTokenAndDefaultSubscriptionAndItsFailures() throws Exception {
        String token = server.accessToken();
        Path args = dir.resolve("args");
        writeAz("if [ \"$2\" = show ]; then echo '{\"id\":\"" + Mock.SUBSCRIPTION + "\"}'; exit 0; fi\n"
                + "echo \"$@\" > " + args + "\n"
                + "echo '{\"accessToken\":\"" + token + "\",\"expires_on\":" + (System.currentTimeMillis() / 1000 + 3000)
                + ",\"subscription\":\"" + Mock.SUBSCRIPTION + "\",\"tenant\":\"" + Mock.TENANT
                + "\",\"tokenType\":\"Bearer\"}'\n");
        DataProtectionClient c = client(null, b -> b.clientSecret(null).clientId(null).subscriptionId(null)
                .auth("azure-cli").environment(Map.of("PATH", dir.toString())));
        assertThat(c.vaultId(Mock.RESOURCE_GROUP, Mock.VAULT)).isEqualTo(VAULT);
        assertThat(c.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE);
        assertThat(Files.readString(args).strip()).isEqualTo("account get-access-token --resource"
                + " https://management.azure.com/ -o json --tenant " + Mock.TENANT);
        assertThat(c.credentialDescription()).startsWith("Azure CLI").doesNotContain(token);

        writeAz("echo \"ERROR: Please run 'az login' to setup account.\" >&2\nexit 1\n");
        DataProtectionClient loggedOut = client(null, b -> b.clientSecret(null).auth("azure-cli")
                .environment(Map.of("PATH", dir.toString())));
        assertThatThrownBy(loggedOut::credentialInfo).isInstanceOf(AuthenticationException.class)
                .hasMessageStartingWith("Azure CLI: not logged in; run az login --tenant " + Mock.TENANT);
        Path empty = Files.createDirectory(dir.resolve("empty"));
        DataProtectionClient missing = client(null, b -> b.clientSecret(null).auth("azure-cli")
                .environment(Map.of("PATH", empty.toString())));
        assertThatThrownBy(missing::credentialInfo).hasMessageContaining("az was not found on PATH");
        writeAz("/bin/sleep 30\n");
        DataProtectionClient slow = client(null, b -> b.clientSecret(null).auth("azure-cli")
                .set(Setting.AZURE_CLI_TIMEOUT, "1s", "test").environment(Map.of("PATH", dir.toString())));
        assertThatThrownBy(slow::credentialInfo).hasMessageContaining("did not finish within PT1S");
    }

    @Test
    void aChildTheToolLeavesBehindHoldingItsOutputDoesNotHoldUpTheToken() throws Exception {
        // az prints its answer and exits, but a child it started keeps stdout and stderr open for a minute: the token
        // is read when az ends, not when the child does (before: a join without a timeout waited for the child)
        Path pid = dir.resolve("child.pid");
        writeAz("echo '{\"accessToken\":\"" + server.accessToken() + "\",\"expires_on\":"
                + (System.currentTimeMillis() / 1000 + 3000) + ",\"tokenType\":\"Bearer\"}'\n"
                + "/bin/sleep 60 &\necho $! > " + pid + "\n");
        DataProtectionClient c = client(null, b -> b.clientSecret(null).auth("azure-cli")
                .environment(Map.of("PATH", dir.toString())));
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThat(c.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE));
            assertThat(c.credentialDescription()).startsWith("Azure CLI");
        } finally {
            ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    void azureDeveloperCliTokenWithTenantAndItsFailures() throws Exception {
        String token = server.accessToken();
        Path args = dir.resolve("args");
        String expires = java.time.Instant.now().plusSeconds(3000).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        writeTool("azd", "echo \"$@\" > " + args + "\n"
                + "echo '{\"token\":\"" + token + "\",\"expiresOn\":\"" + expires + "\"}'\n");
        DataProtectionClient c = client(null, b -> b.clientSecret(null).clientId(null).auth("azure-developer-cli")
                .environment(Map.of("PATH", dir.toString())));
        assertThat(c.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE);
        assertThat(Files.readString(args).strip()).isEqualTo("auth token --output json --no-prompt --scope"
                + " https://management.azure.com/.default --tenant-id " + Mock.TENANT);
        assertThat(c.credentialDescription()).startsWith("Azure Developer CLI").doesNotContain(token);
        assertThat(c.credentialInfo().expiresAt()).isEqualTo(expires);

        writeTool("azd", "echo 'ERROR: not logged in, run `azd auth login` to login' >&2\nexit 1\n");
        DataProtectionClient loggedOut = client(null, b -> b.clientSecret(null).auth("azure-developer-cli")
                .environment(Map.of("PATH", dir.toString())));
        assertThatThrownBy(loggedOut::credentialInfo).isInstanceOf(AuthenticationException.class)
                .hasMessageStartingWith("Azure Developer CLI: not logged in; run azd auth login --tenant-id "
                        + Mock.TENANT);
        writeTool("azd", "echo 'ERROR: fetching token: " + token + " AADSTS50076 MFA required' >&2\nexit 1\n");
        DataProtectionClient refused = client(null, b -> b.clientSecret(null).auth("azure-developer-cli")
                .environment(Map.of("PATH", dir.toString())));
        assertThatThrownBy(refused::credentialInfo).hasMessageContaining("azd auth token failed (exit 1)")
                .hasMessageContaining("AADSTS50076").hasMessageNotContaining(token);
        Path empty = Files.createDirectory(dir.resolve("empty"));
        DataProtectionClient missing = client(null, b -> b.clientSecret(null).auth("azure-developer-cli")
                .environment(Map.of("PATH", empty.toString())));
        assertThatThrownBy(missing::credentialInfo).hasMessageContaining("azd was not found on PATH");
        writeTool("azd", "/bin/sleep 30\n");
        DataProtectionClient slow = client(null, b -> b.clientSecret(null).auth("azure-developer-cli")
                .set(Setting.AZURE_CLI_TIMEOUT, "1s", "test").environment(Map.of("PATH", dir.toString())));
        assertThatThrownBy(slow::credentialInfo).hasMessageContaining("azd auth token did not finish within PT1S");
    }

    @Test
    void azurePowerShellTokenWithTenantAndItsFailures() throws Exception {
        String token = server.accessToken();
        Path args = dir.resolve("args");
        // what pwsh 7 prints for ConvertTo-Json of the DateTimeOffset ExpiresOn
        String expires = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(3000)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace("Z", "+00:00");
        writeTool("pwsh", "printf '%s\\n' \"$@\" > " + args + "\n"
                + "echo '{\"Token\":\"" + token + "\",\"ExpiresOn\":\"" + expires + "\"}'\n");
        DataProtectionClient c = client(null, b -> b.clientSecret(null).clientId(null).auth("azure-powershell")
                .environment(Map.of("PATH", dir.toString())));
        assertThat(c.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE);
        String argv = Files.readString(args);
        assertThat(argv).startsWith("-NoProfile\n-NonInteractive\n-Command\n")
                .contains("Import-Module Az.Accounts -MinimumVersion 2.2.0")
                .contains("ResourceUrl = 'https://management.azure.com/'")
                .contains("$p['TenantId'] = '" + Mock.TENANT + "'").contains("Get-AzAccessToken @p");
        assertThat(c.credentialDescription()).startsWith("Azure PowerShell").doesNotContain(token);
        assertThat(c.credentialInfo().expiresAt()).isEqualTo(java.time.OffsetDateTime.parse(expires).toInstant());

        writeTool("pwsh", "echo 'Get-AzAccessToken: Run Connect-AzAccount to login.' >&2\nexit 1\n");
        DataProtectionClient loggedOut = client(null, b -> b.clientSecret(null).auth("azure-powershell")
                .environment(Map.of("PATH", dir.toString())));
        assertThatThrownBy(loggedOut::credentialInfo).isInstanceOf(AuthenticationException.class)
                .hasMessageStartingWith("Azure PowerShell: not logged in; run Connect-AzAccount -Tenant " + Mock.TENANT);
        writeTool("pwsh", "echo AzdpAzAccountsMissing\n");
        DataProtectionClient noModule = client(null, b -> b.clientSecret(null).auth("azure-powershell")
                .environment(Map.of("PATH", dir.toString())));
        assertThatThrownBy(noModule::credentialInfo).hasMessageContaining("Az.Accounts module (2.2.0 or later) is"
                + " not installed");
        Path empty = Files.createDirectory(dir.resolve("empty"));
        DataProtectionClient missing = client(null, b -> b.clientSecret(null).auth("azure-powershell")
                .environment(Map.of("PATH", empty.toString())));
        assertThatThrownBy(missing::credentialInfo).hasMessageContaining("pwsh was not found on PATH");
        writeTool("pwsh", "/bin/sleep 30\n");
        DataProtectionClient slow = client(null, b -> b.clientSecret(null).auth("azure-powershell")
                .set(Setting.AZURE_CLI_TIMEOUT, "1s", "test").environment(Map.of("PATH", dir.toString())));
        assertThatThrownBy(slow::credentialInfo).hasMessageContaining("did not finish within PT1S");
    }

    @Test
    void theChainTriesAzThenPowerShellThenAzd() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Map<String, String> env = Map.of("AZURE_POD_IDENTITY_AUTHORITY_HOST", "http://127.0.0.1:" + closed,
                "PATH", dir.toString());
        writeAz("echo \"ERROR: Please run 'az login' to setup account.\" >&2\nexit 1\n");
        writeTool("pwsh", "echo AzdpAzAccountsMissing\n");
        writeTool("azd", "echo '{\"token\":\"" + server.accessToken() + "\",\"expiresOn\":\""
                + java.time.Instant.now().plusSeconds(3000) + "\"}'\n");
        DataProtectionClient c = client(null, b -> b.clientSecret(null).clientId(null).environment(env));
        assertThat(c.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE);
        assertThat(c.credentialDescription()).startsWith("Azure Developer CLI").endsWith("chosen by the default chain");
        // a PowerShell that is logged in comes before azd
        writeTool("pwsh", "echo '{\"Token\":\"" + server.accessToken() + "\",\"ExpiresOn\":\""
                + java.time.OffsetDateTime.now().plusHours(1) + "\"}'\n");
        DataProtectionClient p = client(null, b -> b.clientSecret(null).clientId(null).environment(env));
        assertThat(p.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE);
        assertThat(p.credentialDescription()).startsWith("Azure PowerShell");
    }

    @Test
    void legacyAppServiceManagedIdentityUsesMsiEndpointAndSecret() {
        Map<String, String> env = Map.of("MSI_ENDPOINT", mock().baseUrl() + "/msi/token", "MSI_SECRET",
                server.identityHeader());
        DataProtectionClient c = client(null, b -> b.clientSecret(null).clientId(null).auth("managed-identity")
                .environment(env));
        assertThat(c.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE);
        assertThat(c.credentialDescription()).contains("App Service, MSI_ENDPOINT", "system-assigned");
        CredentialInfo info = c.credentialInfo();
        assertThat(info.clientId()).isEqualTo(SYSTEM_IDENTITY);
        // "12/6/2026 6:05:00 AM +00:00" was read: the expiry is known and about a token lifetime ahead
        assertThat(info.expiresAt()).isAfter(java.time.Instant.now().plusSeconds(60));
        assertThat(mock().journal("GET", "^/msi/token")).isNotEmpty();

        DataProtectionClient user = client(null, b -> b.clientSecret(null).clientId(USER_IDENTITY)
                .auth("managed-identity").environment(env));
        assertThat(user.credentialInfo().clientId()).isEqualTo(USER_IDENTITY);
        DataProtectionClient wrong = client(null, b -> b.clientSecret(null).clientId(null).auth("managed-identity")
                .environment(Map.of("MSI_ENDPOINT", mock().baseUrl() + "/msi/token", "MSI_SECRET", "wrong")));
        assertThatThrownBy(wrong::credentialInfo).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("MSI_SECRET").hasMessageNotContaining("wrong");
        // IDENTITY_ENDPOINT wins when both are set, as on current App Service
        DataProtectionClient both = client(null, b -> b.clientSecret(null).clientId(null).auth("managed-identity")
                .environment(Map.of("MSI_ENDPOINT", mock().baseUrl() + "/msi/token", "MSI_SECRET", "wrong",
                        "IDENTITY_ENDPOINT", mock().baseUrl() + "/msi/token", "IDENTITY_HEADER",
                        server.identityHeader())));
        assertThat(both.credentialDescription()).contains("App Service").doesNotContain("MSI_ENDPOINT");
        assertThat(both.credentialInfo().clientId()).isEqualTo(SYSTEM_IDENTITY);
    }

    @Test
    void encryptedPkcs8PemKeyIsDecryptedWithThePassword() throws Exception {
        String pem = server.clientCertificatePem();
        byte[] plain = block(pem, "PRIVATE KEY");
        // what openssl 3 writes by default: PBES2, PBKDF2 with HMAC-SHA256, AES-256-CBC
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("PBEWithHmacSHA256AndAES_256");
        byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        byte[] iv = new byte[16];
        new java.security.SecureRandom().nextBytes(iv);
        cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, javax.crypto.SecretKeyFactory
                .getInstance("PBEWithHmacSHA256AndAES_256")
                .generateSecret(new javax.crypto.spec.PBEKeySpec("pem-pass".toCharArray())),
                new javax.crypto.spec.PBEParameterSpec(salt, 2048, new javax.crypto.spec.IvParameterSpec(iv)));
        // the parameters under their DER name (PBES2), which EncryptedPrivateKeyInfo can write
        java.security.AlgorithmParameters pbes2 = java.security.AlgorithmParameters.getInstance("PBES2");
        pbes2.init(cipher.getParameters().getEncoded());
        byte[] encrypted = new javax.crypto.EncryptedPrivateKeyInfo(pbes2, cipher.doFinal(plain)).getEncoded();
        Path file = dir.resolve("encrypted.pem");
        Files.writeString(file, "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(encrypted) + "\n-----END ENCRYPTED PRIVATE KEY-----\n"
                + pem.substring(pem.indexOf("-----BEGIN CERTIFICATE-----")));
        assertEncryptedPemWorks(file, "pem-pass");
    }

    @Test
    void aKeyEncryptedByOpensslIsReadToo() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.util.stream.Stream.of(System.getenv("PATH")
                .split(java.io.File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, "openssl"))),
                "openssl is not installed");
        String pem = server.clientCertificatePem();
        Path key = dir.resolve("key.pem");
        Files.writeString(key, pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----"),
                pem.indexOf("-----END PRIVATE KEY-----") + "-----END PRIVATE KEY-----".length()) + "\n");
        Path out = dir.resolve("key-enc.pem");
        Process p = new ProcessBuilder("openssl", "pkcs8", "-topk8", "-in", key.toString(), "-out", out.toString(),
                "-passout", "pass:ossl-pass").redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(log).isZero();
        Path file = dir.resolve("openssl.pem");
        Files.writeString(file, Files.readString(out) + pem.substring(pem.indexOf("-----BEGIN CERTIFICATE-----")));
        assertThat(Files.readString(file)).contains("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertEncryptedPemWorks(file, "ossl-pass");
    }

    private void assertEncryptedPemWorks(Path file, String password) {
        DataProtectionClient ok = withEnv(Map.of("AZURE_CLIENT_CERTIFICATE_PATH", file.toString(),
                "AZURE_CLIENT_CERTIFICATE_PASSWORD", password), "environment");
        assertThat(ok.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE);
        assertThat(ok.credentialDescription()).contains("client certificate");
        DataProtectionClient wrong = withEnv(Map.of("AZURE_CLIENT_CERTIFICATE_PATH", file.toString(),
                "AZURE_CLIENT_CERTIFICATE_PASSWORD", "not-" + password), "environment");
        assertThatThrownBy(() -> wrong.getBackupInstance(INSTANCE)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("wrong or missing password (AZURE_CLIENT_CERTIFICATE_PASSWORD)")
                .hasMessageNotContaining(password);
        DataProtectionClient none = withEnv(Map.of("AZURE_CLIENT_CERTIFICATE_PATH", file.toString()), "environment");
        assertThatThrownBy(() -> none.getBackupInstance(INSTANCE)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("encrypted private key")
                .hasMessageContaining("AZURE_CLIENT_CERTIFICATE_PASSWORD");
    }

    @Test
    void anUnreachableTokenEndpointIsServiceUnavailableNotAnAuthenticationFailure() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        int port = closed;
        DataProtectionClient c = client(null, b -> b.authorityHost("http://127.0.0.1:" + port));
        assertThatThrownBy(() -> c.getBackupInstance(INSTANCE)).isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("cannot reach the token endpoint http://127.0.0.1:" + port)
                .hasMessageNotContaining(Mock.CLIENT_SECRET);
    }

    @Test
    void aBadAuthKindIsAUsageErrorNamingTheClosestOne() {
        assertThatThrownBy(() -> client(null, b -> b.auth("managed-identiy")))
                .isInstanceOf(io.azdp.model.ValidationException.class)
                .hasMessageContaining("did you mean 'managed-identity'");
    }

    private void writeAz(String body) throws Exception {
        writeTool("az", body);
    }

    /** A stand-in for {@code tool} (az, azd, pwsh) in {@link #dir}, which tests put on PATH. */
    private void writeTool(String tool, String body) throws Exception {
        Path file = dir.resolve(tool);
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }

    private static byte[] block(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        int from = pem.indexOf(begin) + begin.length();
        return Base64.getMimeDecoder().decode(pem.substring(from, pem.indexOf("-----END " + type)).strip());
    }
}

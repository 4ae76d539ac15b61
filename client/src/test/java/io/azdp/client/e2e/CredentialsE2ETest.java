package io.azdp.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        Path az = dir.resolve("az");
        Files.writeString(az, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(az, PosixFilePermissions.fromString("rwx------"));
    }

    private static byte[] block(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        int from = pem.indexOf(begin) + begin.length();
        return Base64.getMimeDecoder().decode(pem.substring(from, pem.indexOf("-----END " + type)).strip());
    }
}

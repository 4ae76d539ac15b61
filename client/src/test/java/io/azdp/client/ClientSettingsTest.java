package io.azdp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.azdp.model.ValidationException;

class ClientSettingsTest {

    private static DataProtectionClientBuilder builder() {
        return DataProtectionClient.builder().environment(Map.of());
    }

    @Test
    void publicCloudIsTheDefault() {
        ClientSettings s = builder().settings();
        assertThat(s.endpoint()).hasToString("https://management.azure.com");
        assertThat(s.cloud()).isEqualTo(AzureCloud.PUBLIC);
        assertThat(s.authorityHost()).hasToString("https://login.microsoftonline.com");
        assertThat(s.scope()).isEqualTo("https://management.azure.com/.default");
        assertThat(s.apiVersion()).isEqualTo("2024-04-01");
        assertThat(s.preflight()).isTrue();
    }

    @Test
    void sovereignCloudsByName() {
        ClientSettings gov = builder().endpoint("usgov").settings();
        assertThat(gov.endpoint()).hasToString("https://management.usgovcloudapi.net");
        assertThat(gov.authorityHost()).hasToString("https://login.microsoftonline.us");
        assertThat(gov.scope()).isEqualTo("https://management.usgovcloudapi.net/.default");
        ClientSettings china = builder().endpoint("China").settings();
        assertThat(china.endpoint()).hasToString("https://management.chinacloudapi.cn");
        assertThat(china.authorityHost()).hasToString("https://login.chinacloudapi.cn");
        assertThat(builder().endpoint("AzureUSGovernment").settings().cloud()).isEqualTo(AzureCloud.USGOV);
        assertThat(builder().endpoint("https://management.chinacloudapi.cn/").settings().cloud())
                .isEqualTo(AzureCloud.CHINA);
    }

    @Test
    void aLoopbackEmulatorIsItsOwnAuthorityAndUsesThePublicScope() {
        ClientSettings s = builder().endpoint("http://localhost:8089/").settings();
        assertThat(s.endpoint()).hasToString("http://localhost:8089");
        assertThat(s.cloud()).isNull();
        assertThat(s.authorityHost()).isEqualTo(URI.create("http://localhost:8089"));
        assertThat(s.scope()).isEqualTo("https://management.azure.com/.default");
        assertThat(builder().endpoint("http://127.0.0.1:1").settings().endpoint().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void plainHttpToARemoteHostIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> builder().endpoint("http://emulator.example.com").settings())
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("azdp.endpoint: expected public, usgov, china or an absolute https URL");
        assertThat(builder().endpoint("http://emulator.example.com").allowInsecureHttp(true).settings().endpoint())
                .hasToString("http://emulator.example.com");
        assertThatThrownBy(() -> builder().endpoint("mars").settings()).hasMessageContaining("got 'mars'");
        assertThatThrownBy(() -> builder().endpoint("https://h/x?y=1").settings())
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void azureEnvironmentVariablesFillUnsetValues() {
        ClientSettings s = DataProtectionClient.builder().environment(Map.of(
                "AZURE_TENANT_ID", "tenant-from-env", "AZURE_CLIENT_ID", "client-from-env",
                "AZURE_SUBSCRIPTION_ID", "00000000-0000-0000-0000-000000000001",
                "AZURE_AUTHORITY_HOST", "https://login.example.test/",
                "AZDP_ENDPOINT", "https://management.example.test")).settings();
        assertThat(s.tenantId()).isEqualTo("tenant-from-env");
        assertThat(s.clientId()).isEqualTo("client-from-env");
        assertThat(s.subscriptionId()).isEqualTo("00000000-0000-0000-0000-000000000001");
        assertThat(s.authorityHost()).hasToString("https://login.example.test");
        assertThat(s.endpoint()).hasToString("https://management.example.test");

        ClientSettings explicit = DataProtectionClient.builder()
                .environment(Map.of("AZURE_TENANT_ID", "env")).tenantId("explicit").settings();
        assertThat(explicit.tenantId()).isEqualTo("explicit");
    }

    @Test
    void aBadSubscriptionIdIsNamed() {
        assertThatThrownBy(() -> builder().subscriptionId("not-a-guid").settings())
                .isInstanceOf(ValidationException.class).hasMessageContaining("not-a-guid");
    }

    @Test
    void settingsHoldNoSecrets() {
        ClientSettings s = builder().clientSecret("s3cr3t-value").accessToken("eyJ.token").tenantId("t").settings();
        assertThat(s.toString()).doesNotContain("s3cr3t-value", "eyJ.token");
    }

    @Test
    void oneTableNamesEverySettingsKeysAndVariables() {
        assertThat(Setting.TENANT_ID.environmentVariables()).containsExactly("AZURE_TENANT_ID", "AZDP_TENANT_ID");
        assertThat(Setting.RETRY_MAX_RETRIES.property()).isEqualTo("azdp.retry.max-retries");
        assertThat(Setting.RETRY_MAX_RETRIES.environmentVariables()).containsExactly("AZDP_RETRY_MAX_RETRIES");
        assertThat(Setting.forConfigFileKey("authority")).contains(Setting.AUTHORITY_HOST);
        assertThat(Setting.forConfigFileKey("endpont")).isEmpty();
        assertThat(Setting.CLIENT_SECRET.secret()).isTrue();
        // every cloud name of the CLI's old table resolves here, 'azure' included
        assertThat(builder().endpoint("azure").settings().cloud()).isEqualTo(AzureCloud.PUBLIC);
        assertThat(builder().endpoint("AzureCloud").settings().cloud()).isEqualTo(AzureCloud.PUBLIC);
        assertThatThrownBy(() -> builder().endpoint("mars").settings())
                .hasMessage("azdp.endpoint: expected public, usgov, china or an http(s) URL, got 'mars'");
    }

    @Test
    void explicitCredentialsWinOverAnAccessTokenFromTheEnvironment() {
        Map<String, String> env = Map.of("AZURE_ACCESS_TOKEN", "env-token", "AZURE_CLIENT_SECRET", "env-secret");
        DataProtectionClientBuilder flags = DataProtectionClient.builder().environment(env).tenantId("t")
                .clientId("c");
        assertThat(flags.settings().tenantId()).isEqualTo("t");
        // resolved credentials go to the token source only: which one it is shows in its description
        assertThat(new SettingsResolverProbe(flags).accessToken()).isNull();
        assertThat(new SettingsResolverProbe(DataProtectionClient.builder().environment(env)).accessToken())
                .isEqualTo("env-token");
    }

    /** Reads the resolved credentials the way {@code build()} does, without building a REST client. */
    private record SettingsResolverProbe(DataProtectionClientBuilder builder) {
        String accessToken() {
            return builder.credentials().accessToken();
        }
    }
}

package io.azdp.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.azdp.client.error.AuthenticationException;

class TokenSourcesTest {
    private static final URI AUTHORITY = URI.create("https://login.microsoftonline.com");

    /** {@code TokenSources.from} with the public authority, a 5 s timeout and the system clock. */
    private static TokenSource from(String tenant, String client, String secret, String federatedTokenFile,
            String accessToken, String scope) {
        return TokenSources.from(CredentialSettings.of(AUTHORITY, tenant, client, secret, federatedTokenFile,
                accessToken, scope, Duration.ofSeconds(5)), Clock.systemUTC());
    }

    @Test
    void aStaticTokenWinsAndLosesItsBearerPrefix() {
        TokenSource s = from("t", "c", "secret", null, "Bearer abc.def", "scope");
        assertThat(s).isInstanceOf(StaticTokenSource.class);
        assertThat(s.token().await().indefinitely().token()).isEqualTo("abc.def");
        assertThat(s.invalidate(s.token().await().indefinitely())).isFalse();
        assertThat(s.describe()).doesNotContain("abc.def");
    }

    @Test
    void missingCredentialsFailOnFirstUseNamingWhatToSet() {
        TokenSource s = from("tenant", null, "very-secret-value", null, null, "scope");
        assertThatThrownBy(() -> s.token().await().indefinitely())
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("azdp.client-id (AZURE_CLIENT_ID)")
                .hasMessageNotContaining("azdp.tenant-id")
                .hasMessageNotContaining("very-secret-value");
        TokenSource none = from(null, null, null, null, null, "scope");
        assertThatThrownBy(() -> none.token().await().indefinitely())
                .hasMessageContaining("AZURE_ACCESS_TOKEN").hasMessageContaining("AZURE_TENANT_ID")
                .hasMessageContaining("AZURE_CLIENT_SECRET");
    }

    @Test
    void anUnreadableFederatedTokenFileIsNamed() {
        TokenSource s = from("t", "c", null, "/nonexistent/azure/token", null, "scope");
        assertThatThrownBy(() -> s.token().await().indefinitely())
                .hasMessage("azdp.federated-token-file: expected a readable file, got '/nonexistent/azure/token'");
    }

    @Test
    void clientCredentialsDescribeThemselvesWithoutTheSecret() {
        TokenSource s = from("tenant-1", "client-1", "s3cr3t", null, null, "https://management.azure.com/.default");
        assertThat(s.describe()).contains("client-1", "https://login.microsoftonline.com/tenant-1/oauth2/v2.0/token")
                .doesNotContain("s3cr3t");
    }
}

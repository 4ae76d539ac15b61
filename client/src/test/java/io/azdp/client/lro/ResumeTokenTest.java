package io.azdp.client.lro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.azdp.model.ValidationException;

class ResumeTokenTest {
    private static final String LONG_QUERY = "&t=" + "x".repeat(3000) + "&c=abc&s=sig%2Bvalue%3D&h=h1";

    @Test
    void roundTripKeepsEveryFieldIncludingLongSignedUrls() {
        ResumeToken t = new ResumeToken(
                URI.create("https://management.azure.com/subscriptions/s/resourceGroups/rg/providers/"
                        + "Microsoft.DataProtection/backupVaults/v/operationStatus/YWJj;ZGVm==?api-version=2024-04-01"
                        + LONG_QUERY),
                URI.create("https://management.azure.com/subscriptions/s/providers/Microsoft.DataProtection/locations/"
                        + "westus/operationResults/YWJj?api-version=2024-04-01"),
                "YWJj;ZGVm==", Instant.parse("2026-11-23T18:00:05Z"), "corr-1",
                "/subscriptions/s/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/v/backupInstances/i");
        String encoded = t.encode();
        assertThat(encoded).startsWith("azdp1.").doesNotContain("=", "+", "/", " ");
        assertThat(ResumeToken.decode(encoded)).isEqualTo(t);
        assertThat(ResumeToken.decode("  " + encoded + "\n")).isEqualTo(t);
    }

    @Test
    void onlyOneUrlIsNeeded() {
        ResumeToken t = new ResumeToken(null, URI.create("http://localhost:8089/x/operationResults/1?api-version=1"),
                null, null, null, null);
        assertThat(ResumeToken.decode(t.encode())).isEqualTo(t);
    }

    @Test
    void garbageIsRefusedNamingTheField() {
        assertThatThrownBy(() -> ResumeToken.decode("hello"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("resumeToken: expected a resume token printed by azdp");
        assertThatThrownBy(() -> ResumeToken.decode("azdp1.!!!notbase64"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("resumeToken");
        assertThatThrownBy(() -> ResumeToken.decode(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void tokensWithoutUrlOrWithForeignSchemesAreRefused() {
        String noUrl = "azdp1." + b64("{\"v\":1,\"operationId\":\"x\"}");
        assertThatThrownBy(() -> ResumeToken.decode(noUrl)).isInstanceOf(ValidationException.class);
        String fileUrl = "azdp1." + b64("{\"v\":1,\"statusUrl\":\"file:///etc/passwd\"}");
        assertThatThrownBy(() -> ResumeToken.decode(fileUrl)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("statusUrl must be an absolute http(s) URL");
        String otherVersion = "azdp1." + b64("{\"v\":2,\"statusUrl\":\"https://h/x\"}");
        assertThatThrownBy(() -> ResumeToken.decode(otherVersion)).isInstanceOf(ValidationException.class);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

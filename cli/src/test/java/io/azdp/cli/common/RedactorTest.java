package io.azdp.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {
    @Test
    void removesRegisteredSecretsBearerTokensAndFormSecrets() {
        Redactor.register("s3cr3t-value");
        assertThat(Redactor.redact("token for s3cr3t-value failed")).isEqualTo("token for <redacted> failed");
        assertThat(Redactor.redact("Authorization: Bearer eyJhbGciOi.abc.def")).isEqualTo("Authorization: Bearer <redacted>");
        assertThat(Redactor.redact("grant_type=client_credentials&client_secret=xyz&scope=a"))
                .isEqualTo("grant_type=client_credentials&client_secret=<redacted>&scope=a");
    }
}

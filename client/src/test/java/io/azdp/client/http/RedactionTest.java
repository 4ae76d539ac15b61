package io.azdp.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.azdp.client.auth.AccessToken;

class RedactionTest {

    @Test
    void credentialHeadersAreRedactedWhateverTheirCase() {
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("authorization", List.of("Bearer eyJhbGciOi.secret.token"));
        h.put("x-ms-client-request-id", List.of("abc"));
        h.put("Cookie", List.of("session=1"));
        String line = Redaction.headers(h);
        assertThat(line).doesNotContain("eyJhbGciOi", "secret", "session=1")
                .contains("authorization=REDACTED", "x-ms-client-request-id=abc", "Cookie=REDACTED");
        assertThat(Redaction.header("AUTHORIZATION", "Bearer x")).isEqualTo("REDACTED");
        assertThat(Redaction.header("Accept", "application/json")).isEqualTo("application/json");
    }

    @Test
    void signedQueryValuesAreHiddenButApiVersionStays() {
        String url = "https://management.azure.com/subscriptions/s/providers/Microsoft.DataProtection/locations/"
                + "westus/operationStatus/abc==?api-version=2024-04-01&t=638&c=MIIHhz&s=sig%2B&h=hash";
        assertThat(Redaction.url(url)).isEqualTo("https://management.azure.com/subscriptions/s/providers/"
                + "Microsoft.DataProtection/locations/westus/operationStatus/abc==?api-version=2024-04-01"
                + "&t=REDACTED&c=REDACTED&s=REDACTED&h=REDACTED");
        assertThat(Redaction.url("https://h/p")).isEqualTo("https://h/p");
    }

    @Test
    void accessTokenNeverPrintsItself() {
        AccessToken t = new AccessToken("eyJ0eXAi.payload.sig", null, null);
        assertThat(t.toString()).doesNotContain("eyJ0eXAi").contains("REDACTED");
        assertThat(t.authorizationHeader()).isEqualTo("Bearer eyJ0eXAi.payload.sig");
    }

    @Test
    void credentialsAreHiddenInFormsTokenJsonAndBareJwts() {
        String form = "request params: grant_type=client_credentials\nclient_id=app\nclient_secret=s3cr3t\n"
                + "client_assertion=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.sig&scope=x";
        assertThat(Redaction.credentials(form)).doesNotContain("s3cr3t").doesNotContain("eyJ")
                .contains("client_secret=REDACTED", "client_id=app", "grant_type=client_credentials", "scope=x");
        assertThat(Redaction.credentials("{\"access_token\":\"abc.def\",\"expires_in\":3599}"))
                .isEqualTo("{\"access_token\":\"REDACTED\",\"expires_in\":3599}");
        assertThat(Redaction.credentials("Authorization: Bearer eyJ0eXAi.eyJhdWQi.c2ln")).isEqualTo(
                "Authorization: Bearer REDACTED");
        assertThat(Redaction.credentials("OidcClient has acquired the tokens")).isEqualTo(
                "OidcClient has acquired the tokens");
    }
}

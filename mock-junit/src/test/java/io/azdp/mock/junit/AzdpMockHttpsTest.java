package io.azdp.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class AzdpMockHttpsTest {

    @Test
    void servesHttpsWithASelfSignedCertificateNextToHttp() throws Exception {
        try (AzdpMockServer mock = AzdpMockServer.builder().https().start()) {
            assertThat(mock.httpsUrl()).startsWith("https://localhost:");
            String form = "grant_type=client_credentials&client_id=azdp-mock-client&client_secret=azdp-mock-secret"
                    + "&scope=https%3A%2F%2Fmanagement.azure.com%2F.default";
            HttpRequest token = HttpRequest.newBuilder(URI.create(mock.httpsUrl() + "/" + mock.tenantId()
                    + "/oauth2/v2.0/token")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            HttpClient trusting = HttpClient.newBuilder().sslContext(mock.sslContext()).build();
            HttpResponse<String> r = trusting.send(token, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("access_token");
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(token, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mock.baseUrl()
                    + "/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        }
    }
}

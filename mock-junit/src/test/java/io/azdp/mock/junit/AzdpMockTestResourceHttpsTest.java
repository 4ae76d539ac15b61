package io.azdp.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Quarkus test resource hands out HTTPS and the trust material when asked, and nothing of it otherwise. */
class AzdpMockTestResourceHttpsTest {

    @Test
    void httpsInitArgServesHttpsAndHandsOutUrlCertificateFileAndTlsConfiguration() throws Exception {
        AzdpMockTestResource resource = new AzdpMockTestResource();
        resource.init(Map.of("azdp.mock.https.enabled", "true", "azdp.mock.clock.mode", "virtual"));
        Map<String, String> config = resource.start();
        try {
            String httpsUrl = config.get("azdp.mock.https-url");
            assertThat(httpsUrl).startsWith("https://localhost:");
            Path pem = Path.of(config.get("azdp.mock.https.certificate-file"));
            assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----");
            assertThat(config).containsEntry("quarkus.tls.azdp-mock.trust-store.pem.certs", pem.toString())
                    .containsEntry("azdp.endpoint", config.get("azdp.endpoint"));
            assertThat(config.get("azdp.endpoint")).startsWith("http://localhost:");

            AzdpMockServer server = AzdpMockServer.builder().https().start();
            try {
                // a second HTTPS emulator in the same JVM gets its own port and file
                assertThat(server.httpsUrl()).isNotEqualTo(httpsUrl);
                assertThat(server.certificateFile()).isNotEqualTo(pem);
                HttpClient trusting = HttpClient.newBuilder().sslContext(server.sslContext()).build();
                assertThat(trusting.send(HttpRequest.newBuilder(URI.create(server.httpsUrl() + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
            } finally {
                server.close();
            }
            assertThat(Files.exists(pem)).isTrue();
        } finally {
            resource.stop();
        }
        assertThat(Files.exists(Path.of(config.get("azdp.mock.https.certificate-file")))).isFalse();
    }

    @Test
    void withoutHttpsTheEmulatorServesHttpOnlyAndNoTrustIsHandedOut() {
        AzdpMockTestResource resource = new AzdpMockTestResource();
        resource.init(Map.of());
        Map<String, String> config = resource.start();
        try {
            assertThat(config).doesNotContainKeys("azdp.mock.https-url", "azdp.mock.https.certificate-file",
                    "quarkus.tls.azdp-mock.trust-store.pem.certs");
        } finally {
            resource.stop();
        }
        try (AzdpMockServer plain = AzdpMockServer.start()) {
            assertThat(plain.hasHttps()).isFalse();
            assertThatThrownBy(plain::certificateFile).hasMessageContaining("@AzdpMock(https = true)");
            assertThat(plain.admin().get("/_mock/https/certificate").status()).isEqualTo(404);
            assertThat(plain.logTail()).contains("Listening on: http://").doesNotContain("https://");
        }
    }
}

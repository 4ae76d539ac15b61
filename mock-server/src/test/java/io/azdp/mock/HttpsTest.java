package io.azdp.mock;

import static io.azdp.mock.MockTestSupport.TENANT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.azdp.mock.https.HttpsMaterial;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * HTTPS is on by default beside HTTP, with a certificate written to a file SDKs can trust; the fake Entra ID answers
 * MSAL's discovery calls over it with https URLs of its own.
 */
@QuarkusTest
class HttpsTest {

    @TestHTTPResource(value = "/", tls = true)
    URL https;

    private static HttpClient trusting(String pem) throws Exception {
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("azdp-mock", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ctx).build();
    }

    private String base() {
        return https.toString().replaceAll("/$", "");
    }

    @Test
    void httpsIsOnByDefaultWithTheCertificateInAPrivateFile() throws Exception {
        assertThat(https.getProtocol()).isEqualTo("https");
        String pem = given().get("/_mock/https/certificate").then().statusCode(200).extract().asString();
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----");
        Path file = HttpsMaterial.certificateFile().orElseThrow();
        assertThat(Files.readString(file)).isEqualTo(pem);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        assertThat(cert.getSubjectAlternativeNames()).extracting(n -> n.get(1).toString())
                .contains("localhost", "127.0.0.1");

        HttpResponse<String> ready = trusting(pem).send(HttpRequest.newBuilder(URI.create(base() + "/q/health/ready"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base()
                + "/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void msalDiscoveryAndTokenAnswerOverHttpsWithHttpsUrls() throws Exception {
        HttpClient client = trusting(given().get("/_mock/https/certificate").then().extract().asString());
        String oidc = client.send(HttpRequest.newBuilder(URI.create(base() + "/" + TENANT
                + "/v2.0/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(oidc).contains("\"token_endpoint\":\"" + base() + "/" + TENANT + "/oauth2/v2.0/token\"")
                .contains("\"issuer\":\"" + base() + "/" + TENANT + "/v2.0\"")
                .contains("\"jwks_uri\":\"" + base() + "/" + TENANT + "/discovery/v2.0/keys\"");
        String instance = client.send(HttpRequest.newBuilder(URI.create(base()
                + "/common/discovery/instance?api-version=1.1&authorization_endpoint=" + base() + "/" + TENANT
                + "/oauth2/v2.0/authorize")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(instance).contains("\"tenant_discovery_endpoint\":\"" + base() + "/" + TENANT
                + "/v2.0/.well-known/openid-configuration\"");
        HttpResponse<String> token = client.send(HttpRequest.newBuilder(URI.create(base() + "/" + TENANT
                + "/oauth2/v2.0/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=azdp-mock-client"
                        + "&client_secret=azdp-mock-secret&scope=https%3A%2F%2Fmanagement.azure.com%2F.default"
                        + "&client_info=1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(token.body()).contains("\"access_token\"");
    }
}

package io.azdp.mock;

import static io.azdp.mock.MockTestSupport.API;
import static io.azdp.mock.MockTestSupport.TENANT;
import static io.azdp.mock.MockTestSupport.VAULT_PATH;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signed client assertions (certificate, federated) and the managed identity endpoints, over HTTP. */
@QuarkusTest
class CredentialsTest {

    private static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";
    private static final String CLIENT = "azdp-mock-client";
    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    @BeforeEach
    void reset() {
        MockTestSupport.reset();
    }

    private static Response token(String clientId, String assertion) {
        Map<String, String> form = new HashMap<>(Map.of("grant_type", "client_credentials",
                "client_assertion_type", JWT_BEARER, "client_assertion", assertion,
                "scope", "https://management.azure.com/.default"));
        if (clientId != null) {
            form.put("client_id", clientId);
        }
        return given().contentType("application/x-www-form-urlencoded").formParams(form).post(TOKEN_PATH);
    }

    private static String demoPem() {
        Response r = given().get("/_mock/credentials/client-certificate");
        assertThat(r.statusCode()).isEqualTo(200);
        return r.asString();
    }

    private static byte[] block(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        int from = pem.indexOf(begin) + begin.length();
        return Base64.getMimeDecoder().decode(pem.substring(from, pem.indexOf("-----END " + type)).strip());
    }

    private static String assertion(PrivateKey key, X509Certificate cert, String iss, String sub, long expIn)
            throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(iss);
        claims.setSubject(sub);
        claims.setAudience("http://localhost" + TOKEN_PATH);
        claims.setJwtId(UUID.randomUUID().toString());
        long now = System.currentTimeMillis() / 1000;
        claims.setClaim("nbf", now - 10);
        claims.setClaim("exp", now + expIn);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("x5t", Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-1").digest(cert.getEncoded())));
        return jws.getCompactSerialization();
    }

    private static X509Certificate cert(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(block(pem, "CERTIFICATE")));
    }

    private static PrivateKey key(String pem) throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(block(pem, "PRIVATE KEY")));
    }

    @Test
    void certificateAssertionSignedWithTheRegisteredKeyGetsAWorkingToken() throws Exception {
        String pem = demoPem();
        Response r = token(CLIENT, assertion(key(pem), cert(pem), CLIENT, CLIENT, 600));
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        String token = r.path("access_token");
        assertThat(given().header("Authorization", "Bearer " + token).get(VAULT_PATH + "?api-version=" + API)
                .statusCode()).isEqualTo(200);
        // the client is named by iss/sub when client_id is not sent
        assertThat(token(null, assertion(key(pem), cert(pem), CLIENT, CLIENT, 600)).statusCode()).isEqualTo(200);
    }

    @Test
    void assertionSignedWithAnotherKeyIsRefusedEvenWithTheRightThumbprint() throws Exception {
        String pem = demoPem();
        var other = KeyPairGenerator.getInstance("RSA");
        other.initialize(2048);
        Response r = token(CLIENT, assertion(other.generateKeyPair().getPrivate(), cert(pem), CLIENT, CLIENT, 600));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.<String>path("error_description")).startsWith("AADSTS700027")
                .contains("did not match the expected signature");
    }

    @Test
    void expiredOrMismatchedAssertionsAreRefused() throws Exception {
        String pem = demoPem();
        Response expired = token(CLIENT, assertion(key(pem), cert(pem), CLIENT, CLIENT, -3600));
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.<String>path("error_description")).startsWith("AADSTS700024");
        Response mismatch = token("someone-else", assertion(key(pem), cert(pem), CLIENT, CLIENT, 600));
        assertThat(mismatch.<String>path("error_description")).startsWith("AADSTS700021");
    }

    @Test
    void federatedTokenFromTheBuiltInIssuerNeedsClientIdAndTheConfiguredSubject() {
        String federated = given().post("/_mock/credentials/federated-token").asString();
        Response ok = token(CLIENT, federated);
        assertThat(ok.statusCode()).as(ok.asString()).isEqualTo(200);
        assertThat(given().header("Authorization", "Bearer " + ok.path("access_token"))
                .get(VAULT_PATH + "?api-version=" + API).statusCode()).isEqualTo(200);

        Response noClientId = token(null, federated);
        assertThat(noClientId.statusCode()).isEqualTo(400);
        assertThat(noClientId.<String>path("error_description")).startsWith("AADSTS900144").contains("'client_id'");

        String otherSubject = given().queryParam("subject", "system:serviceaccount:other:sa")
                .post("/_mock/credentials/federated-token").asString();
        Response unmatched = token(CLIENT, otherSubject);
        assertThat(unmatched.<String>path("error_description")).startsWith("AADSTS70021")
                .contains("system:serviceaccount:other:sa");

        String[] parts = federated.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + parts[2].substring(0, 10) + "AAAA" + parts[2].substring(14);
        assertThat(token(CLIENT, forged).statusCode()).isEqualTo(401);

        String expired = given().queryParam("lifetimeSeconds", "-3600").post("/_mock/credentials/federated-token")
                .asString();
        assertThat(token(CLIENT, expired).<String>path("error_description")).startsWith("AADSTS700024");
    }

    @Test
    void imdsAnswersLikeTheRealOne() {
        String path = "/metadata/identity/oauth2/token";
        Response probe = given().queryParam("api-version", "2018-02-01")
                .queryParam("resource", "https://management.azure.com/").get(path);
        assertThat(probe.statusCode()).isEqualTo(400);
        assertThat(probe.<String>path("error_description")).isEqualTo("Required metadata header not specified");

        Response system = given().header("Metadata", "true").queryParam("api-version", "2018-02-01")
                .queryParam("resource", "https://management.azure.com/").get(path);
        assertThat(system.statusCode()).isEqualTo(200);
        assertThat(system.<String>path("client_id")).isEqualTo("azdp-mock-system-identity");
        assertThat(Long.parseLong(system.path("expires_on"))).isGreaterThan(System.currentTimeMillis() / 1000);
        assertThat(given().header("Authorization", "Bearer " + system.path("access_token"))
                .get(VAULT_PATH + "?api-version=" + API).statusCode()).isEqualTo(200);

        String objectId = UUID.nameUUIDFromBytes("azdp-mock-user-identity".getBytes(StandardCharsets.UTF_8))
                .toString();
        for (Map.Entry<String, String> selector : Map.of("client_id", "azdp-mock-user-identity", "object_id", objectId,
                "mi_res_id", "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/azdp-demo-rg/providers"
                        + "/Microsoft.ManagedIdentity/userAssignedIdentities/azdp-demo-identity").entrySet()) {
            Response user = given().header("Metadata", "true").queryParam("api-version", "2018-02-01")
                    .queryParam("resource", "https://management.azure.com/")
                    .queryParam(selector.getKey(), selector.getValue()).get(path);
            assertThat(user.<String>path("client_id")).as(selector.getKey()).isEqualTo("azdp-mock-user-identity");
        }
        Response unknown = given().header("Metadata", "true").queryParam("api-version", "2018-02-01")
                .queryParam("resource", "https://management.azure.com/").queryParam("client_id", "nobody").get(path);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.<String>path("error_description")).isEqualTo("Identity not found");
    }

    @Test
    void appServiceEndpointChecksTheIdentityHeader() {
        Response missing = given().queryParam("api-version", "2019-08-01")
                .queryParam("resource", "https://management.azure.com/").get("/msi/token");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.<String>path("message")).contains("X-IDENTITY-HEADER");
        Response ok = given().header("X-IDENTITY-HEADER", "azdp-mock-identity-header")
                .queryParam("api-version", "2019-08-01").queryParam("resource", "https://management.azure.com/")
                .get("/msi/token");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.<String>path("client_id")).isEqualTo("azdp-mock-system-identity");
        assertThat(given().header("Authorization", "Bearer " + ok.path("access_token"))
                .get(VAULT_PATH + "?api-version=" + API).statusCode()).isEqualTo(200);
    }

    @Test
    void legacyMsiEndpointChecksTheSecretHeaderAndWritesTheOldExpiry() {
        Response missing = given().queryParam("api-version", "2017-09-01")
                .queryParam("resource", "https://management.azure.com/").get("/msi/token");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.<String>path("message")).contains("secret", "MSI_SECRET");
        // the 2019-08-01 header does not stand in for the secret
        assertThat(given().header("X-IDENTITY-HEADER", "azdp-mock-identity-header")
                .queryParam("api-version", "2017-09-01").queryParam("resource", "https://management.azure.com/")
                .get("/msi/token").statusCode()).isEqualTo(401);
        Response ok = given().header("secret", "azdp-mock-identity-header").queryParam("api-version", "2017-09-01")
                .queryParam("resource", "https://management.azure.com/").get("/msi/token");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.<String>path("expires_on")).matches("\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d{2}:\\d{2} [AP]M \\+00:00");
        assertThat(ok.<String>path("token_type")).isEqualTo("Bearer");
        assertThat(given().header("Authorization", "Bearer " + ok.path("access_token"))
                .get(VAULT_PATH + "?api-version=" + API).statusCode()).isEqualTo(200);
        Response user = given().header("secret", "azdp-mock-identity-header").queryParam("api-version", "2017-09-01")
                .queryParam("resource", "https://management.azure.com/").queryParam("clientid", "nobody")
                .get("/msi/token");
        assertThat(user.statusCode()).isEqualTo(400);
        assertThat(user.<String>path("message")).contains("clientid");
    }
}

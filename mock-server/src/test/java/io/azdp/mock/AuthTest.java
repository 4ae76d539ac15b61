package io.azdp.mock;

import static io.azdp.mock.MockTestSupport.API;
import static io.azdp.mock.MockTestSupport.BACKUP_PATH;
import static io.azdp.mock.MockTestSupport.TENANT;
import static io.azdp.mock.MockTestSupport.VAULT_PATH;
import static io.azdp.mock.MockTestSupport.WEEKLY;
import static io.azdp.mock.MockTestSupport.cloudError;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthTest {

    private static final String TOKEN_PATH = "/" + TENANT + "/oauth2/v2.0/token";

    @BeforeEach
    void reset() {
        MockTestSupport.reset();
    }

    private static Response token(Map<String, String> form) {
        return given().contentType("application/x-www-form-urlencoded").formParams(form).post(TOKEN_PATH);
    }

    private static String clientCredentialsToken() {
        Response r = token(Map.of("grant_type", "client_credentials", "client_id", "azdp-mock-client",
                "client_secret", "azdp-mock-secret", "scope", "https://management.azure.com/.default"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.<String>path("token_type")).isEqualTo("Bearer");
        assertThat(r.<Integer>path("expires_in")).isGreaterThan(0);
        return r.path("access_token");
    }

    private static Response getVault(String authorization) {
        var spec = given();
        if (authorization != null) {
            spec = spec.header("Authorization", authorization);
        }
        return spec.get(VAULT_PATH + "?api-version=" + API);
    }

    @Test
    void clientCredentialsTokenIsAcceptedByArm() {
        String token = clientCredentialsToken();
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"aud\":\"https://management.azure.com/\"").contains(TENANT);
        assertThat(getVault("Bearer " + token).statusCode()).isEqualTo(200);
    }

    @Test
    void tokenEndpointErrorsFollowEntra() {
        Response badSecret = token(Map.of("grant_type", "client_credentials", "client_id", "azdp-mock-client",
                "client_secret", "wrong", "scope", "https://management.azure.com/.default"));
        assertThat(badSecret.statusCode()).isEqualTo(401);
        assertThat(badSecret.<String>path("error")).isEqualTo("invalid_client");
        assertThat(badSecret.<String>path("error_description")).startsWith("AADSTS7000215").doesNotContain("wrong");
        Response unknown = token(Map.of("grant_type", "client_credentials", "client_id", "who",
                "client_secret", "x", "scope", "https://management.azure.com/.default"));
        assertThat(unknown.<String>path("error")).isEqualTo("unauthorized_client");
        Response badScope = token(Map.of("grant_type", "client_credentials", "client_id", "azdp-mock-client",
                "client_secret", "azdp-mock-secret", "scope", "https://management.azure.com/"));
        assertThat(badScope.<String>path("error")).isEqualTo("invalid_scope");
        Response badGrant = token(Map.of("grant_type", "password", "client_id", "azdp-mock-client"));
        assertThat(badGrant.<String>path("error")).isEqualTo("unsupported_grant_type");
        Response badTenant = given().contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("grant_type", "client_credentials")).post("/other-tenant/oauth2/v2.0/token");
        assertThat(badTenant.statusCode()).isEqualTo(400);
        assertThat(badTenant.<String>path("error_description")).startsWith("AADSTS90002");
    }

    @Test
    void clientAssertionWithAFakeSignatureIsRefused() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"RS256\"}".getBytes());
        long now = System.currentTimeMillis() / 1000;
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"azdp-mock-client\",\"iss\":\"azdp-mock-client\",\"exp\":" + (now + 600) + "}")
                        .getBytes());
        Response r = token(Map.of("grant_type", "client_credentials", "client_id", "azdp-mock-client",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", header + "." + body + ".c2ln", "scope", "https://management.azure.com/.default"));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.<String>path("error")).isEqualTo("invalid_client");
        assertThat(r.<String>path("error_description")).startsWith("AADSTS700027: Client assertion contains an"
                + " invalid signature.");
    }

    @Test
    void discoveryAndJwks() {
        Response conf = given().get("/" + TENANT + "/v2.0/.well-known/openid-configuration");
        assertThat(conf.statusCode()).isEqualTo(200);
        assertThat(conf.<String>path("token_endpoint")).endsWith(TOKEN_PATH);
        String jwksUri = conf.path("jwks_uri");
        Response jwks = given().get(jwksUri);
        assertThat(jwks.<String>path("keys[0].kty")).isEqualTo("RSA");
        assertThat(jwks.<String>path("keys[0].alg")).isEqualTo("RS256");
    }

    @Test
    void missingMalformedTamperedExpiredAndWrongAudienceTokensAre401() {
        Response none = getVault(null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(cloudError(none).error().code()).isEqualTo("AuthenticationFailed");
        // the challenge names the emulator's own authority, whose token endpoint is local
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer authorization_uri=\"" + baseUri() + "/" + TENANT
                + "\"");

        assertThat(cloudError(getVault("Bearer not-a-jwt")).error().code()).isEqualTo("InvalidAuthenticationToken");
        assertThat(cloudError(getVault("Basic abc")).error().code()).isEqualTo("AuthenticationFailed");

        String good = clientCredentialsToken();
        String tampered = good.substring(0, good.length() - 4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA");
        Response t = getVault("Bearer " + tampered);
        assertThat(t.statusCode()).isEqualTo(401);
        assertThat(cloudError(t).error().code()).isEqualTo("InvalidAuthenticationToken");

        String expired = given().queryParam("lifetimeSeconds", -60).post("/_mock/token").path("access_token");
        Response e = getVault("Bearer " + expired);
        assertThat(e.statusCode()).isEqualTo(401);
        assertThat(cloudError(e).error().code()).isEqualTo("ExpiredAuthenticationToken");
        assertThat(e.header("WWW-Authenticate")).contains("invalid_token");

        String graph = given().queryParam("audience", "https://graph.microsoft.com/").post("/_mock/token")
                .path("access_token");
        assertThat(cloudError(getVault("Bearer " + graph)).error().code()).isEqualTo("InvalidAuthenticationTokenAudience");

        String noSlash = given().queryParam("audience", "https://management.azure.com").post("/_mock/token")
                .path("access_token");
        assertThat(getVault("Bearer " + noSlash).statusCode()).isEqualTo(200);
    }

    @Test
    void tokenExpiresWhenTheClockPassesItsLifetime() {
        String token = clientCredentialsToken();
        assertThat(getVault("Bearer " + token).statusCode()).isEqualTo(200);
        MockTestSupport.advance("PT2H");
        assertThat(cloudError(getVault("Bearer " + token)).error().code()).isEqualTo("ExpiredAuthenticationToken");
    }

    @Test
    void anyTokenAndNoneModes() {
        given().contentType("application/json").body(Map.of("mode", "any-token")).post("/_mock/auth").then()
                .statusCode(200);
        assertThat(getVault("Bearer whatever").statusCode()).isEqualTo(200);
        assertThat(getVault(null).statusCode()).isEqualTo(401);
        given().contentType("application/json").body(Map.of("mode", "none")).post("/_mock/auth").then()
                .statusCode(200);
        assertThat(getVault(null).statusCode()).isEqualTo(200);
        MockTestSupport.reset();
        assertThat(getVault("Bearer whatever").statusCode()).isEqualTo(401);
    }

    @Test
    void readerRoleGets403NamingTheBackupAction() {
        given().contentType("application/json").body(Map.of("role", "reader")).post("/_mock/auth").then()
                .statusCode(200);
        String token = clientCredentialsToken();
        assertThat(getVault("Bearer " + token).statusCode()).isEqualTo(200);
        Response r = given().header("Authorization", "Bearer " + token).contentType("application/json").body(WEEKLY)
                .post(BACKUP_PATH + "?api-version=" + API);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(cloudError(r).error().code()).isEqualTo("AuthorizationFailed");
        assertThat(cloudError(r).error().message())
                .contains("Microsoft.DataProtection/backupVaults/backupInstances/backup/action")
                .doesNotContain(token);
    }

    @Test
    void roleNoneGets403EvenOnReads() {
        given().contentType("application/json").body(Map.of("role", "none")).post("/_mock/auth").then()
                .statusCode(200);
        Response r = getVault("Bearer " + clientCredentialsToken());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(cloudError(r).error().code()).isEqualTo("AuthorizationFailed");
        assertThat(cloudError(r).error().message()).contains("Microsoft.DataProtection/backupVaults/read");
    }

    @Test
    void theV1TokenEndpointIssuesAnArmTokenForTheResource() {
        Response r = given().contentType("application/x-www-form-urlencoded").formParams(Map.of("grant_type",
                "client_credentials", "client_id", "azdp-mock-client", "client_secret", "azdp-mock-secret", "resource",
                "https://management.azure.com/")).post("/" + TENANT + "/oauth2/token");
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(200);
        String token = r.path("access_token");
        assertThat(getVault("Bearer " + token).statusCode()).isEqualTo(200);
    }

    @Test
    void badAuthSettingIsRejected() {
        Response r = given().contentType("application/json").body(Map.of("role", "owner")).post("/_mock/auth");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(cloudError(r).error().message()).contains("role").contains("owner");
    }

    /** The base URL the tests reach the emulator on (what its Host header makes of it). */
    private static String baseUri() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }
}

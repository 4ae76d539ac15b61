package io.azdp.mock;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.azdp.model.AzdpJson;
import io.azdp.model.CloudError;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With azdp.mock.admin-key set, every /_mock call but the public certificate needs the key; ARM is unaffected. */
@QuarkusTest
@TestProfile(ControlPlaneKeyTest.WithKey.class)
class ControlPlaneKeyTest {

    static final String KEY = "test-control-key-7f3a";

    public static class WithKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("azdp.mock.admin-key", KEY);
        }
    }

    @Test
    void controlPlaneRefusesCallsWithoutTheKey() {
        for (String[] call : new String[][] {{"POST", "/_mock/reset"}, {"POST", "/_mock/token"},
                {"POST", "/_mock/auth"}, {"GET", "/_mock/journal"}, {"GET", "/_mock/state"}, {"PUT", "/_mock/seed"},
                {"DELETE", "/_mock/scenarios"}, {"GET", "/_mock/verify"}, {"POST", "/_mock/clock"}}) {
            Response none = given().contentType("application/json").body("{}").request(call[0], call[1]);
            assertThat(none.statusCode()).as("%s %s", call[0], call[1]).isEqualTo(401);
            CloudError e = AzdpJson.read(none.asByteArray(), CloudError.class);
            assertThat(e.error().code()).isEqualTo("AuthenticationFailed");
            assertThat(e.error().message()).contains("x-azdp-mock-key").contains("none was sent");
            Response wrong = given().header("x-azdp-mock-key", "guess").contentType("application/json").body("{}")
                    .request(call[0], call[1]);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.asString()).contains("the one sent is wrong").doesNotContain(KEY);
        }
    }

    @Test
    void theKeyOpensTheControlPlane() {
        given().header("x-azdp-mock-key", KEY).post("/_mock/reset").then().statusCode(200);
        String token = given().header("x-azdp-mock-key", KEY).post("/_mock/token").then().statusCode(200)
                .extract().path("access_token");
        assertThat(token).isNotBlank();
        given().header("Authorization", "Bearer " + token)
                .get(MockTestSupport.VAULT_PATH + "?api-version=" + MockTestSupport.API).then().statusCode(200);
    }

    @Test
    void publicCertificateAndArmNeedNoKey() {
        // HTTPS is on by default: its certificate is public, no key asked (not the key's 401)
        given().get("/_mock/https/certificate").then().statusCode(200)
                .body(org.hamcrest.Matchers.startsWith("-----BEGIN CERTIFICATE-----"));
        given().get(MockTestSupport.VAULT_PATH + "?api-version=" + MockTestSupport.API).then().statusCode(401)
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
    }
}

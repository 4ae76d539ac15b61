package io.azdp.mock;

import static io.azdp.mock.MockTestSupport.API;
import static io.azdp.mock.MockTestSupport.BACKUP_PATH;
import static io.azdp.mock.MockTestSupport.INSTANCE;
import static io.azdp.mock.MockTestSupport.RG;
import static io.azdp.mock.MockTestSupport.SUB;
import static io.azdp.mock.MockTestSupport.VAULT_PATH;
import static io.azdp.mock.MockTestSupport.WEEKLY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.azdp.model.AzdpJson;
import io.azdp.model.CloudError;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gate (authentication, control-plane key, journal) and the router must agree on what a path is: every ARM route,
 * reached through dot segments, encoded dots, double slashes, needless escapes or path parameters, is refused with a
 * CloudError before anything runs, with or without a token; a trailing slash still needs a token.
 */
@QuarkusTest
class PathSecurityTest {

    private static final String OP = "b3BlcmF0aW9uOzEyMzQ=";
    private static final String PROVIDER = "/subscriptions/" + SUB + "/providers/Microsoft.DataProtection";

    /** method, canonical path of every ARM route the emulator serves. */
    static final List<String[]> ROUTES = List.of(
            new String[] {"POST", BACKUP_PATH},
            new String[] {"GET", VAULT_PATH},
            new String[] {"GET", "/subscriptions/" + SUB + "/resourceGroups/" + RG
                    + "/providers/Microsoft.DataProtection/backupVaults"},
            new String[] {"GET", VAULT_PATH + "/backupInstances"},
            new String[] {"GET", VAULT_PATH + "/backupInstances/" + INSTANCE},
            new String[] {"GET", VAULT_PATH + "/backupPolicies"},
            new String[] {"GET", VAULT_PATH + "/backupPolicies/azdp-demo-policy"},
            new String[] {"GET", VAULT_PATH + "/backupJobs"},
            new String[] {"GET", VAULT_PATH + "/backupJobs/00000000-0000-0000-0000-000000000001"},
            new String[] {"GET", VAULT_PATH + "/operationStatus/" + OP},
            new String[] {"GET", "/subscriptions/" + SUB + "/resourceGroups/" + RG
                    + "/providers/Microsoft.DataProtection/operationStatus/" + OP},
            new String[] {"GET", PROVIDER + "/locations/westus/operationStatus/" + OP},
            new String[] {"GET", PROVIDER + "/locations/westus/operationResults/" + OP},
            new String[] {"GET", VAULT_PATH + "/operationResults/" + OP},
            new String[] {"GET", VAULT_PATH + "/backupInstances/" + INSTANCE + "/operationResults/" + OP});

    /** name, rewrite of a canonical path into a non-canonical spelling the HTTP layer or JAX-RS would resolve. */
    static final Map<String, UnaryOperator<String>> SPELLINGS = Map.ofEntries(
            Map.entry("dot-dot prefix", p -> "/x/.." + p),
            Map.entry("health prefix", p -> "/q/.." + p),
            Map.entry("control-plane prefix", p -> "/_mock/.." + p),
            Map.entry("dot segment", p -> "/." + p),
            Map.entry("dot segment inside", p -> p.replaceFirst("/providers/", "/./providers/")),
            Map.entry("dot-dot inside", p -> p.replaceFirst("/providers/", "/x/../providers/")),
            Map.entry("encoded dots", p -> "/%2e%2e" + p),
            Map.entry("encoded dots upper", p -> "/%2E%2E" + p),
            Map.entry("half-encoded dots", p -> "/.%2e" + p),
            Map.entry("encoded slash", p -> p.replaceFirst("/providers/", "/providers%2F")),
            Map.entry("double slash prefix", p -> "/" + p),
            Map.entry("double slash inside", p -> p.replaceFirst("/providers/", "//providers/")),
            Map.entry("encoded letter", p -> "/%73" + p.substring(2)),
            Map.entry("path parameter", p -> p.replaceFirst("/providers/", "/providers;x=y/")));

    static Stream<Arguments> nonCanonical() {
        List<Arguments> out = new ArrayList<>();
        for (String[] route : ROUTES) {
            SPELLINGS.forEach((name, rewrite) -> {
                String path = rewrite.apply(route[1]);
                if (!path.equals(route[1])) {
                    out.add(Arguments.of(route[0], path, name));
                }
            });
        }
        return out.stream();
    }

    @BeforeEach
    void reset() {
        MockTestSupport.reset();
    }

    private static RawHttp call(String method, String path, String token) {
        Map<String, String> headers = token == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token);
        return RawHttp.send(method, path + "?api-version=" + API, headers, "POST".equals(method) ? WEEKLY : null);
    }

    @ParameterizedTest(name = "{0} {2}: {1}")
    @MethodSource("nonCanonical")
    void nonCanonicalPathsAreRefusedBeforeAuthentication(String method, String path, String spelling) {
        RawHttp anonymous = call(method, path, null);
        assertThat(anonymous.status()).as("no token, %s", spelling).isEqualTo(400);
        CloudError e = AzdpJson.read(anonymous.body(), CloudError.class);
        assertThat(e.error().code()).isEqualTo("InvalidRequestUri");
        assertThat(e.error().message()).startsWith("The request path is not canonical: it ");
        // the same refusal with a valid token: the path is the problem, not the caller
        assertThat(call(method, path, MockTestSupport.token()).status()).as("with token, %s", spelling).isEqualTo(400);
    }

    @Test
    void noNonCanonicalRequestStartedABackup() {
        nonCanonical().forEach(a -> call((String) a.get()[0], (String) a.get()[1], null));
        assertThat(given().get("/_mock/state").then().statusCode(200).extract().<List<?>>path("operations")).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}/")
    @MethodSource("routes")
    void trailingSlashStillNeedsAToken(String method, String path) {
        RawHttp anonymous = call(method, path + "/", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers()).containsKey("www-authenticate");
        RawHttp withToken = call(method, path + "/", MockTestSupport.token());
        assertThat(withToken.status()).isBetween(200, 499);
        if (!withToken.body().isEmpty()) {
            assertThat(AzdpJson.read(withToken.body(), com.fasterxml.jackson.databind.JsonNode.class)).isNotNull();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("routes")
    void canonicalRoutesNeedAToken(String method, String path) {
        assertThat(call(method, path, null).status()).isEqualTo(401);
    }

    static Stream<Arguments> routes() {
        return ROUTES.stream().map(r -> Arguments.of(r[0], r[1]));
    }

    @Test
    void upperCaseControlPlanePathIsNotAWayAround() {
        RawHttp r = RawHttp.send("POST", "/_MOCK/reset", Map.of(), "");
        assertThat(r.status()).isEqualTo(404);
        RawHttp dotted = RawHttp.send("POST", "/x/../_mock/reset", Map.of(), "");
        assertThat(dotted.status()).isEqualTo(400);
    }
}

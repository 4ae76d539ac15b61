package io.azdp.mock;

import static io.azdp.mock.MockTestSupport.API;
import static io.azdp.mock.MockTestSupport.BACKUP_PATH;
import static io.azdp.mock.MockTestSupport.VAULT_PATH;
import static io.azdp.mock.MockTestSupport.WEEKLY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.azdp.model.AzdpJson;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The emulator's bad-input matrix, one row per hostile or mistaken request, sent byte for byte: each is answered with
 * the right 4xx and an ARM CloudError naming the problem (the token endpoint: Entra's error shape), never a 500, an
 * empty body or a started backup. The last rows are framing errors Netty refuses before Vert.x hands the request to
 * Quarkus; Quarkus 3.33 offers no hook to shape that answer, so they pin the transport's bare 400 (documented).
 */
@QuarkusTest
class BadInputTest {

    /** Expected {@code code} for the transport's own bare answer (no body). */
    static final String BARE = "<bare transport answer>";
    private static final String TOKEN_PATH = "/" + MockTestSupport.TENANT + "/oauth2/v2.0/token";
    private static final String JSON = "Content-Type: application/json\r\n";
    private static final String YAML = "Content-Type: application/yaml\r\n";

    /** One row: the request (given a valid bearer token), the expected status and error code. */
    record Case(String name, Function<String, byte[]> request, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Case> CASES = List.of(
            // URLs that cannot be decoded or parsed (Quarkus's root handler used to answer an empty 400)
            row("%zz in the ARM path", t -> get(VAULT_PATH + "/backupJobs/%zz?api-version=" + API, t), 400,
                    "InvalidRequestUri"),
            row("%zz in the ARM query", t -> get(VAULT_PATH + "?api-version=" + API + "&x=%zz", t), 400,
                    "InvalidRequestUri"),
            row("%zz as the api-version", t -> get(VAULT_PATH + "?api-version=%zz", t), 400, "InvalidRequestUri"),
            row("%zz in an operation id", t -> get(VAULT_PATH + "/operationStatus/ab%zz?api-version=" + API, t), 400,
                    "InvalidRequestUri"),
            row("%zz in a /_mock query", t -> get("/_mock/journal?path=%zz", null), 400, "InvalidRequestUri"),
            row("%zz in a health path", t -> get("/q/health%zz", null), 400, "InvalidRequestUri"),
            row("control character in the query", t -> get(VAULT_PATH + "?api-version=" + API + "&x=a\u0001b", t),
                    400, "InvalidRequestUri"),
            row("NUL in the path", t -> get(VAULT_PATH + "\u0000?api-version=" + API, t), 400, "InvalidRequestUri"),
            row("'|' in the query", t -> get(VAULT_PATH + "?api-version=" + API + "&x=a|b", t), 400,
                    "InvalidRequestUri"),
            // sizes: the HTTP layer's limits sit far above the emulator's, which answer with CloudErrors
            row("20 KB request line", t -> get(VAULT_PATH + "?api-version=" + API + "&x=" + "a".repeat(20_000), t),
                    414, "RequestUriTooLong"),
            row("64 KB header", t -> request("GET", VAULT_PATH + "?api-version=" + API, t,
                    "X-Big: " + "a".repeat(65_536) + "\r\n", null), 431, "RequestHeaderFieldsTooLarge"),
            row("300 headers of 100 bytes", t -> request("GET", VAULT_PATH + "?api-version=" + API, t,
                    headers(300, 100), null), 431, "RequestHeaderFieldsTooLarge"),
            row("50 MB Content-Length (refused before the body is read)", t -> raw("POST " + BACKUP_PATH
                    + "?api-version=" + API + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + auth(t) + JSON
                    + "Content-Length: 52428800\r\n\r\n" + WEEKLY), 413, "RequestEntityTooLarge"),
            row("20 MB chunked body", t -> chunked(BACKUP_PATH + "?api-version=" + API, t, 20 * 1024 * 1024), 413,
                    "RequestEntityTooLarge"),
            row("100 KB chunked body to /_mock", t -> chunked("/_mock/scenarios", null, 100 * 1024), 413,
                    "RequestEntityTooLarge"),
            // bodies
            row("10,000-deep object nesting in the trigger body", t -> request("POST", BACKUP_PATH + "?api-version="
                    + API, t, JSON, "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)), 400,
                    "InvalidRequestContent"),
            row("10,000-deep array nesting in the trigger body", t -> request("POST", BACKUP_PATH + "?api-version="
                    + API, t, JSON, "[".repeat(10_000) + "]".repeat(10_000)), 400, "InvalidRequestContent"),
            row("10,000-deep nesting in a rule", t -> request("POST", "/_mock/scenarios", null, JSON,
                    "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)), 400, "InvalidMockRequest"),
            row("10,000-deep nesting in a seed", t -> request("PUT", "/_mock/seed", null, YAML,
                    "subscriptions: " + "[".repeat(10_000) + "]".repeat(10_000)), 400, "InvalidSeed"),
            row("seed asking for 100,000,000 instances", t -> request("POST", "/_mock/seed", null, YAML,
                    seedWithCount("100000000")), 400, "InvalidSeed"),
            row("seed count beyond an int", t -> request("POST", "/_mock/seed", null, YAML,
                    seedWithCount("99999999999")), 400, "InvalidSeed"),
            row("seed with a null subscription", t -> request("PUT", "/_mock/seed", null, YAML,
                    "subscriptions: [~]"), 400, "InvalidSeed"),
            row("seed YAML alias bomb", t -> request("PUT", "/_mock/seed", null, YAML, aliasBomb()), 400,
                    "InvalidSeed"),
            // parameters
            row("api-version twice with different values", t -> get(VAULT_PATH + "?api-version=" + API
                    + "&api-version=2019-01-01", t), 400, "InvalidApiVersionParameter"),
            row("api-version twice on the trigger", t -> request("POST", BACKUP_PATH + "?api-version=2019-01-01"
                    + "&api-version=" + API, t, JSON, WEEKLY), 400, "InvalidApiVersionParameter"),
            row("/_mock/token lifetimeSeconds=abc", t -> request("POST", "/_mock/token?lifetimeSeconds=abc", null, "",
                    ""), 400, "InvalidMockRequest"),
            row("/_mock/token lifetimeSeconds beyond a long", t -> request("POST",
                    "/_mock/token?lifetimeSeconds=99999999999999999999", null, "", ""), 400, "InvalidMockRequest"),
            row("/_mock/token lifetimeSeconds=Long.MAX_VALUE", t -> request("POST",
                    "/_mock/token?lifetimeSeconds=9223372036854775807", null, "", ""), 400, "InvalidMockRequest"),
            row("/_mock/journal since=abc", t -> get("/_mock/journal?since=abc", null), 400, "InvalidMockRequest"),
            row("/_mock/verify since=abc", t -> get("/_mock/verify?since=abc", null), 400, "InvalidMockRequest"),
            row("/_mock/clock advance=abc", t -> request("POST", "/_mock/clock?advance=abc", null, "", ""), 400,
                    "InvalidMockRequest"),
            row("/_mock/clock advance of 10^13 hours", t -> request("POST", "/_mock/clock?advance=PT9999999999999H",
                    null, "", ""), 400, "InvalidMockRequest"),
            row("/_mock/clock body advance of 10^8 days", t -> request("POST", "/_mock/clock", null, JSON,
                    "{\"advance\":\"P99999999D\"}"), 400, "InvalidMockRequest"),
            row("scenario opDuration of Long.MAX_VALUE seconds", t -> request("POST", BACKUP_PATH + "?api-version="
                    + API, t, JSON + "x-azdp-mock-scenario: opDuration=9223372036854775807\r\n", WEEKLY), 400,
                    "InvalidMockScenario"),
            row("scenario jobDuration of 2^61 hours", t -> request("POST", BACKUP_PATH + "?api-version=" + API, t,
                    JSON + "x-azdp-mock-scenario: mode=sync;jobDuration=PT2562047788015215H\r\n", WEEKLY), 400,
                    "InvalidMockScenario"),
            row("token endpoint form with %zz", t -> request("POST", TOKEN_PATH, null,
                    "Content-Type: application/x-www-form-urlencoded\r\n", "grant_type=%zz"), 400, "invalid_request"),
            // framing Netty refuses before any handler: Quarkus 3.33 exposes no invalid-request hook
            row("Content-Length: abc", t -> raw("POST " + BACKUP_PATH + "?api-version=" + API + " HTTP/1.1\r\n"
                    + "Host: localhost\r\nConnection: close\r\n" + auth(t) + JSON + "Content-Length: abc\r\n\r\n"
                    + WEEKLY), 400, BARE),
            row("Content-Length twice, different", t -> raw("POST " + BACKUP_PATH + "?api-version=" + API
                    + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + auth(t) + JSON
                    + "Content-Length: 5\r\nContent-Length: " + WEEKLY.length() + "\r\n\r\n" + WEEKLY), 400, BARE),
            row("chunked and Content-Length", t -> raw("POST " + BACKUP_PATH + "?api-version=" + API
                    + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + auth(t) + JSON
                    + "Transfer-Encoding: chunked\r\nContent-Length: 9\r\n\r\n"
                    + Integer.toHexString(WEEKLY.length()) + "\r\n" + WEEKLY + "\r\n0\r\n\r\n"), 400, BARE),
            row("header line without a colon", t -> request("GET", VAULT_PATH + "?api-version=" + API, t,
                    "NoColonHere\r\n", null), 400, BARE),
            row("space inside the request target", t -> raw("GET " + VAULT_PATH + " x?api-version=" + API
                    + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + auth(t) + "\r\n"), 400, BARE));

    private static Case row(String name, Function<String, byte[]> request, int status, String code) {
        return new Case(name, request, status, code);
    }

    static Stream<Arguments> cases() {
        return CASES.stream().map(Arguments::of);
    }

    @BeforeEach
    void reset() {
        MockTestSupport.reset();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answeredWithTheRightStatusAndAClearError(Case c) {
        RawHttp r = RawHttp.exchange(c.request().apply(MockTestSupport.token()));
        assertThat(r.status()).as("%s: %s", c.name(), r.body()).isEqualTo(c.status());
        if (BARE.equals(c.code())) {
            assertThat(r.body()).isEmpty();
            return;
        }
        assertThat(r.headers().get("content-type")).startsWith("application/json");
        JsonNode body = AzdpJson.read(r.body(), JsonNode.class);
        JsonNode error = body.path("error");
        String code = error.isObject() ? error.path("code").asText() : error.asText();
        String message = error.isObject() ? error.path("message").asText() : body.path("error_description").asText();
        assertThat(code).as(r.body()).isEqualTo(c.code());
        assertThat(message).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("internal error");
        // nothing was started by a refused request
        assertThat(given().get("/_mock/state").then().statusCode(200).extract().<List<?>>path("operations"))
                .isEmpty();
    }

    @Test
    void aChunkedTriggerWithinTheLimitIsServed() {
        byte[] body = WEEKLY.getBytes(StandardCharsets.UTF_8);
        RawHttp r = RawHttp.exchange(raw("POST " + BACKUP_PATH + "?api-version=" + API + " HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close\r\n" + auth(MockTestSupport.token()) + JSON
                + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length) + "\r\n" + WEEKLY
                + "\r\n0\r\n\r\n"));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.headers()).containsKey("azure-asyncoperation");
    }

    @Test
    void sameApiVersionTwiceIsTolerated() {
        RawHttp r = RawHttp.exchange(get(VAULT_PATH + "?api-version=" + API + "&api-version=" + API,
                MockTestSupport.token()));
        assertThat(r.status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ request builders

    private static String auth(String token) {
        return token == null ? "" : "Authorization: Bearer " + token + "\r\n";
    }

    private static byte[] get(String target, String token) {
        return request("GET", target, token, "", null);
    }

    /** A well-framed request: Content-Length set when there is a body. */
    private static byte[] request(String method, String target, String token, String headers, String body) {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + auth(token)
                + headers + (body == null ? "" : "Content-Length: " + payload.length + "\r\n") + "\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static byte[] raw(String request) {
        return request.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] chunked(String target, String token, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 1024);
        out.writeBytes(raw("POST " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + auth(token)
                + JSON + "Transfer-Encoding: chunked\r\n\r\n"));
        byte[] chunk = "a".repeat(65_536).getBytes(StandardCharsets.US_ASCII);
        for (int sent = 0; sent < size; sent += chunk.length) {
            out.writeBytes(raw(Integer.toHexString(chunk.length) + "\r\n"));
            out.writeBytes(chunk);
            out.writeBytes(raw("\r\n"));
        }
        out.writeBytes(raw("0\r\n\r\n"));
        return out.toByteArray();
    }

    private static String headers(int count, int valueLength) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append("X-H").append(i).append(": ").append("a".repeat(valueLength)).append("\r\n");
        }
        return b.toString();
    }

    private static String seedWithCount(String count) {
        return """
                subscriptions:
                  - subscriptionId: 11111111-1111-1111-1111-111111111111
                    resourceGroups:
                      - name: rg
                        vaults:
                          - name: v1
                            policies:
                              - name: p
                                properties: {objectType: BackupPolicy, datasourceTypes: [x], policyRules: []}
                            instances:
                              - {name: bi, policy: p, count: %s}
                """.formatted(count);
    }

    private static String aliasBomb() {
        StringBuilder b = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 8; i++) {
            b.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                b.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            b.append("]\n");
        }
        return b.append("subscriptions: [*a7]\n").toString();
    }
}

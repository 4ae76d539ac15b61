package io.azdp.mock;

import static io.azdp.mock.MockTestSupport.API;
import static io.azdp.mock.MockTestSupport.BACKUP_PATH;
import static io.azdp.mock.MockTestSupport.VAULT_PATH;
import static io.azdp.mock.MockTestSupport.arm;
import static io.azdp.mock.MockTestSupport.cloudError;
import static io.azdp.mock.MockTestSupport.trigger;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class ControlPlaneTest {

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void reset() {
        MockTestSupport.reset();
    }

    private static void rule(String json) {
        given().contentType("application/json").body(json).post("/_mock/scenarios").then().statusCode(201);
    }

    @Test
    void resetForgetsOperationsJobsAndSeededChanges() {
        String async = trigger(null).header("Azure-AsyncOperation");
        trigger("mode=sync").then().statusCode(200);
        assertThat(given().get("/_mock/state").then().extract().<List<?>>path("operations")).hasSize(1);
        MockTestSupport.reset();
        assertThat(arm().get(async).statusCode()).isEqualTo(404);
        assertThat(arm().get(VAULT_PATH + "/backupJobs?api-version=" + API).then().extract().<List<?>>path("value"))
                .isEmpty();
        Map<String, Object> state = given().get("/_mock/state").then().statusCode(200).extract().path("");
        assertThat((List<?>) state.get("operations")).isEmpty();
        assertThat((List<?>) state.get("vaults")).hasSize(1);
    }

    @Test
    void seedReplaceWithYamlAndMergeWithJson() {
        String yaml = """
                subscriptions:
                  - subscriptionId: 11111111-2222-3333-4444-555555555555
                    resourceGroups:
                      - name: other-rg
                        location: eastus
                        vaults:
                          - name: other-vault
                            policies:
                              - name: p
                                properties:
                                  objectType: BackupPolicy
                                  datasourceTypes: [x]
                                  policyRules:
                                    - name: Hourly
                                      objectType: AzureBackupRule
                                      dataStore: {dataStoreType: OperationalStore, objectType: DataStoreInfoBase}
                                      trigger:
                                        objectType: ScheduleBasedTriggerContext
                                        schedule: {repeatingTimeIntervals: ["R/2024-01-01T00:00:00+00:00/PT1H"]}
                                        taggingCriteria:
                                          - {isDefault: true, taggingPriority: 99, tagInfo: {tagName: Default, id: Default_}}
                                    - {name: Default, objectType: AzureRetentionRule, isDefault: true, lifecycles: []}
                            instances:
                              - {name: bi, policy: p, count: 3}
                """;
        given().contentType("application/yaml").body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)).put("/_mock/seed").then().statusCode(200)
                .extract().path("instances").equals(3);
        String other = "/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/other-rg/providers/"
                + "Microsoft.DataProtection/backupVaults/other-vault";
        assertThat(arm().get(other + "/backupInstances?api-version=" + API).then().statusCode(200).extract()
                .<List<String>>path("value.name")).containsExactly("bi-1", "bi-2", "bi-3");
        assertThat(arm().get(VAULT_PATH + "?api-version=" + API).statusCode()).isEqualTo(404);
        Response accepted = arm().body("{\"backupRuleOptions\":{\"ruleName\":\"Hourly\",\"triggerOption\":{}}}")
                .post(other + "/backupInstances/bi-2/backup?api-version=" + API);
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.header("Location")).contains("/locations/eastus/");

        String json = "{\"subscriptions\":[{\"subscriptionId\":\"" + MockTestSupport.SUB + "\",\"resourceGroups\":[]}]}";
        given().contentType("application/json").body(json).post("/_mock/seed").then().statusCode(200);
        assertThat(arm().get(other + "?api-version=" + API).statusCode()).isEqualTo(200);
    }

    @Test
    void badSeedIsRejectedNamingTheProblem() {
        Response r = given().contentType("application/json").body("{\"subscriptions\":[{\"subscriptionId\":\"nope\"}]}")
                .put("/_mock/seed");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(cloudError(r).error().code()).isEqualTo("InvalidSeed");
        assertThat(cloudError(r).error().message()).contains("subscriptionId").contains("nope");
        Response unknownField = given().contentType("application/json").body("{\"vaults\":[]}").put("/_mock/seed");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(cloudError(unknownField).error().message()).contains("vaults");
        // the previous inventory is still there
        assertThat(arm().get(VAULT_PATH + "?api-version=" + API).statusCode()).isEqualTo(200);
    }

    @Test
    void throttlingRuleAnswers429TimesThenPassesAndShowsBudgets() {
        rule("{\"name\":\"throttle\",\"method\":\"POST\",\"path\":\"/backup$\",\"times\":2,"
                + "\"fault\":{\"status\":429,\"retryAfter\":3}}");
        for (int i = 0; i < 2; i++) {
            Response r = trigger(null);
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.header("Retry-After")).isEqualTo("3");
            assertThat(r.header("x-ms-ratelimit-remaining-subscription-writes")).isEqualTo("0");
            assertThat(cloudError(r).error().code()).isEqualTo("SubscriptionRequestsThrottled");
        }
        Response ok = trigger(null);
        assertThat(ok.statusCode()).isEqualTo(202);
        assertThat(ok.header("x-ms-ratelimit-remaining-subscription-writes")).isEqualTo("1199");
        // GETs are not matched by the POST rule
        assertThat(arm().get(VAULT_PATH + "?api-version=" + API).statusCode()).isEqualTo(200);
    }

    @Test
    void serverErrorBurstOnStatusPolls() {
        String async = trigger(null).header("Azure-AsyncOperation");
        rule("{\"name\":\"burst\",\"method\":\"GET\",\"path\":\"/operationStatus/\",\"times\":3,"
                + "\"fault\":{\"status\":503}}");
        assertThat(List.of(arm().get(async).statusCode(), arm().get(async).statusCode(), arm().get(async).statusCode(),
                arm().get(async).statusCode())).containsExactly(503, 503, 503, 200);
        Map<String, Object> listed = given().get("/_mock/scenarios").then().statusCode(200).extract().path("rules[0]");
        assertThat(listed).containsEntry("hits", 3).containsEntry("remaining", 0);
    }

    @Test
    void inlineHttpStatusFault() {
        Response r = trigger("httpStatus=500");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(cloudError(r).error().code()).isEqualTo("InternalServerError");
    }

    @Test
    void latencyRuleDelaysTheAnswer() {
        rule("{\"name\":\"slow\",\"path\":\"/backupVaults/azdp-demo-vault$\",\"fault\":{\"latencyMs\":300}}");
        long t0 = System.nanoTime();
        arm().get(VAULT_PATH + "?api-version=" + API).then().statusCode(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void droppedConnectionClosesWithoutAResponse() throws Exception {
        rule("{\"name\":\"drop\",\"method\":\"POST\",\"path\":\"/backup$\",\"times\":1,\"fault\":{\"drop\":true}}");
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + BACKUP_PATH
                + "?api-version=" + API)).header("Authorization", "Bearer " + MockTestSupport.token())
                .POST(HttpRequest.BodyPublishers.ofString(MockTestSupport.WEEKLY)).build();
        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
        assertThat(given().get("/_mock/journal?path=/backup$").then().extract().<List<Integer>>path("entries.status"))
                .containsExactly(0, 202);
    }

    @Test
    void namedScenarioFromTheControlPlane() {
        rule("{\"name\":\"slow-fail\",\"scenario\":\"polls=1;outcome=Failed;errorCode=BMSUserErrorX\"}");
        String async = trigger("slow-fail").header("Azure-AsyncOperation");
        assertThat(arm().get(async).then().extract().<String>path("status")).isEqualTo("Inprogress");
        assertThat(arm().get(async).then().extract().<String>path("error.code")).isEqualTo("BMSUserErrorX");
    }

    @Test
    void ruleWithScenarioShapesMatchingTriggers() {
        rule("{\"name\":\"sync-all\",\"method\":\"POST\",\"path\":\"/backup$\",\"scenario\":\"mode=sync\"}");
        assertThat(trigger(null).statusCode()).isEqualTo(200);
        given().delete("/_mock/scenarios/sync-all").then().statusCode(204);
        assertThat(trigger(null).statusCode()).isEqualTo(202);
    }

    @Test
    void ruleWithoutANameGetsOne() {
        Response r = given().contentType("application/json")
                .body("{\"method\":\"POST\",\"path\":\"/backup$\",\"times\":1,\"fault\":{\"status\":409}}")
                .post("/_mock/scenarios");
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.<String>path("name")).startsWith("rule-");
        assertThat(trigger(null).statusCode()).isEqualTo(409);
        assertThat(trigger(null).statusCode()).isEqualTo(202);
    }

    @Test
    void badRuleIsRejected() {
        Response r = given().contentType("application/json").body("{\"name\":\"x\",\"path\":\"(\",\"fault\":{\"status\":500}}")
                .post("/_mock/scenarios");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(cloudError(r).error().message()).contains("path");
        Response status = given().contentType("application/json")
                .body("{\"name\":\"x\",\"path\":\"a\",\"fault\":{\"status\":200}}").post("/_mock/scenarios");
        assertThat(cloudError(status).error().message()).contains("fault.status");
    }

    @Test
    void journalRecordsRequestsWithAuthorizationRedacted() {
        String token = MockTestSupport.token();
        given().header("Authorization", "Bearer " + token).header("x-ms-client-request-id", "journal-1")
                .get(VAULT_PATH + "?api-version=" + API).then().statusCode(200);
        List<Map<String, Object>> entries = given().get("/_mock/journal?clientRequestId=journal-1").then()
                .statusCode(200).extract().path("entries");
        assertThat(entries).hasSize(1);
        Map<String, Object> e = entries.get(0);
        assertThat(e).containsEntry("method", "GET").containsEntry("status", 200)
                .containsEntry("query", "api-version=" + API);
        @SuppressWarnings("unchecked")
        Map<String, String> headers = (Map<String, String>) e.get("headers");
        assertThat(headers.get("authorization")).isEqualTo("Bearer <redacted>");
        assertThat(given().get("/_mock/journal").asString()).doesNotContain(token);
        given().delete("/_mock/journal").then().statusCode(204);
        assertThat(given().get("/_mock/journal").then().extract().<Integer>path("count")).isZero();
    }

    /** One row per secret a client may send where it should not: the journal keeps none of them. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "auxiliary token header | x-ms-authorization-auxiliary | Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln-aux |",
        "cookie                 | Cookie                       | session=s3cr3t-cookie-value                            |",
        "proxy authorization    | Proxy-Authorization          | Basic dXNlcjpwcm94eS1wYXNzd29yZA==                      |",
        "client secret in query |                              |                                                        | client_secret=very-s3cret-value",
        "access token in query  |                              |                                                        | access_token=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ5In0.c2ln-qry",
        "JWT under a plain name | x-custom-context             | eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ6In0.c2ln-custom         |",
        "SAS signature in query |                              |                                                        | sig=AbCdEf0123456789sasSignature"})
    void journalRedactsCredentialShapedHeadersAndParameters(String probe, String header, String value, String query) {
        String id = "redact-" + probe.replace(' ', '-');
        var spec = given().urlEncodingEnabled(false).header("Authorization", "Bearer " + MockTestSupport.token())
                .header("x-ms-client-request-id", id).contentType("application/json");
        if (header != null) {
            spec = spec.header(header, value);
        }
        String secret = header != null ? value.substring(value.indexOf(' ') + 1) : query.substring(query.indexOf('=') + 1);
        spec.get(VAULT_PATH + "?api-version=" + API + (query == null ? "" : "&" + query)).then().statusCode(200);
        String journal = given().get("/_mock/journal?clientRequestId=" + id).asString();
        assertThat(journal).contains(id).doesNotContain(secret).contains("<redacted>");
        // what the journal is for stays readable: the api-version, the client request id, the content type
        assertThat(journal).contains("api-version=" + API).contains("application/json");
    }

    @Test
    void severalRulesOnOneRequestAreServedInOrderAndCountedOnlyWhenServed() {
        rule("{\"name\":\"first\",\"method\":\"POST\",\"path\":\"/backup$\",\"times\":3,\"fault\":{\"status\":503}}");
        rule("{\"name\":\"second\",\"method\":\"POST\",\"path\":\"/backup$\",\"times\":3,\"fault\":{\"status\":500}}");
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(trigger(null).statusCode());
        }
        assertThat(statuses).containsExactly(503, 503, 503, 500, 500, 500, 202, 202);
        List<Map<String, Object>> rules = given().get("/_mock/scenarios").then().extract().path("rules");
        assertThat(rules).extracting(r -> r.get("hits")).containsExactly(3, 3);
        assertThat(given().get("/_mock/journal?path=/backup$").then().extract().<List<String>>path("entries.rule"))
                .containsExactly("first", "first", "first", "second", "second", "second", null, null);
    }

    @Test
    void verifyReportsEtiquetteFindings() {
        String token = MockTestSupport.token();
        Response r = given().header("Authorization", "Bearer " + token).header("x-ms-correlation-request-id", "v-1")
                .header("x-ms-client-request-id", "c-1").contentType("application/json").body(MockTestSupport.WEEKLY)
                .post(BACKUP_PATH + "?api-version=" + API);
        String async = r.header("Azure-AsyncOperation");
        // polls twice at once although Retry-After said 1 s (the first is tolerated, as the SDKs do it), and without
        // x-ms-client-request-id
        for (int i = 0; i < 2; i++) {
            given().urlEncodingEnabled(false).header("Authorization", "Bearer " + token)
                    .header("x-ms-correlation-request-id", "v-1").get(async).then().statusCode(200);
        }
        // no api-version
        given().header("Authorization", "Bearer " + token).header("x-ms-correlation-request-id", "v-1")
                .header("x-ms-client-request-id", "c-2").get(VAULT_PATH).then().statusCode(400);
        Map<String, Object> v = given().get("/_mock/verify?correlationId=v-1").then().statusCode(200).extract().path("");
        assertThat(v).containsEntry("ok", false).containsEntry("armRequests", 4);
        assertThat((List<Map<String, Object>>) v.get("findings")).extracting(f -> f.get("type"))
                .containsExactlyInAnyOrder("EarlyPoll", "MissingClientRequestId", "MissingClientRequestId",
                        "MissingApiVersion");
        assertThat((List<Map<String, Object>>) v.get("tolerated")).extracting(f -> f.get("type"))
                .containsExactly("EarlyFirstPoll");
        assertThat(given().get("/_mock/verify?correlationId=nobody").then().extract().<Boolean>path("ok")).isTrue();
    }

    @Test
    void clockEndpointAdvancesVirtualTime() {
        String before = given().get("/_mock/clock").then().extract().path("now");
        String after = given().contentType("application/json").body("{\"advance\":\"PT1H\"}").post("/_mock/clock")
                .then().statusCode(200).extract().path("now");
        assertThat(java.time.Duration.between(java.time.Instant.parse(before), java.time.Instant.parse(after)))
                .isGreaterThanOrEqualTo(java.time.Duration.ofHours(1));
        Response bad = given().contentType("application/json").body("{\"advance\":\"soon\"}").post("/_mock/clock");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(cloudError(bad).error().message()).contains("advance").contains("soon");
    }

    @Test
    void openApiDocumentsTheControlPlane() {
        String doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertThat(doc).contains("/_mock/reset").contains("/_mock/scenarios").contains("azdp-mock control plane");
    }

    @Test
    void healthEndpoints() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }
}

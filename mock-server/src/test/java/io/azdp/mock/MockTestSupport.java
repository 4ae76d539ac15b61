package io.azdp.mock;

import static io.restassured.RestAssured.given;

import io.azdp.model.AzdpJson;
import io.azdp.model.CloudError;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** Shared helpers for the rest-assured tests: tokens, URLs, clock, requests with the api-version. */
final class MockTestSupport {

    static final String SUB = "00000000-0000-0000-0000-000000000000";
    static final String RG = "azdp-demo-rg";
    static final String VAULT = "azdp-demo-vault";
    static final String INSTANCE = "azdp-demo-instance";
    static final String TENANT = "00000000-0000-0000-0000-00000000feed";
    static final String API = "2024-04-01";
    static final String VAULT_PATH = "/subscriptions/" + SUB + "/resourceGroups/" + RG
            + "/providers/Microsoft.DataProtection/backupVaults/" + VAULT;
    static final String BACKUP_PATH = VAULT_PATH + "/backupInstances/" + INSTANCE + "/backup";
    static final String WEEKLY = "{\"backupRuleOptions\":{\"ruleName\":\"BackupWeekly\","
            + "\"triggerOption\":{\"retentionTagOverride\":\"Weekly\"}}}";

    private MockTestSupport() {
    }

    static void reset() {
        given().post("/_mock/reset").then().statusCode(200);
    }

    static String token() {
        return given().post("/_mock/token").then().statusCode(200).extract().path("access_token");
    }

    /** A request with a fresh token, JSON content type and x-ms-client-request-id. */
    static RequestSpecification arm() {
        return given().urlEncodingEnabled(false)
                .header("Authorization", "Bearer " + token())
                .header("x-ms-client-request-id", java.util.UUID.randomUUID().toString())
                .contentType("application/json");
    }

    static Response trigger(String scenario) {
        RequestSpecification spec = arm().body(WEEKLY);
        if (scenario != null) {
            spec = spec.header("x-azdp-mock-scenario", scenario);
        }
        return spec.post(BACKUP_PATH + "?api-version=" + API);
    }

    static void advance(String duration) {
        given().contentType("application/json").body(Map.of("advance", duration)).post("/_mock/clock")
                .then().statusCode(200);
    }

    static CloudError cloudError(Response r) {
        return AzdpJson.read(r.asByteArray(), CloudError.class);
    }
}

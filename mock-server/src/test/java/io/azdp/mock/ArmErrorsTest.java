package io.azdp.mock;

import static io.azdp.mock.MockTestSupport.API;
import static io.azdp.mock.MockTestSupport.BACKUP_PATH;
import static io.azdp.mock.MockTestSupport.VAULT_PATH;
import static io.azdp.mock.MockTestSupport.WEEKLY;
import static io.azdp.mock.MockTestSupport.arm;
import static io.azdp.mock.MockTestSupport.cloudError;
import static org.assertj.core.api.Assertions.assertThat;

import io.azdp.mock.arm.ApiVersions;
import io.azdp.model.AzdpJson;
import io.azdp.model.CloudError;
import io.azdp.model.UserFacingError;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class ArmErrorsTest {

    @BeforeEach
    void reset() {
        MockTestSupport.reset();
    }

    private static CloudError expect(Response r, int status, String code) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        CloudError e = cloudError(r);
        assertThat(e.error().code()).isEqualTo(code);
        assertThat(e.error().message()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        return e;
    }

    private static Response post(String path, String body) {
        return arm().body(body).post(path);
    }

    @Test
    void missingAndUnsupportedApiVersion() {
        expect(post(BACKUP_PATH, WEEKLY), 400, "MissingApiVersionParameter");
        // ARM's answer for a version the provider does not register for the type (not InvalidApiVersionParameter,
        // which is ARM's own resources' answer)
        CloudError e = expect(post(BACKUP_PATH + "?api-version=2019-01-01", WEEKLY), 400, "NoRegisteredProviderFound");
        assertThat(e.error().message()).isEqualTo("No registered resource provider found for location 'westus' and API"
                + " version '2019-01-01' for type 'backupVaults/backupInstances'. The supported api-versions are '"
                + String.join(", ", ApiVersions.PUBLISHED) + "'. The supported locations are 'westus'.");
        CloudError status = expect(arm().get("/subscriptions/" + MockTestSupport.SUB
                + "/providers/Microsoft.DataProtection/locations/westus/operationStatus/bm9wZQ==?api-version=2024-04"),
                400, "NoRegisteredProviderFound");
        assertThat(status.error().message()).startsWith("No registered resource provider found for location 'westus'"
                + " and API version '2024-04' for type 'locations/operationStatus'.");
        // an unknown type still answers InvalidResourceType, whatever the version
        expect(arm().get(VAULT_PATH + "/nothingHere?api-version=1999-01-01"), 404, "InvalidResourceType");
    }

    @Test
    void malformedSubscriptionIdAndUnknownSubscription() {
        expect(post(BACKUP_PATH.replace(MockTestSupport.SUB, "not-a-guid") + "?api-version=" + API, WEEKLY), 400,
                "InvalidSubscriptionId");
        expect(post(BACKUP_PATH.replace(MockTestSupport.SUB, "11111111-1111-1111-1111-111111111111") + "?api-version="
                + API, WEEKLY), 404, "SubscriptionNotFound");
    }

    @Test
    void unknownResourceGroupVaultInstance() {
        expect(post(BACKUP_PATH.replace("azdp-demo-rg", "nope-rg") + "?api-version=" + API, WEEKLY), 404,
                "ResourceGroupNotFound");
        CloudError vault = expect(post(BACKUP_PATH.replace("azdp-demo-vault", "nope-vault") + "?api-version=" + API,
                WEEKLY), 404, "ResourceNotFound");
        assertThat(vault.error().message()).contains("Microsoft.DataProtection/backupVaults/nope-vault");
        expect(post(BACKUP_PATH.replace("azdp-demo-instance", "nope") + "?api-version=" + API, WEEKLY), 404,
                "ResourceNotFound");
        expect(arm().get(VAULT_PATH + "/backupJobs/3c60cb49-63e8-4b21-b9bd-26277b3fdfae?api-version=" + API), 404,
                "UserErrorGenericResourceNotFound");
        expect(arm().get(VAULT_PATH + "/backupJobs/c60cb49-63e8-4b21-b9bd-26277b3fdfae?api-version=" + API), 404,
                "UserErrorGenericResourceNotFound");
        expect(arm().get(VAULT_PATH + "/backupPolicies/nope?api-version=" + API), 404, "ResourceNotFound");
        expect(arm().get(VAULT_PATH + "/operationStatus/bm9wZQ==?api-version=" + API), 404, "ResourceNotFound");
    }

    @Test
    void invalidNamesAreRejectedWithTheRule() {
        CloudError e = expect(post(BACKUP_PATH.replace("azdp-demo-vault", "9vault") + "?api-version=" + API, WEEKLY),
                400, "InvalidResourceName");
        assertThat(e.error().message()).contains("vaultName").contains("9vault");
        expect(post(BACKUP_PATH.replace("azdp-demo-rg", "bad%3Frg") + "?api-version=" + API, WEEKLY), 400,
                "InvalidResourceName");
    }

    @Test
    void segmentNamesAndResourceNamesAreCaseInsensitive() {
        String path = BACKUP_PATH.replace("resourceGroups", "resourcegroups").replace("backupVaults", "BackupVaults")
                .replace("Microsoft.DataProtection", "microsoft.dataprotection").replace("azdp-demo-vault", "AZDP-Demo-Vault")
                .replace("/backup", "/Backup").replace("backupInstances", "backupinstances");
        assertThat(post(path + "?api-version=" + API, WEEKLY).statusCode()).isEqualTo(202);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"backupRuleOptions\":                                    | InvalidRequestContent | $.backupRuleOptions",
        "{\"backupRuleOptions\":{\"ruleName\":[1],\"triggerOption\":{}}} | InvalidRequestContent | $.backupRuleOptions.ruleName",
        "[1,2]                                                      | InvalidRequestContent | $",
        "{}                                                         | BMSUserErrorInvalidInput | backupRuleOptions",
        "{\"backupRuleOptions\":{\"triggerOption\":{}}}                | BMSUserErrorInvalidInput | backupRuleOptions.ruleName",
        "{\"backupRuleOptions\":{\"ruleName\":\"BackupWeekly\"}}        | BMSUserErrorInvalidInput | backupRuleOptions.triggerOption",
    })
    void badBodiesNameThePath(String body, String code, String target) {
        CloudError e = expect(post(BACKUP_PATH + "?api-version=" + API, body.trim()), 400, code);
        assertThat(e.error().target()).isEqualTo(target);
        assertThat(e.error().message()).contains(target.startsWith("$") ? target : "$." + target);
        if (code.startsWith("BMS")) {
            // DataProtection's own rejections carry its UserFacingError; ARM's content errors do not
            UserFacingError ufe = e.error().userFacingError().orElseThrow();
            assertThat(ufe.code()).isEqualTo(code);
            assertThat(ufe.target()).isEqualTo(target);
            assertThat(ufe.properties()).containsKey("ActivityId");
        } else {
            assertThat(e.error().userFacingError()).isEmpty();
        }
    }

    @Test
    void emptyBodyIsInvalidContent() {
        expect(arm().post(BACKUP_PATH + "?api-version=" + API), 400, "InvalidRequestContent");
    }

    @Test
    void retentionRuleNameIsRefusedWithAUserFacingErrorListingTheChoices() {
        CloudError e = expect(post(BACKUP_PATH + "?api-version=" + API,
                "{\"backupRuleOptions\":{\"ruleName\":\"Default\",\"triggerOption\":{}}}"), 400,
                "BMSUserErrorInvalidInput");
        assertThat(e.error().message()).contains("Input provided for the call is invalid").contains("BackupWeekly");
        assertThat(e.error().target()).isEqualTo("ruleName");
        UserFacingError ufe = e.error().userFacingError().orElseThrow();
        assertThat(ufe.isUserError()).isTrue();
        assertThat(ufe.properties()).containsKey("ActivityId");
    }

    @Test
    void unknownRetentionTagIsRefused() {
        CloudError e = expect(post(BACKUP_PATH + "?api-version=" + API,
                "{\"backupRuleOptions\":{\"ruleName\":\"BackupWeekly\",\"triggerOption\":{\"retentionTagOverride\":\"Yearly\"}}}"),
                400, "BMSUserErrorInvalidInput");
        assertThat(e.error().message()).contains("Yearly").contains("Weekly");
        assertThat(e.error().target()).isEqualTo("retentionTagOverride");
        assertThat(e.error().userFacingError()).isPresent();
    }

    @Test
    void instanceThatIsNotProtectedRefusesAdhocBackup() {
        CloudError e = expect(post(BACKUP_PATH.replace("azdp-demo-instance", "azdp-stopped-instance")
                + "?api-version=" + API, WEEKLY), 400, "UserErrorInvalidBackupInstanceState");
        assertThat(e.error().message()).contains("ProtectionStopped");
        assertThat(e.error().userFacingError()).isPresent();
    }

    @Test
    void oversizedBodyIs413() {
        String big = "{\"backupRuleOptions\":{\"ruleName\":\"" + "x".repeat(70_000) + "\",\"triggerOption\":{}}}";
        expect(post(BACKUP_PATH + "?api-version=" + API, big), 413, "RequestEntityTooLarge");
    }

    @Test
    void unknownPathsAndMethodsAreCloudErrors() {
        CloudError e = expect(arm().get(VAULT_PATH + "/backupWidgets/x?api-version=" + API), 404, "InvalidResourceType");
        assertThat(e.error().message()).contains("backupVaults/backupWidgets");
        expect(arm().get("/no/such/path"), 404, "NotFound");
        expect(arm().get(BACKUP_PATH + "?api-version=" + API), 405, "MethodNotAllowed");
        expect(arm().delete(VAULT_PATH + "/backupJobs?api-version=" + API), 405, "MethodNotAllowed");
    }

    @Test
    void badScenarioHeaderNamesTheKey() {
        Response r = arm().header("x-azdp-mock-scenario", "polls=many").body(WEEKLY)
                .post(BACKUP_PATH + "?api-version=" + API);
        CloudError e = expect(r, 400, "InvalidMockScenario");
        assertThat(e.error().message()).contains("polls").contains("many");
        e = expect(arm().header("x-azdp-mock-scenario", "colour=red").body(WEEKLY)
                .post(BACKUP_PATH + "?api-version=" + API), 400, "InvalidMockScenario");
        assertThat(e.error().message()).contains("colour").contains("mode");
    }

    /** Raw HTTP/1.1 exchange, so that URIs no HTTP client library would send (bad escapes, very long) reach the server. */
    private static String raw(String target) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + MockTestSupport.token() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * A URI with malformed percent-encoding is refused by Quarkus's HTTP layer before any emulator code runs, with an
     * empty 400 (as ARM's front end answers such URLs with a non-JSON 400 page). What matters: a client mistake, not a 500.
     */
    @ParameterizedTest
    @CsvSource({ "/subscriptions/%zz/resourceGroups?api-version=2024-04-01",
            "/subscriptions/" + MockTestSupport.SUB + "/resourceGroups?api-version=%zz" })
    void malformedPercentEncodingIsABadRequest(String target) throws IOException {
        assertThat(raw(target)).startsWith("HTTP/1.1 400 ");
    }

    @Test
    void longStatusUrlsAreServedNotRefused() throws IOException {
        // polling URLs of several KB must reach the emulator (the transport default would answer 414)
        String opId = "a".repeat(6000);
        String response = raw("/subscriptions/" + MockTestSupport.SUB + "/resourceGroups/" + MockTestSupport.RG
                + "/providers/Microsoft.DataProtection/backupVaults/" + MockTestSupport.VAULT + "/operationStatus/"
                + opId + "?api-version=" + API);
        assertThat(response).startsWith("HTTP/1.1 404");
        CloudError e = AzdpJson.read(response.substring(response.indexOf("\r\n\r\n") + 4), CloudError.class);
        assertThat(e.error().message()).contains(opId.substring(0, 100));
    }
}

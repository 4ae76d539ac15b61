package io.azdp.mock;

import static io.azdp.mock.MockTestSupport.API;
import static io.azdp.mock.MockTestSupport.VAULT_PATH;
import static io.azdp.mock.MockTestSupport.advance;
import static io.azdp.mock.MockTestSupport.arm;
import static io.azdp.mock.MockTestSupport.cloudError;
import static io.azdp.mock.MockTestSupport.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import io.azdp.model.AzdpJson;
import io.azdp.model.CloudError;
import io.azdp.model.OperationJobExtendedInfo;
import io.azdp.model.OperationResource;
import io.azdp.model.id.BackupJobId;
import io.azdp.model.job.AzureBackupJobResource;
import io.azdp.model.job.JobStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class AdhocBackupFlowTest {

    @BeforeEach
    void reset() {
        MockTestSupport.reset();
    }

    @Test
    void acceptedTriggerAnswers202WithPollingHeadersAndEmptyBody() {
        Response r = arm().header("x-ms-correlation-request-id", "corr-1").body(MockTestSupport.WEEKLY)
                .post(MockTestSupport.BACKUP_PATH + "?api-version=" + API);
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.asString()).isEmpty();
        String async = r.header("Azure-AsyncOperation");
        String location = r.header("Location");
        assertThat(async).contains(VAULT_PATH + "/operationStatus/").endsWith("?api-version=" + API);
        assertThat(location).contains("/subscriptions/" + MockTestSupport.SUB
                + "/providers/Microsoft.DataProtection/locations/westus/operationResults/");
        assertThat(r.header("Retry-After")).isEqualTo("1");
        assertThat(r.header("x-ms-request-id")).isNotBlank();
        assertThat(r.header("x-ms-correlation-request-id")).isEqualTo("corr-1");
        assertThat(r.header("x-ms-client-request-id")).isNotBlank();
        String opId = async.substring(async.indexOf("/operationStatus/") + 17, async.indexOf('?'));
        String decoded = new String(Base64.getDecoder().decode(opId), StandardCharsets.US_ASCII);
        assertThat(decoded).matches("[0-9a-f-]{36};[0-9a-f-]{36}");
        assertThat(location).contains("/operationResults/" + opId + "?");
    }

    /** Every SDK, az and PowerShell reaches the emulator with its own default version, whichever published one. */
    @ParameterizedTest
    @MethodSource("io.azdp.mock.arm.ApiVersions#published")
    void everyPublishedApiVersionTriggersAndIsEchoedInThePollingUrls(String version) {
        Response r = arm().body(MockTestSupport.WEEKLY).post(MockTestSupport.BACKUP_PATH + "?api-version=" + version);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(202);
        assertThat(r.header("Azure-AsyncOperation")).endsWith("?api-version=" + version);
        assertThat(r.header("Location")).endsWith("?api-version=" + version);
        Response status = arm().get(r.header("Azure-AsyncOperation").replaceFirst("^https?://[^/]+", ""));
        assertThat(status.statusCode()).as(status.asString()).isEqualTo(200);
        assertThat(status.<String>path("status")).isEqualTo("Inprogress");
    }

    @Test
    void operationGoesInprogressThenSucceededAndItsJobInProgressThenCompleted() {
        Response r = trigger(null);
        String async = r.header("Azure-AsyncOperation");
        String location = r.header("Location");

        OperationResource running = AzdpJson.read(arm().get(async).then().statusCode(200).extract().asByteArray(),
                OperationResource.class);
        assertThat(running.status().value()).isEqualTo("Inprogress");
        assertThat(running.status().isTerminal()).isFalse();
        assertThat(running.endTime().getYear()).isEqualTo(1);
        assertThat(running.properties()).isNull();
        Response result = arm().get(location);
        assertThat(result.statusCode()).isEqualTo(202);
        assertThat(result.header("Location")).isEqualTo(location);
        assertThat(result.header("Azure-AsyncOperation")).isEqualTo(async);
        assertThat(result.header("Retry-After")).isEqualTo("1");
        assertThat(result.asString()).isEmpty();

        advance("PT1S");
        OperationResource done = AzdpJson.read(arm().get(async).then().statusCode(200).extract().asByteArray(),
                OperationResource.class);
        assertThat(done.status().isSucceeded()).isTrue();
        assertThat(done.status().value()).isEqualTo("Succeeded");
        String jobArmId = done.jobId().orElseThrow();
        BackupJobId jobId = BackupJobId.parse(jobArmId);
        assertThat(jobId.vault().vaultName()).isEqualTo(MockTestSupport.VAULT);
        assertThat(done.endTime()).isAfter(done.startTime());

        OperationJobExtendedInfo info = AzdpJson.read(arm().get(location).then().statusCode(200).extract()
                .asByteArray(), OperationJobExtendedInfo.class);
        assertThat(info.jobId()).isEqualTo(jobArmId);

        AzureBackupJobResource job = AzdpJson.read(arm().get(jobArmId + "?api-version=" + API).then().statusCode(200)
                .extract().asByteArray(), AzureBackupJobResource.class);
        assertThat(job.properties().status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(job.properties().endTime()).isNull();
        assertThat(job.properties().duration()).isEqualTo("PT0S");
        assertThat(job.properties().isUserTriggered()).isTrue();
        assertThat(job.properties().operationCategory()).isEqualTo("Backup");
        assertThat(job.properties().extendedInfo().additionalDetails()).containsEntry("RetentionTag", "Weekly");
        assertThat(job.properties().extendedInfo().subTasks()).extracting("taskName").contains("Trigger Backup");

        advance("PT5S");
        AzureBackupJobResource finished = AzdpJson.read(arm().get(jobArmId + "?api-version=" + API).then()
                .statusCode(200).extract().asByteArray(), AzureBackupJobResource.class);
        assertThat(finished.properties().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(finished.properties().status().isSuccess()).isTrue();
        assertThat(finished.properties().endTime()).isNotNull();
        assertThat(java.time.Duration.parse(finished.properties().duration())).isEqualTo(java.time.Duration.ofSeconds(5));
    }

    @Test
    void statusIsServedAtLocationAndResourceGroupScopeToo() {
        String async = trigger(null).header("Azure-AsyncOperation");
        String opId = async.substring(async.indexOf("/operationStatus/") + 17, async.indexOf('?'));
        String sub = "/subscriptions/" + MockTestSupport.SUB;
        advance("PT2S");
        for (String path : new String[] {
            sub + "/providers/Microsoft.DataProtection/locations/westus/operationStatus/" + opId,
            sub + "/resourceGroups/" + MockTestSupport.RG + "/providers/Microsoft.DataProtection/operationStatus/" + opId}) {
            OperationResource op = AzdpJson.read(arm().get(path + "?api-version=" + API).then().statusCode(200)
                    .extract().asByteArray(), OperationResource.class);
            assertThat(op.id()).isEqualTo(path);
            assertThat(op.name()).isEqualTo(opId);
            assertThat(op.status().isSucceeded()).isTrue();
        }
        // another location does not know the operation
        Response other = arm().get(sub + "/providers/Microsoft.DataProtection/locations/eastus/operationStatus/" + opId
                + "?api-version=" + API);
        assertThat(other.statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @CsvSource({"outcome=Failed;errorCode=UserErrorSnapshotFailed, 400, UserErrorSnapshotFailed",
        "outcome=Failed, 500, OperationFailed", "outcome=Canceled, 409, OperationCanceled"})
    void syncModeWithAFailedOutcomeAnswersTheErrorAndStartsNoJob(String outcome, int status, String code) {
        Response r = trigger("mode=sync;" + outcome);
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
        assertThat(AzdpJson.read(r.asByteArray(), CloudError.class).error().code()).isEqualTo(code);
        int jobs = arm().get(VAULT_PATH + "/backupJobs?api-version=" + API).then().statusCode(200).extract()
                .path("value.size()");
        assertThat(jobs).isZero();
    }

    @Test
    void signedUrlsAreAsLongAsTheRealOnesAndStillPollable() {
        Response r = trigger("signedUrls=true;polls=5;retryAfter=0");
        assertThat(r.statusCode()).isEqualTo(202);
        for (String header : new String[] {"Azure-AsyncOperation", "Location"}) {
            String url = r.header(header);
            assertThat(url).as(header).contains("&t=", "&c=", "&s=", "&h=");
            assertThat(url.length()).as(header).isBetween(2_500, 4_000);
            String path = url.substring(url.indexOf("/subscriptions/"));
            int status = arm().urlEncodingEnabled(false).get(path).statusCode();
            assertThat(status).as(header + " polled").isIn(200, 202);
        }
        // the same parameters on every answer about the operation
        Response again = arm().urlEncodingEnabled(false).get(r.header("Location")
                .substring(r.header("Location").indexOf("/subscriptions/")));
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.header("Location")).isEqualTo(r.header("Location"));
        assertThat(trigger("retryAfter=0").header("Location")).doesNotContain("&c=");
    }

    @Test
    void syncModeAnswers200WithTheJobAndCreatesExactlyOneJob() {
        Response r = trigger("mode=sync");
        assertThat(r.statusCode()).isEqualTo(200);
        OperationJobExtendedInfo info = AzdpJson.read(r.asByteArray(), OperationJobExtendedInfo.class);
        assertThat(info.objectType()).isEqualTo("OperationJobExtendedInfo");
        assertThat(r.header("Location")).isNull();
        assertThat(BackupJobId.parse(info.jobId()).jobId()).isNotBlank();
        int jobs = arm().get(VAULT_PATH + "/backupJobs?api-version=" + API).then().statusCode(200).extract()
                .path("value.size()");
        assertThat(jobs).isEqualTo(1);
    }

    @Test
    void pollsScenarioEndsAfterThatManyRunningPollsWithoutTimePassing() {
        String async = trigger("polls=3").header("Azure-AsyncOperation");
        for (int i = 0; i < 3; i++) {
            assertThat(arm().get(async).then().statusCode(200).extract().<String>path("status")).isEqualTo("Inprogress");
        }
        assertThat(arm().get(async).then().statusCode(200).extract().<String>path("status")).isEqualTo("Succeeded");
    }

    @Test
    void headersScenarioChoosesPollingHeadersAndRetryAfter() {
        Response locationOnly = trigger("headers=location-only;retryAfter=none");
        assertThat(locationOnly.header("Azure-AsyncOperation")).isNull();
        assertThat(locationOnly.header("Location")).isNotBlank();
        assertThat(locationOnly.header("Retry-After")).isNull();
        Response asyncOnly = trigger("headers=async-only;retryAfter=7");
        assertThat(asyncOnly.header("Location")).isNull();
        assertThat(asyncOnly.header("Azure-AsyncOperation")).isNotBlank();
        assertThat(asyncOnly.header("Retry-After")).isEqualTo("7");
    }

    @Test
    void statusCasingScenarioChangesTheRunningValue() {
        String async = trigger("statusCasing=InProgress").header("Azure-AsyncOperation");
        assertThat(arm().get(async).then().extract().<String>path("status")).isEqualTo("InProgress");
    }

    @Test
    void failedOutcomeCarriesTheErrorInStatusAndResult() {
        Response r = trigger("outcome=Failed;errorCode=UserErrorMaxConcurrentOperationLimitReached;polls=0");
        OperationResource op = AzdpJson.read(arm().get(r.header("Azure-AsyncOperation")).asByteArray(),
                OperationResource.class);
        assertThat(op.status().isFailed()).isTrue();
        assertThat(op.error().code()).isEqualTo("UserErrorMaxConcurrentOperationLimitReached");
        assertThat(op.error().userFacingError()).isPresent();
        assertThat(op.properties()).isNull();
        Response result = arm().get(r.header("Location"));
        assertThat(result.statusCode()).isEqualTo(400);
        CloudError error = cloudError(result);
        assertThat(error.error().code()).isEqualTo("UserErrorMaxConcurrentOperationLimitReached");
        // a failed operation starts no job
        assertThat(arm().get(VAULT_PATH + "/backupJobs?api-version=" + API).then().extract()
                .<java.util.List<?>>path("value")).isEmpty();
    }

    @Test
    void canceledOutcome() {
        Response r = trigger("outcome=Canceled");
        advance("PT1S");
        OperationResource op = AzdpJson.read(arm().get(r.header("Azure-AsyncOperation")).asByteArray(),
                OperationResource.class);
        assertThat(op.status().isCanceled()).isTrue();
        assertThat(op.status().value()).isEqualTo("Canceled");
        assertThat(op.error().code()).isEqualTo("OperationCanceled");
        assertThat(arm().get(r.header("Location")).statusCode()).isEqualTo(409);
    }

    @Test
    void jobOutcomeScenarioAndJobDuration() {
        String jobId = AzdpJson.read(trigger("mode=sync;jobOutcome=Failed;jobDuration=PT30S").asByteArray(),
                OperationJobExtendedInfo.class).jobId();
        advance("PT29S");
        assertThat(arm().get(jobId + "?api-version=" + API).then().extract().<String>path("properties.status"))
                .isEqualTo("InProgress");
        advance("PT1S");
        AzureBackupJobResource job = AzdpJson.read(arm().get(jobId + "?api-version=" + API).asByteArray(),
                AzureBackupJobResource.class);
        assertThat(job.properties().status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.properties().errorDetails()).hasSize(1);
        assertThat(job.properties().duration()).isEqualTo("PT30S");
    }

    @Test
    void noRetentionOverrideUsesTheRuleDefaultTag() {
        Response r = arm().header("x-azdp-mock-scenario", "mode=sync")
                .body("{\"backupRuleOptions\":{\"ruleName\":\"backupweekly\",\"triggerOption\":{}}}")
                .post(MockTestSupport.BACKUP_PATH + "?api-version=" + API);
        assertThat(r.statusCode()).isEqualTo(200);
        String jobId = r.path("jobId");
        assertThat(arm().get(jobId + "?api-version=" + API).then().extract()
                .<String>path("properties.extendedInfo.additionalDetails.RetentionTag")).isEqualTo("Default");
    }

    @Test
    void jobListPagesWithNextLink() {
        for (int i = 0; i < 120; i++) {
            trigger("mode=sync").then().statusCode(200);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        String next = VAULT_PATH + "/backupJobs?api-version=" + API;
        int pages = 0;
        while (next != null) {
            Response page = arm().get(next);
            assertThat(page.statusCode()).isEqualTo(200);
            io.azdp.model.job.AzureBackupJobResourceList list = AzdpJson.read(page.asByteArray(),
                    io.azdp.model.job.AzureBackupJobResourceList.class);
            list.value().forEach(j -> seen.add(j.name()));
            next = list.nextLink();
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(120);
    }
}

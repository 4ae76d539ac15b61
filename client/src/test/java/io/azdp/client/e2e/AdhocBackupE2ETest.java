package io.azdp.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.azdp.client.lro.AdhocBackupPoller;
import io.azdp.client.DataProtectionClient;
import io.azdp.client.MutinyDataProtectionClient;
import io.azdp.client.lro.PollState;
import io.azdp.client.error.OperationFailedException;
import io.azdp.client.error.OperationTimeoutException;
import io.azdp.client.error.PreflightException;
import io.azdp.client.error.ResourceNotFoundException;
import io.azdp.client.error.ServiceRejectedException;
import io.azdp.model.OperationJobExtendedInfo;
import io.azdp.model.TriggerBackupRequest;
import io.azdp.model.ValidationException;
import io.azdp.model.id.JobId;
import io.azdp.model.job.AzureBackupJobResource;
import io.azdp.model.job.JobStatus;
import io.azdp.model.policy.AdhocBackupOptions;
import io.quarkus.test.junit.QuarkusTest;

/** The ARM long-running-operation shapes of the adhoc backup, end to end against the emulator process. */
@QuarkusTest
class AdhocBackupE2ETest extends E2eSupport {
    static final String OP_STATUS = ".*/operationStatus/.*";
    static final String OP_RESULT = ".*/operationResults/.*";
    static final String BACKUP_POST = ".*/backupInstances/[^/]+/backup$";

    @Inject
    DataProtectionClient injected;

    @Inject
    MutinyDataProtectionClient injectedMutiny;

    private static JobId jobOf(OperationJobExtendedInfo r) {
        return JobId.parse(r.jobId());
    }

    @Test
    void synchronous200IsDoneWithoutPolling() {
        AdhocBackupPoller p = client("mode=sync").beginAdhocBackup(INSTANCE, "BackupWeekly", "Weekly");
        assertThat(p.isDone()).isTrue();
        assertThat(p.finalResult()).isPresent();
        assertThat(jobOf(p.finalResult().get()).armId()).isPresent();
        assertThat(mock().journal("GET", OP_STATUS + "|" + OP_RESULT)).isEmpty();
    }

    @Test
    void bothHeadersPollAzureAsyncOperationThenReadTheResultFromLocation() {
        DataProtectionClient c = client("headers=both;polls=2;retryAfter=1");
        AdhocBackupPoller p = c.beginAdhocBackup(INSTANCE, "BackupWeekly", "Weekly");
        assertThat(p.state().statusUrl()).isNotNull();
        assertThat(p.state().locationUrl()).isNotNull();
        OperationJobExtendedInfo result = p.waitForCompletion(Duration.ofSeconds(30));

        List<JsonNode> polls = mock().journal("GET", OP_STATUS + "|" + OP_RESULT);
        assertThat(polls).extracting(e -> e.path("path").asText().contains("/operationStatus/") ? "status" : "result")
                .containsExactly("status", "status", "status", "result");
        // waits are measured from the response that asked for them: under the asked 1 s by the time spent since
        // (up to 500 ms allowed, for a loaded CI machine), never more; the emulator's verify checks none was early
        assertThat(delays).isNotEmpty().allSatisfy(d -> assertThat(d)
                .isBetween(Duration.ofMillis(500), Duration.ofSeconds(1)));
        assertThat(mock().verify().path("ok").asBoolean()).as("%s", mock().verify()).isTrue();

        AzureBackupJobResource job = c.waitForJob(VAULT, jobOf(result), Duration.ofSeconds(30));
        assertThat(job.properties().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.properties().isUserTriggered()).isTrue();
        assertThat(job.properties().extendedInfo().additionalDetails()).containsEntry("RetentionTag", "Weekly");
    }

    @Test
    void onlyLocation() {
        DataProtectionClient c = client("headers=location-only;polls=1;retryAfter=0");
        OperationJobExtendedInfo r = c.adhocBackup(INSTANCE, TriggerBackupRequest.of("BackupWeekly", null),
                Duration.ofSeconds(30));
        assertThat(jobOf(r).guid()).isNotBlank();
        assertThat(mock().journal("GET", OP_STATUS)).isEmpty();
        assertThat(mock().journal("GET", OP_RESULT)).hasSize(2);

        // the result's job id is a full ARM id: enough to follow the job without naming the vault
        assertThat(c.waitForJob(jobOf(r), Duration.ofSeconds(30)).properties().status().isTerminal()).isTrue();
        JobId bare = JobId.parse(jobOf(r).guid());
        assertThatThrownBy(() -> c.waitForJob(bare, Duration.ofSeconds(1)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("jobId");
    }

    @Test
    void onlyAzureAsyncOperation() {
        OperationJobExtendedInfo r = client("headers=async-only;polls=1;retryAfter=0")
                .adhocBackup(INSTANCE, TriggerBackupRequest.of("BackupWeekly", "Default"), Duration.ofSeconds(30));
        assertThat(jobOf(r).armId()).isPresent();
        assertThat(mock().journal("GET", OP_RESULT)).isEmpty();
        assertThat(mock().journal("GET", OP_STATUS)).hasSize(2);
    }

    @Test
    void withoutRetryAfterTheConfiguredIntervalIsUsedButNeverUnderOneSecond() {
        List<String> warnings = new ArrayList<>();
        DataProtectionClient c = client("retryAfter=none;polls=2", b -> b.pollInterval(Duration.ofMillis(300))
                .maxPollInterval(Duration.ofMillis(300)).warnings(warnings::add));
        AdhocBackupPoller p = c.beginAdhocBackup(INSTANCE, "BackupWeekly", null);
        assertThat(p.state().retryAfter()).isNull();
        p.waitForCompletion(Duration.ofSeconds(30));
        // issue 16: a client-chosen interval below 1 s is raised to the floor (a service's shorter Retry-After is not)
        // (the lower bound tells the 1 s floor from the asked 300 ms with room for a loaded CI machine)
        assertThat(delays).isNotEmpty().allSatisfy(d -> assertThat(d)
                .isBetween(Duration.ofMillis(600), Duration.ofSeconds(1)));
        assertThat(warnings).hasSize(2).allSatisfy(w -> assertThat(w).contains("PT0.3S is below the 1s floor"));
        assertThat(mock().verify().path("ok").asBoolean()).as("%s", mock().verify()).isTrue();
    }

    @Test
    void runningStatusInEitherCasingIsStillRunning() {
        for (String casing : List.of("Inprogress", "InProgress")) {
            List<String> seen = new ArrayList<>();
            client("statusCasing=" + casing + ";polls=2;retryAfter=0;headers=async-only")
                    .beginAdhocBackup(INSTANCE, "BackupWeekly", null)
                    .waitForCompletion(Duration.ofSeconds(30), s -> seen.add(s.status().value()));
            assertThat(seen).containsExactly(casing, casing, "Succeeded");
        }
        // the service's Retry-After: 0 is honoured below the 1 s floor of client-chosen intervals
        // (a zero wait is not slept at all; a floor applied to it would show as 1 s waits here)
        assertThat(delays).allSatisfy(d -> assertThat(d).isLessThan(Duration.ofMillis(100)));
    }

    /** "both": the failure read from the status body; "location-only": from the Location URL's 400 CloudError. */
    @ParameterizedTest
    @ValueSource(strings = {"both", "location-only"})
    void failedOperationRaisesWithTheServiceError(String headers) {
        assertThatThrownBy(() -> client("outcome=Failed;errorCode=UserErrorBackupFailed;errorMessage=Snapshot failed;"
                + "retryAfter=0;headers=" + headers).adhocBackup(INSTANCE, TriggerBackupRequest.of("BackupWeekly", null),
                        Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(OperationFailedException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("UserErrorBackupFailed");
                    assertThat(e.isCanceled()).isFalse();
                    assertThat(e.toString()).startsWith("(UserErrorBackupFailed) Snapshot failed. Status: Failed, "
                            + "operation id: ");
                });
    }

    /** "location-only": the Location URL answers 409 with the CloudError. */
    @ParameterizedTest
    @ValueSource(strings = {"both", "location-only"})
    void canceledOperationRaises(String headers) {
        assertThatThrownBy(() -> client("outcome=Canceled;retryAfter=0;headers=" + headers).adhocBackup(INSTANCE,
                TriggerBackupRequest.of("BackupWeekly", null), Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(OperationFailedException.class, e -> assertThat(e.isCanceled()).isTrue());
    }

    @Test
    void waitsEndWithATimeoutThatLeavesTheWorkRunning() {
        DataProtectionClient c = client("polls=1000;retryAfter=5;jobDuration=PT1H");
        assertThatThrownBy(() -> c.adhocBackup(INSTANCE, TriggerBackupRequest.of("BackupWeekly", null),
                Duration.ofSeconds(2)))
                .isInstanceOfSatisfying(OperationTimeoutException.class, e -> {
                    assertThat(e.resumeToken()).isPresent();
                    assertThat(e.lastStatus()).isEqualTo("Inprogress");
                });
        // the client did not wait the 5 s Retry-After that would overrun the deadline
        assertThat(delays).isEmpty();

        OperationJobExtendedInfo started = client("mode=sync;jobDuration=PT1H")
                .beginAdhocBackup(INSTANCE, "BackupWeekly", null).finalResult().orElseThrow();
        assertThatThrownBy(() -> c.waitForJob(VAULT, jobOf(started), Duration.ofMillis(500)))
                .isInstanceOfSatisfying(OperationTimeoutException.class,
                        e -> assertThat(e.lastStatus()).isEqualTo("InProgress"));
    }

    @Test
    void aNewClientResumesFromTheToken() {
        DataProtectionClient first = client("polls=3;retryAfter=0");
        AdhocBackupPoller p = first.beginAdhocBackup(INSTANCE, "BackupWeekly", "Weekly");
        PollState afterOne = p.poll();
        assertThat(afterOne.isTerminal()).isFalse();
        String token = p.resumeToken();
        first.close();

        DataProtectionClient second = client(null);
        AdhocBackupPoller resumed = second.resume(token);
        assertThat(resumed.state().operationId()).isEqualTo(p.state().operationId());
        OperationJobExtendedInfo r = resumed.waitForCompletion(Duration.ofSeconds(30));
        assertThat(second.getJob(jobOf(r)).properties().backupInstanceFriendlyName()).isEqualTo(Mock.INSTANCE);
        // the resumed polls carry the operation's correlation id
        String corr = Mock.header(mock().journal("POST", BACKUP_POST).get(0), "x-ms-correlation-request-id");
        assertThat(mock().journal("GET", OP_STATUS)).last()
                .satisfies(e -> assertThat(Mock.header(e, "x-ms-correlation-request-id")).isEqualTo(corr));
    }

    @Test
    void realisticSignedPollingUrlsArePolledAsGivenAndSurviveTheResumeToken() {
        DataProtectionClient first = client("signedUrls=true;polls=2;retryAfter=0");
        AdhocBackupPoller p = first.beginAdhocBackup(INSTANCE, "BackupWeekly", null);
        assertThat(p.state().statusUrl().toString()).contains("&c=").hasSizeGreaterThan(2_500);
        String token = p.resumeToken();
        first.close();

        OperationJobExtendedInfo r = client(null).resume(token).waitForCompletion(Duration.ofSeconds(30));
        assertThat(jobOf(r).armId()).isPresent();
        // every poll went to the URL exactly as the service gave it, signature parameters included
        String signature = p.state().statusUrl().getRawQuery().replaceFirst(".*&s=([^&]+).*", "$1");
        assertThat(mock().journal("GET", OP_STATUS + "|" + OP_RESULT)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.path("query").asText()).contains(signature));
    }

    @Test
    void ruleDiscoveryListsBackupRulesAndTheirTags() {
        AdhocBackupOptions o = client(null).adhocBackupOptions(INSTANCE);
        assertThat(o.ruleNames()).containsExactly("BackupWeekly");
        assertThat(o.rule("backupweekly")).hasValueSatisfying(r -> assertThat(r.retentionTags())
                .containsExactlyInAnyOrder("Default", "Weekly"));
    }

    @Test
    void preflightRefusesARetentionRuleLocally() {
        DataProtectionClient c = client(null);
        assertThatThrownBy(() -> c.beginAdhocBackup(INSTANCE, "Default", null))
                .isInstanceOfSatisfying(PreflightException.class, e -> {
                    assertThat(e.field()).isEqualTo("ruleName");
                    assertThat(e.getMessage()).contains("Default").contains("BackupWeekly");
                    assertThat(e.options()).isPresent();
                });
        assertThatThrownBy(() -> c.beginAdhocBackup(INSTANCE, "BackupWeekly", "Monthly"))
                .isInstanceOfSatisfying(PreflightException.class, e -> {
                    assertThat(e.field()).isEqualTo("retentionTagOverride");
                    assertThat(e.getMessage()).contains("Monthly").contains("Weekly");
                });
        assertThat(mock().journal("POST", BACKUP_POST)).isEmpty();
    }

    @Test
    void preflightAloneChecksAndStartsNothing() {
        DataProtectionClient c = client(null);
        TriggerBackupRequest checked = c.preflight(INSTANCE, TriggerBackupRequest.of("backupweekly", "weekly"));
        assertThat(checked.backupRuleOptions().ruleName()).isEqualTo("BackupWeekly");
        assertThat(checked.backupRuleOptions().triggerOption().retentionTagOverride()).isEqualTo("Weekly");
        assertThatThrownBy(() -> c.preflight(INSTANCE, TriggerBackupRequest.of("Default", null)))
                .isInstanceOf(PreflightException.class).hasMessageContaining("BackupWeekly");
        // what-if asked for it: the check runs even when the client sends unchecked
        assertThatThrownBy(() -> client(null, b -> b.preflight(false)).preflight(INSTANCE,
                TriggerBackupRequest.of("Default", null))).isInstanceOf(PreflightException.class);
        assertThat(mock().journal("POST", BACKUP_POST)).isEmpty();
    }

    @Test
    void preflightRefusesAnInstanceWhoseProtectionIsStopped() {
        var stopped = VAULT.instance("azdp-stopped-instance");
        assertThatThrownBy(() -> client(null).beginAdhocBackup(stopped, "BackupWeekly", null))
                .isInstanceOfSatisfying(PreflightException.class, e -> {
                    assertThat(e.field()).isEqualTo("backupInstance");
                    assertThat(e.getMessage()).contains("ProtectionStopped");
                });
        assertThat(mock().journal("POST", BACKUP_POST)).isEmpty();
        assertThatThrownBy(() -> client(null, b -> b.preflight(false)).beginAdhocBackup(stopped, "BackupWeekly", null))
                .isInstanceOfSatisfying(io.azdp.client.error.ArmException.class,
                        e -> assertThat(e.httpStatus()).isBetween(400, 499));
    }

    @Test
    void preflightFixesTheCaseOfTheRuleName() {
        client("mode=sync").beginAdhocBackup(INSTANCE, "backupweekly", "weekly");
        JsonNode post = mock().journal("POST", BACKUP_POST).get(0);
        assertThat(post.path("status").asInt()).isEqualTo(200);
    }

    @Test
    void withoutPreflightTheServiceRejectsWithItsOwnMessage() {
        DataProtectionClient c = client(null, b -> b.preflight(false));
        assertThatThrownBy(() -> c.beginAdhocBackup(INSTANCE, "Default", null))
                .isInstanceOfSatisfying(ServiceRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.requestId()).isNotBlank();
                    assertThat(e.toString()).startsWith("(" + e.errorCode() + ") ")
                            .endsWith("Status: 400, request id: " + e.requestId());
                });
        assertThat(mock().journal("POST", BACKUP_POST)).hasSize(1);
    }

    @Test
    void unknownInstanceIsNotFound() {
        assertThatThrownBy(() -> client(null).getBackupInstance(VAULT.instance("no-such-instance")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.requestId()).isNotBlank();
                });
    }

    @Test
    void everyRequestCarriesRequestIdsAndApiVersion() {
        client("mode=sync").beginAdhocBackup(INSTANCE, "BackupWeekly", null);
        List<JsonNode> arm = mock().journal(null, "^/subscriptions/");
        assertThat(arm).hasSizeGreaterThanOrEqualTo(3);
        assertThat(arm).allSatisfy(e -> {
            assertThat(Mock.header(e, "x-ms-client-request-id")).isNotBlank();
            assertThat(Mock.header(e, "x-ms-correlation-request-id")).isNotBlank();
            assertThat(e.path("query").asText()).contains("api-version=2024-04-01");
        });
    }

    @Test
    void jobsAreListedAcrossPages() {
        DataProtectionClient c = client("mode=sync");
        for (int i = 0; i < 3; i++) {
            c.beginAdhocBackup(INSTANCE, "BackupWeekly", null);
        }
        assertThat(c.listJobs(VAULT).count()).isGreaterThanOrEqualTo(3);
        // pages of 2 (azdp.mock.job-page-size): the nextLink was followed
        assertThat(mock().journal("GET", "/backupJobs$")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(c.listBackupPolicies(VAULT).map(p -> p.name())).contains("azdp-demo-policy");
        assertThat(c.getBackupVault(VAULT).name()).isEqualTo(Mock.VAULT);
    }

    @Test
    void theInjectedClientIsConfiguredFromAzdpProperties() {
        assertThat(injected.settings().endpoint()).hasToString(mock().baseUrl());
        assertThat(injected.mutiny()).isSameAs(injectedMutiny);
        // names become ids in the configured subscription, on both APIs
        assertThat(injectedMutiny.instanceId(VAULT.resourceGroupName(), Mock.VAULT, Mock.INSTANCE)).isEqualTo(INSTANCE);
        OperationJobExtendedInfo r = injected.adhocBackup(injected.instanceId(Mock.RESOURCE_GROUP, Mock.VAULT,
                Mock.INSTANCE), TriggerBackupRequest.of("BackupWeekly", "Weekly"), Duration.ofSeconds(30));
        AzureBackupJobResource job = await(injectedMutiny.waitForJob(VAULT, jobOf(r), Duration.ofSeconds(30)));
        assertThat(job.properties().status().isSuccess()).isTrue();
    }
}

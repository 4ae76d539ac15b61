package io.azdp.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.azdp.model.id.JobId;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationResourceTest {
    private static final String VAULT = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/"
            + "azdp-demo-rg/providers/Microsoft.DataProtection/backupVaults/azdp-demo-vault";

    @Test
    void realServiceRunningFormWithZeroEndTime() {
        OperationResource op = TestFixtures.read("operation-status-inprogress.json", OperationResource.class);
        assertThat(op.status()).isEqualTo(OperationStatus.IN_PROGRESS);
        assertThat(op.status().isTerminal()).isFalse();
        assertThat(op.endTime()).isEqualTo(OffsetDateTime.parse("0001-01-01T00:00:00Z"));
        assertThat(op.endTime().getYear()).isEqualTo(1);
        assertThat(op.startTime()).isEqualTo(OffsetDateTime.parse("2026-11-23T09:15:02.4417315Z"));
        assertThat(op.properties()).isNull();
        assertThat(op.jobId()).isEmpty();
        assertThat(op.name()).endsWith("==");
    }

    @Test
    void realServiceSucceededFormCarriesTheFullJobArmId() {
        OperationResource op = TestFixtures.read("operation-status-succeeded.json", OperationResource.class);
        assertThat(op.status().isSucceeded()).isTrue();
        assertThat(op.properties()).isEqualTo(new OperationJobExtendedInfo(
                VAULT + "/backupJobs/6f1d2c3b-4a59-4e8f-9b7a-1c2d3e4f5a6b"));
        assertThat(op.jobId()).contains(VAULT + "/backupJobs/6f1d2c3b-4a59-4e8f-9b7a-1c2d3e4f5a6b");
        JobId job = JobId.parse(op.jobId().orElseThrow());
        assertThat(job.guid()).isEqualTo("6f1d2c3b-4a59-4e8f-9b7a-1c2d3e4f5a6b");
        assertThat(job.armId()).get().hasToString(VAULT + "/backupJobs/6f1d2c3b-4a59-4e8f-9b7a-1c2d3e4f5a6b");
    }

    @Test
    void failedFormCarriesTheErrorAndItsUserFacingError() {
        OperationResource op = TestFixtures.read("operation-status-failed.json", OperationResource.class);
        assertThat(op.status().isFailed()).isTrue();
        assertThat(op.error().code()).isEqualTo("BMSUserErrorDPPAdhocBackupNotAllowedForBackupType");
        assertThat(op.error().target()).isEqualTo("ruleName");
        UserFacingError ufe = op.error().userFacingError().orElseThrow();
        assertThat(ufe.isUserError()).isTrue();
        assertThat(ufe.isRetryable()).isFalse();
        assertThat(ufe.recommendedAction()).containsExactly("Pass the name of a backup rule of the policy.");
        assertThat(ufe.properties()).containsEntry("ActivityId", "7d1e5c9a-2b3f-4c6d-8e9f-0a1b2c3d4e5f");
    }

    @Test
    void unknownExtendedInfoKeepsObjectTypeAndProperties() {
        OperationResource op = TestFixtures.read("operation-status-unknown-properties.json", OperationResource.class);
        assertThat(op.properties()).isInstanceOfSatisfying(UnknownOperationExtendedInfo.class, u -> {
            assertThat(u.objectType()).isEqualTo("OperationRestoreExtendedInfo");
            assertThat(u.properties()).containsEntry("restoreJobId", "6f1d2c3b-4a59-4e8f-9b7a-1c2d3e4f5a6b")
                    .doesNotContainKey("objectType");
            assertThat(u.properties().get("targets")).isEqualTo(List.of(Map.of("name", "db1", "size", 42)));
        });
        assertThat(op.jobId()).isEmpty();
        String written = AzdpJson.write(op);
        assertThat(TestFixtures.countField(written, "objectType")).isEqualTo(1);
        assertThat(TestFixtures.sameJson(written, TestFixtures.text("operation-status-unknown-properties.json"))).isTrue();
    }

    @Test
    void timesWithoutAnOffsetAreUtcAndOffsetsAreKept() {
        OperationResource op = AzdpJson.read("{\"startTime\":\"2026-11-23T09:15:02.44\",\"endTime\":\"0001-01-01T00:00:00\"}",
                OperationResource.class);
        assertThat(op.startTime()).isEqualTo(OffsetDateTime.parse("2026-11-23T09:15:02.44Z"));
        assertThat(op.endTime()).isEqualTo(OffsetDateTime.parse("0001-01-01T00:00:00Z"));
        OperationResource withOffset = AzdpJson.read("{\"startTime\":\"2026-11-23T10:15:02+01:00\"}", OperationResource.class);
        assertThat(withOffset.startTime().getOffset()).hasToString("+01:00");
        assertThat(AzdpJson.write(withOffset)).isEqualTo("{\"startTime\":\"2026-11-23T10:15:02+01:00\"}");
        assertThat(AzdpJson.read("{\"endTime\":\"\"}", OperationResource.class).endTime()).isNull();
    }

    @Test
    void badTimesAreNamed() {
        assertThatThrownBy(() -> AzdpJson.read("{\"endTime\":\"tomorrow\"}", OperationResource.class))
                .isInstanceOf(InvalidJsonException.class)
                .hasMessage("$.endTime: expected an ISO-8601 date-time such as 2024-04-01T10:15:30Z but got 'tomorrow'");
        assertThatThrownBy(() -> AzdpJson.read("{\"endTime\":[1]}", OperationResource.class))
                .hasMessage("$.endTime: expected an ISO-8601 date-time such as 2024-04-01T10:15:30Z but got an array");
    }
}

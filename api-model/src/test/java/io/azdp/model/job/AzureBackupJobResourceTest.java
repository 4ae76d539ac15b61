package io.azdp.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.azdp.model.AzdpJson;
import io.azdp.model.TestFixtures;
import io.azdp.model.id.BackupJobId;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class AzureBackupJobResourceTest {

    @Test
    void runningJobHasNoEndTimeAndZeroDuration() {
        AzureBackupJobResource r = TestFixtures.read("job-inprogress.json", AzureBackupJobResource.class);
        AzureBackupJob job = r.properties();
        assertThat(job.status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(job.status().isTerminal()).isFalse();
        assertThat(job.endTime()).isNull();
        assertThat(job.duration()).isEqualTo("PT0S");
        assertThat(job.parsedDuration()).contains(Duration.ZERO);
        assertThat(job.isUserTriggered()).isTrue();
        assertThat(job.supportedActions()).containsExactly("Cancellable");
        assertThat(job.extendedInfo().subTasks()).singleElement().satisfies(t -> {
            assertThat(t.taskName()).isEqualTo("Trigger Backup");
            assertThat(t.taskStatus()).isEqualTo("InProgress");
        });
        assertThat(BackupJobId.parse(r.id()).jobId()).isEqualTo(r.name());
    }

    @Test
    void completedJobAsTheRealServiceSendsIt() {
        AzureBackupJob job = TestFixtures.read("job-completed.json", AzureBackupJobResource.class).properties();
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.status().isSuccess()).isTrue();
        assertThat(job.duration()).isEqualTo("PT3M36.03S");
        assertThat(job.parsedDuration()).contains(Duration.ofMinutes(3).plusSeconds(36).plusMillis(30));
        assertThat(job.endTime()).isEqualTo(OffsetDateTime.parse("2026-11-23T09:18:39.13Z"));
        assertThat(Duration.between(job.startTime(), job.endTime())).isEqualTo(Duration.parse("PT3M36.03S"));
        assertThat(job.operationCategory()).isEqualTo("Backup");
        assertThat(job.operation()).isEqualTo("Backup");
        assertThat(job.etag()).startsWith("W/");
        assertThat(job.errorDetails()).isEmpty();
        JobExtendedInfo info = job.extendedInfo();
        assertThat(info.additionalDetails()).containsEntry("RetentionTag", "Weekly");
        assertThat(info.dataTransferredInBytes()).isEqualTo(1048576.5);
        assertThat(info.backupInstanceState()).isEqualTo("ProtectionConfigured");
        assertThat(info.recoveryDestination()).isEqualTo("VaultStore");
        assertThat(info.subTasks()).extracting(JobSubTask::taskId, JobSubTask::taskName, JobSubTask::taskStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "Trigger Backup", "Completed"),
                        org.assertj.core.groups.Tuple.tuple(2, "Transfer data to vault", "Completed"));
        assertThat(info.subTasks().get(1).taskProgress()).isEqualTo("100%");
        assertThat(info.subTasks().get(1).additionalDetails()).containsEntry("Bytes", "1048576");
        assertThat(info.warningDetails()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("UserErrorSlowTransfer");
            assertThat(w.isRetryable()).isTrue();
        });
    }

    @Test
    void listPageWithNextLinkAndAFailedJob() {
        AzureBackupJobResourceList page = TestFixtures.read("job-list.json", AzureBackupJobResourceList.class);
        assertThat(page.value()).extracting(j -> j.properties().status().value())
                .containsExactly("InProgress", "Completed", "Failed");
        assertThat(page.nextLink()).contains("$skipToken=page2");
        AzureBackupJob failed = page.value().get(2).properties();
        assertThat(failed.status().isTerminal()).isTrue();
        assertThat(failed.status().isSuccess()).isFalse();
        assertThat(failed.errorDetails()).singleElement().extracting(e -> e.code()).isEqualTo("UserErrorBackupFailed");
    }

    @Test
    void durationsInOtherFormats() {
        assertThat(withDuration("00:00:00").parsedDuration()).contains(Duration.ZERO);
        assertThat(withDuration("01:02:03.5").parsedDuration()).contains(Duration.parse("PT1H2M3.5S"));
        assertThat(withDuration("2.03:00:00").parsedDuration()).contains(Duration.parse("P2DT3H"));
        assertThat(withDuration("soon").parsedDuration()).isEmpty();
        assertThat(withDuration(null).parsedDuration()).isEmpty();
    }

    @Test
    void helperMethodsAreNotWrittenAsJson() {
        String json = AzdpJson.write(withDuration("PT1S"));
        assertThat(json).isEqualTo("{\"duration\":\"PT1S\"}");
    }

    private static AzureBackupJob withDuration(String d) {
        return new AzureBackupJob(null, null, null, null, null, null, null, null, d, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}

package io.azdp.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.azdp.model.AzdpJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobStatusTest {

    @ParameterizedTest(name = "{0}: terminal={1} success={2}")
    @CsvSource({
            "Completed, true, true",
            "completed, true, true",
            "CompletedWithWarnings, true, true",
            "COMPLETEDWITHWARNINGS, true, true",
            "Succeeded, true, true",
            "Failed, true, false",
            "FAILED, true, false",
            "Cancelled, true, false",
            "Canceled, true, false",
            "InProgress, false, false",
            "Inprogress, false, false",
            "Started, false, false",
            "Cancelling, false, false",
            "Paused, false, false"})
    void terminalAndSuccess(String value, boolean terminal, boolean success) {
        JobStatus s = JobStatus.of(value);
        assertThat(s.isTerminal()).isEqualTo(terminal);
        assertThat(s.isSuccess()).isEqualTo(success);
        assertThat(s.value()).isEqualTo(value);
    }

    @Test
    void constantsAndCaseInsensitiveEquality() {
        assertThat(JobStatus.IN_PROGRESS.value()).isEqualTo("InProgress");
        assertThat(JobStatus.COMPLETED.value()).isEqualTo("Completed");
        assertThat(JobStatus.COMPLETED_WITH_WARNINGS.value()).isEqualTo("CompletedWithWarnings");
        assertThat(JobStatus.FAILED.value()).isEqualTo("Failed");
        assertThat(JobStatus.CANCELLED.value()).isEqualTo("Cancelled");
        assertThat(JobStatus.of("inprogress")).isEqualTo(JobStatus.IN_PROGRESS).hasSameHashCodeAs(JobStatus.IN_PROGRESS);
        assertThat(JobStatus.FAILED.isFailed()).isTrue();
        assertThat(JobStatus.CANCELLED.isCancelled()).isTrue();
        assertThat(JobStatus.COMPLETED).isNotEqualTo(JobStatus.FAILED);
        assertThat(JobStatus.of(null)).isNull();
    }

    @Test
    void unknownValueIsPreservedOnWrite() {
        AzureBackupJob job = AzdpJson.read("{\"status\":\"Queued\"}", AzureBackupJob.class);
        assertThat(job.status().isTerminal()).isFalse();
        assertThat(AzdpJson.write(job)).isEqualTo("{\"status\":\"Queued\"}");
    }
}

package io.azdp.model.job;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * {@code AzureBackupJob.status}: an expandable string enum. Terminal: {@code Completed}, {@code CompletedWithWarnings},
 * {@code Failed}, {@code Cancelled} (also {@code Canceled}) and {@code Succeeded} (seen in official examples), all
 * compared case-insensitively. Every other value ({@code InProgress}, {@code Started}, ...) means the job is running.
 * The original spelling is kept and written back.
 */
public final class JobStatus {
    public static final JobStatus IN_PROGRESS = new JobStatus("InProgress");
    public static final JobStatus COMPLETED = new JobStatus("Completed");
    public static final JobStatus COMPLETED_WITH_WARNINGS = new JobStatus("CompletedWithWarnings");
    public static final JobStatus FAILED = new JobStatus("Failed");
    public static final JobStatus CANCELLED = new JobStatus("Cancelled");

    private static final Set<String> SUCCESS = Set.of("completed", "completedwithwarnings", "succeeded");
    private static final Set<String> CANCEL = Set.of("cancelled", "canceled");

    private final String value;
    private final String key;

    private JobStatus(String value) {
        this.value = value;
        this.key = value.toLowerCase(Locale.ROOT);
    }

    /** The status for {@code value}, any spelling. */
    @JsonCreator
    public static JobStatus of(String value) {
        return value == null ? null : new JobStatus(value);
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** Completed, completed with warnings, or succeeded. */
    public boolean isSuccess() {
        return SUCCESS.contains(key);
    }

    public boolean isFailed() {
        return key.equals("failed");
    }

    public boolean isCancelled() {
        return CANCEL.contains(key);
    }

    /** The job has finished (successfully or not); any other value means it is still running. */
    public boolean isTerminal() {
        return isSuccess() || isFailed() || isCancelled();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobStatus other && key.equals(other.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key);
    }

    @Override
    public String toString() {
        return value;
    }
}

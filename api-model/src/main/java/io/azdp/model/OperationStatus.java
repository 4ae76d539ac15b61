package io.azdp.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code OperationResource.status}: an expandable string enum. Terminal values are {@code Succeeded}, {@code Failed} and
 * {@code Canceled} (also the spelling {@code Cancelled}), compared case-insensitively; every other value, including the
 * real service's {@code Inprogress}, means the operation is still running. The original spelling is kept and written back.
 */
public final class OperationStatus {
    public static final OperationStatus SUCCEEDED = new OperationStatus("Succeeded");
    public static final OperationStatus FAILED = new OperationStatus("Failed");
    public static final OperationStatus CANCELED = new OperationStatus("Canceled");
    /** The real service's casing ({@code Inprogress}); {@code InProgress} is equal to it. */
    public static final OperationStatus IN_PROGRESS = new OperationStatus("Inprogress");

    private final String value;
    private final String key;

    private OperationStatus(String value) {
        this.value = value;
        this.key = value.toLowerCase(Locale.ROOT);
    }

    /** The status for {@code value}, any spelling; never {@code null} for a non-null value. */
    @JsonCreator
    public static OperationStatus of(String value) {
        if (value == null) {
            return null;
        }
        return new OperationStatus(value);
    }

    /** The status exactly as received or created. */
    @JsonValue
    public String value() {
        return value;
    }

    public boolean isSucceeded() {
        return key.equals("succeeded");
    }

    public boolean isFailed() {
        return key.equals("failed");
    }

    public boolean isCanceled() {
        return key.equals("canceled") || key.equals("cancelled");
    }

    /** Succeeded, failed or canceled; anything else is still running. */
    public boolean isTerminal() {
        return isSucceeded() || isFailed() || isCanceled();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OperationStatus other && key.equals(other.key);
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

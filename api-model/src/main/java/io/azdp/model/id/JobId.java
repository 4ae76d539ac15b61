package io.azdp.model.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.azdp.model.ValidationException;
import java.util.Locale;
import java.util.Optional;

/**
 * A backup job id as users and the service give it: a bare GUID (spec examples, {@code az} output) or the full ARM id
 * of the job (what the real service puts in {@code OperationJobExtendedInfo.jobId}). {@link #toString()} is the
 * canonical form of the input: the GUID, or the canonical ARM id.
 */
public final class JobId {
    private final String guid;
    private final BackupJobId armId;

    private JobId(String guid, BackupJobId armId) {
        this.guid = guid;
        this.armId = armId;
    }

    /**
     * @throws ValidationException (field {@code jobId}) for anything that is neither a GUID nor a backup job ARM id;
     *         an ARM id of another kind is refused by name ({@link InvalidResourceIdException})
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static JobId parse(String value) {
        if (value == null || value.isBlank()) {
            throw ValidationException.of("jobId", expected(), value);
        }
        String v = value.strip();
        if (v.contains("/")) {
            BackupJobId id = BackupJobId.parse(v);
            return new JobId(id.jobId(), id);
        }
        try {
            return new JobId(ArmNames.requireJobGuid(v), null);
        } catch (ValidationException e) {
            throw ValidationException.of("jobId", expected(), value);
        }
    }

    /** The id of {@code job}. */
    public static JobId of(BackupJobId job) {
        return new JobId(job.jobId(), job);
    }

    private static String expected() {
        return "a job GUID like 3c60cb49-63e8-4b21-b9bd-26277b3fdfae or a backup job ARM id (" + BackupJobId.FORM + ")";
    }

    /** The job's GUID (last segment). */
    public String guid() {
        return guid;
    }

    /** The ARM id, when the input was one. */
    public Optional<BackupJobId> armId() {
        return Optional.ofNullable(armId);
    }

    /**
     * The job's ARM id in {@code vault}. When this id already is an ARM id it is returned as is, provided it names the
     * same vault (compared case-insensitively).
     *
     * @throws ValidationException when this id names a job in another vault
     */
    public BackupJobId toArmId(BackupVaultId vault) {
        if (armId == null) {
            return vault.job(guid);
        }
        if (!armId.vault().sameResource(vault)) {
            throw new ValidationException("jobId", "a job of vault " + vault,
                    "jobId: expected a job of vault " + vault + ", got a job of vault " + armId.vault());
        }
        return armId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobId other && toString().toLowerCase(Locale.ROOT).equals(other.toString().toLowerCase(Locale.ROOT));
    }

    @Override
    public int hashCode() {
        return toString().toLowerCase(Locale.ROOT).hashCode();
    }

    @Override
    @JsonValue
    public String toString() {
        return armId == null ? guid : armId.toString();
    }
}

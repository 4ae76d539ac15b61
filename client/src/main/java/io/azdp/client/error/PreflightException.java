package io.azdp.client.error;

import java.util.Optional;

import io.azdp.model.policy.AdhocBackupOptions;

/**
 * The pre-flight check refused the adhoc backup locally, nothing was sent: the rule is a retention rule or unknown,
 * the retention tag is not one of the rule's, or the instance is not protected. The message names the field and lists
 * the valid choices ({@link #options()}).
 */
public class PreflightException extends ArmException {
    private static final long serialVersionUID = 1L;

    private final transient AdhocBackupOptions options;
    private final String field;

    public PreflightException(String field, String message, AdhocBackupOptions options, Throwable cause) {
        super(message, cause);
        this.field = field;
        this.options = options;
    }

    /** {@code ruleName}, {@code retentionTagOverride} or {@code backupInstance}. */
    public String field() {
        return field;
    }

    /** The rules and tags that would have been accepted, when the policy was read. */
    public Optional<AdhocBackupOptions> options() {
        return Optional.ofNullable(options);
    }
}

package io.azdp.model.policy;

import io.azdp.model.ValidationException;
import io.azdp.model.internal.Immutables;
import java.util.List;

/**
 * A {@code ruleName} or {@code retentionTagOverride} the instance's backup policy does not allow. {@link #field()} is
 * {@code ruleName} or {@code retentionTagOverride}; {@link #validChoices()} the names that would be accepted.
 */
public class InvalidAdhocBackupOptionException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final List<String> validChoices;

    public InvalidAdhocBackupOptionException(String field, String expected, String message, List<String> validChoices) {
        super(field, expected, message);
        this.validChoices = validChoices == null ? List.of() : Immutables.list(validChoices);
    }

    /** The accepted values for {@link #field()}, in policy order. */
    public List<String> validChoices() {
        return validChoices;
    }
}

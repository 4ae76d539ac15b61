package io.azdp.model.id;

import io.azdp.model.ValidationException;

/**
 * A resource id that is not the expected DataProtection id: the message names the bad segment, its position (1-based,
 * counting the segments after the leading '/') and what was expected there, or says which kind of id was expected.
 * {@link #field()} is {@code resourceId}.
 */
public class InvalidResourceIdException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final int position;

    public InvalidResourceIdException(String expected, String message, int position) {
        super("resourceId", expected, message);
        this.position = position;
    }

    /** 1-based segment position of the problem, or 0 when the id as a whole is the problem (wrong type, blank). */
    public int position() {
        return position;
    }
}

package io.azdp.model;

/**
 * JSON that could not be read into the model: {@link #path()} is the JSON path of the bad value
 * ({@code $.backupRuleOptions.ruleName}, {@code $} for the document), {@link #expected()} what was expected there.
 * The message is one line, e.g. {@code $.backupRuleOptions.ruleName: expected a string but got an array}.
 */
public class InvalidJsonException extends ValidationException {
    private static final long serialVersionUID = 1L;

    public InvalidJsonException(String path, String expected, String message) {
        super(path, expected, message);
    }

    /** JSON path of the offending value, e.g. {@code $.value[2].properties.status}. */
    public String path() {
        return field();
    }
}

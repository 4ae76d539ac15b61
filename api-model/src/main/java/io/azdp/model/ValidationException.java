package io.azdp.model;

/**
 * Bad input, found before anything was sent: names the offending {@link #field()} and what was {@link #expected()}.
 * Unchecked. The message is one line, {@code "<field>: expected <rule>, got '<value>'"} unless a subclass says more.
 */
public class ValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final int MAX_VALUE_CHARS = 120;

    private final String field;
    private final String expected;

    /** @param message the complete one-line message */
    public ValidationException(String field, String expected, String message) {
        super(message);
        this.field = field;
        this.expected = expected;
    }

    /** Builds the standard message {@code "<field>: expected <expected>, got '<value>'"}. */
    public static ValidationException of(String field, String expected, String actualValue) {
        return new ValidationException(field, expected, field + ": expected " + expected + ", got " + quote(actualValue));
    }

    /** The input field (option, JSON path, id segment) that was wrong. */
    public String field() {
        return field;
    }

    /** What would have been accepted, in words. */
    public String expected() {
        return expected;
    }

    /** Quotes a user value for a message: {@code 'value'} (shortened, control characters escaped) or {@code null}. */
    public static String quote(String value) {
        return quote(value, MAX_VALUE_CHARS);
    }

    /** {@link #quote(String)} with a custom length limit (resource ids are long and worth showing whole). */
    public static String quote(String value, int maxChars) {
        if (value == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("'");
        int n = Math.min(value.length(), maxChars);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (value.length() > maxChars) {
            sb.append("...");
        }
        return sb.append('\'').toString();
    }
}

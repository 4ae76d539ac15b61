package io.azdp.cli.input;

import io.azdp.cli.common.ExitCode;
import io.azdp.cli.common.CliException;

/**
 * Bad input from a file, stdin or a flag. The message always names the source ({@code file:line} or the flag), the field
 * when there is one, and what was expected.
 */
public final class InputException extends CliException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final String field;
    private final String expected;

    public InputException(String source, String field, String expected) {
        super(ExitCode.USAGE, format(source, field, expected));
        this.source = source;
        this.field = field;
        this.expected = expected;
    }

    private static String format(String source, String field, String expected) {
        StringBuilder sb = new StringBuilder(source);
        if (field != null && !field.isEmpty()) {
            sb.append(": ").append(field);
        }
        sb.append(": ").append(expected);
        return sb.toString();
    }

    public String source() {
        return source;
    }

    public String field() {
        return field;
    }

    public String expected() {
        return expected;
    }
}

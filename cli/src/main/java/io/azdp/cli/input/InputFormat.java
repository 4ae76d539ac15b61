package io.azdp.cli.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One input format (JSON, YAML, CSV, JSON Lines, ...). Implementations are CDI beans discovered through
 * {@code @Inject @Any Instance<InputFormat>} (never {@code java.util.ServiceLoader}, which native images disable), so a new
 * format is one class annotated {@code @Singleton}: no other edits.
 */
public interface InputFormat {

    /** The name used by {@code --input-format}, lower case. */
    String name();

    /** File extensions (without the dot, lower case) that select this format. */
    List<String> extensions();

    /**
     * How sure this format is that {@code content} is written in it: 0 (not at all) to 100. Used when neither
     * {@code --input-format} nor a known extension decides.
     */
    int sniff(String content);

    /** Reads one document (a whole request). Formats that hold only records refuse. */
    default JsonNode readDocument(InputSource source) {
        throw new InputException(source.name(), null,
                "the " + name() + " format holds one record per row, not a single document; use json or yaml here");
    }

    /** Reads records for bulk runs, each with its location ({@code file:line}). */
    List<InputRecord> readRecords(InputSource source);
}

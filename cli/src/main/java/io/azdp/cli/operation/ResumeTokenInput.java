package io.azdp.cli.operation;

import io.azdp.cli.common.CliException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The value of {@code --resume-token}: the token itself, {@code @FILE} or {@code -} (stdin). A token with real signed
 * URLs is some 8.8 KB, over the Windows command-line limit; surrounding white space (a trailing newline) is dropped.
 */
final class ResumeTokenInput {

    private ResumeTokenInput() {
    }

    static String read(String value, InputStream stdin) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.equals("-")) {
            try {
                return nonEmpty(new String(stdin.readAllBytes(), StandardCharsets.UTF_8).strip(), "stdin");
            } catch (IOException e) {
                throw CliException.usage("--resume-token: could not read stdin: " + e.getMessage());
            }
        }
        if (v.startsWith("@")) {
            String file = v.substring(1);
            try {
                return nonEmpty(Files.readString(Path.of(file), StandardCharsets.UTF_8).strip(), "'" + file + "'");
            } catch (NoSuchFileException e) {
                throw CliException.usage("--resume-token: file '" + file + "' does not exist");
            } catch (IOException | java.nio.file.InvalidPathException e) {
                throw CliException.usage("--resume-token: could not read '" + file + "': " + e.getMessage());
            }
        }
        return v;
    }

    private static String nonEmpty(String token, String where) {
        if (token.isEmpty()) {
            throw CliException.usage("--resume-token: expected a resume token in " + where + ", got nothing");
        }
        return token;
    }
}

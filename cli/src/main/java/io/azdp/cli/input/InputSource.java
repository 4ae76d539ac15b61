package io.azdp.cli.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Text read from a file, stdin or a flag, with the name errors refer to ({@code instances.csv}, {@code <stdin>},
 * {@code --json-string}).
 */
public record InputSource(String name, String text, Optional<String> extension) {

    public static final String STDIN = "-";

    public static InputSource ofFlag(String flag, String text) {
        return new InputSource(flag, text == null ? "" : text, Optional.empty());
    }

    /** Reads {@code pathOrDash}; {@code -} reads {@code stdin}. {@code flag} names the option for error messages. */
    public static InputSource read(String flag, String pathOrDash, InputStream stdin) {
        if (pathOrDash == null || pathOrDash.isBlank()) {
            throw new InputException(flag, null, "expected a file path or '-' for stdin, got an empty value");
        }
        if (STDIN.equals(pathOrDash)) {
            try {
                return new InputSource("<stdin>", new String(stdin.readAllBytes(), StandardCharsets.UTF_8), Optional.empty());
            } catch (IOException e) {
                throw new InputException(flag, null, "could not read stdin: " + e.getMessage());
            }
        }
        Path path = Path.of(pathOrDash);
        try {
            if (Files.isDirectory(path)) {
                throw new InputException(flag, null, "expected a file but '" + pathOrDash + "' is a directory");
            }
            String text = Files.readString(path, StandardCharsets.UTF_8);
            return new InputSource(pathOrDash, text, extensionOf(pathOrDash));
        } catch (NoSuchFileException e) {
            throw new InputException(flag, null, "file '" + pathOrDash + "' does not exist");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputException(pathOrDash, null, "expected UTF-8 text");
        } catch (IOException e) {
            throw new InputException(flag, null, "could not read '" + pathOrDash + "': " + e.getMessage());
        }
    }

    static Optional<String> extensionOf(String path) {
        String fileName = Path.of(path).getFileName() == null ? path : Path.of(path).getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** {@code name:line} for error messages. */
    public String at(int line) {
        return line > 0 ? name + ":" + line : name;
    }
}

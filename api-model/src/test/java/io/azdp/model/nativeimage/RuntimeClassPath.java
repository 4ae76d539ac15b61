package io.azdp.model.nativeimage;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The application's run-time class path, which is what a native build sees, as opposed to the test class path the
 * check runs on (it adds {@code target/test-classes} and every test-scoped jar). Maven writes it: the parent pom's
 * {@code runtime-classpath} execution of {@code maven-dependency-plugin} ({@code build-classpath},
 * {@code includeScope=runtime}, in {@code generate-test-resources}) puts the compile and runtime dependencies, in
 * class-path order, into {@code target/runtime-classpath.txt} of every module that declares the plugin. The module's
 * own output directory ({@code classes} next to that file) comes first. As a second guard, a {@code test-classes}
 * directory or a {@code -tests.jar} (a test-jar) is never taken, even if listed.
 */
public final class RuntimeClassPath {
    /** Where Maven writes the list, relative to the module directory (the tests' working directory). */
    public static final Path FILE = Path.of("target/runtime-classpath.txt");

    private RuntimeClassPath() {
    }

    /** The module's output directory and the dependencies listed in {@code file}, test-scoped entries left out. */
    public static List<Path> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file.toAbsolutePath() + " not found: maven-dependency-plugin's"
                    + " runtime-classpath execution writes it (declare the plugin in the module's pom; the execution is"
                    + " in the parent pom); run the test through Maven");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Path> out = new ArrayList<>();
        Path own = file.toAbsolutePath().getParent().resolve("classes");
        out.add(own);
        for (String s : text.split(File.pathSeparator)) {
            if (!s.isBlank()) {
                Path p = Path.of(s.strip());
                if (!testScoped(p) && !out.contains(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** A test output directory or a test-jar: never part of what the native image is built from. */
    static boolean testScoped(Path entry) {
        Path name = entry.getFileName();
        return name != null && (name.toString().equals("test-classes") || name.toString().endsWith("-tests.jar"));
    }
}

package io.azdp.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Which emulator the tests run: the JVM jar, or the native executable a {@code -Dnative} build leaves. */
class AzdpMockLocationTest {

    @Test
    void theArtifactTheLastBuildNamesIsTheOneRun(@TempDir Path target) throws IOException {
        assertThat(AzdpMockServer.builtArtifact(target)).isEmpty();

        Path runner = executable(target.resolve("azdp-mock-server-0.1.0-SNAPSHOT-runner"), "#!/bin/sh\n");
        Files.writeString(target.resolve("quarkus-artifact.properties"),
                "path=azdp-mock-server-0.1.0-SNAPSHOT-runner\ntype=native\n");
        assertThat(AzdpMockServer.builtArtifact(target)).contains(runner);

        Files.writeString(target.resolve("quarkus-artifact.properties"), "path=quarkus-app/quarkus-run.jar\ntype=jar\n");
        assertThat(AzdpMockServer.builtArtifact(target)).as("named but not built").isEmpty();
        Path jar = Files.createDirectories(target.resolve("quarkus-app")).resolve("quarkus-run.jar");
        Files.writeString(jar, "");
        assertThat(AzdpMockServer.builtArtifact(target)).contains(jar);

        Files.writeString(target.resolve("quarkus-artifact.properties"), "path=x.jar\ntype=native-sources\n");
        assertThat(AzdpMockServer.builtArtifact(target)).as("native sources are not runnable").isEmpty();
    }

    /**
     * A path that is not a jar is started as the native executable, with the settings as {@code -D} arguments: here
     * a stand-in script that hands them to the JVM emulator.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void anExecutableIsStartedDirectlyWithTheSettingsAsArguments(@TempDir Path dir) throws Exception {
        Path jar = AzdpMockServer.locateJar();
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Path fake = executable(dir.resolve("azdp-mock-runner"),
                "#!/bin/sh\nexec '" + javaBin + "' \"$@\" -jar '" + jar.toAbsolutePath() + "'\n");
        try (AzdpMockServer mock = AzdpMockServer.builder().jar(fake).property("azdp.mock.clock.mode", "virtual")
                .startTimeout(Duration.ofSeconds(120)).start()) {
            HttpResponse<String> clock = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/_mock/clock")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(clock.body()).contains("\"mode\":\"virtual\"");
        }
    }

    private static Path executable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}

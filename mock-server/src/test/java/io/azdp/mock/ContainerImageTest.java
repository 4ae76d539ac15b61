package io.azdp.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The container image definition (src/main/docker/Dockerfile.jvm) agrees with the emulator: no container engine runs
 * in this build, so its instructions are read and checked against the packaged layout, the default ports, the health
 * path and the documented settings.
 */
class ContainerImageTest {

    private static final Path DOCKERFILE = Path.of("src/main/docker/Dockerfile.jvm");
    private static final List<String[]> INSTRUCTIONS = new ArrayList<>();

    @BeforeAll
    static void read() throws IOException {
        String joined = String.join("\n", Files.readAllLines(DOCKERFILE)).replaceAll("\\\\\n\\s*", " ");
        for (String line : joined.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                int space = t.indexOf(' ');
                INSTRUCTIONS.add(new String[] {t.substring(0, space).toUpperCase(Locale.ROOT), t.substring(space + 1)});
            }
        }
    }

    private static List<String> all(String instruction) {
        return INSTRUCTIONS.stream().filter(i -> i[0].equals(instruction)).map(i -> i[1]).toList();
    }

    private static String one(String instruction) {
        List<String> found = all(instruction);
        assertThat(found).as(instruction).hasSize(1);
        return found.get(0);
    }

    private static Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        Matcher m = Pattern.compile("([A-Z_]+)=(\\S+)").matcher(String.join(" ", all("ENV")));
        while (m.find()) {
            env.put(m.group(1), m.group(2));
        }
        return env;
    }

    private static Properties applicationProperties() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            p.load(in);
        }
        return p;
    }

    @Test
    void exposesTheDefaultHttpAndHttpsPortsAndListensBeyondLoopback() throws IOException {
        Map<String, String> env = env();
        String httpPort = applicationProperties().getProperty("quarkus.http.port");
        assertThat(env).containsEntry("QUARKUS_HTTP_HOST", "0.0.0.0").containsEntry("QUARKUS_HTTP_PORT", httpPort)
                .containsEntry("AZDP_MOCK_HTTPS_PORT", "8443");
        assertThat(one("EXPOSE").split("\\s+")).containsExactly(httpPort, "8443");
    }

    @Test
    void healthCheckAsksTheReadinessEndpointOnTheHttpPortWithoutCurl() throws IOException {
        String health = one("HEALTHCHECK");
        assertThat(health).contains("CMD [\"bash\", \"-c\"").contains("/dev/tcp/127.0.0.1/"
                + applicationProperties().getProperty("quarkus.http.port")).contains("GET /q/health/ready")
                .contains("--start-period=").doesNotContain("curl");
    }

    @Test
    void entrypointRunsThePackagedJarAsANonRootUser() {
        assertThat(one("ENTRYPOINT")).startsWith("[\"java\"").endsWith("\"-jar\", \"/deployments/quarkus-run.jar\"]");
        assertThat(one("USER")).isEqualTo("185");
        assertThat(one("FROM")).matches("\\S+:17-jre\\S*");
        // the fast-jar layout Quarkus packages into target/quarkus-app
        assertThat(all("COPY")).extracting(c -> c.split("\\s+")[1]).containsExactly("target/quarkus-app/lib/",
                "target/quarkus-app/*.jar", "target/quarkus-app/app/", "target/quarkus-app/quarkus/");
    }

    @Test
    void everyEmulatorSettingItSetsIsADocumentedKey() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (String name : env().keySet()) {
            if (name.startsWith("AZDP_MOCK_")) {
                String key = "azdp.mock." + name.substring("AZDP_MOCK_".length()).toLowerCase(Locale.ROOT)
                        .replace("https_", "https.").replace('_', '-');
                assertThat(readme).as(name).contains("`" + key + "`");
            }
        }
        assertThat(env()).containsKeys("AZDP_MOCK_HTTPS_HOSTNAMES", "AZDP_MOCK_HTTPS_CERTIFICATE_FILE");
    }
}

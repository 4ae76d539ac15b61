package io.azdp.mock.https;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * When {@code azdp.mock.https.enabled=true}, turns on Quarkus' HTTPS listener next to HTTP: with the keystore given in
 * {@code azdp.mock.https.key-store-file}, or with a self-signed certificate for localhost / 127.0.0.1 generated at
 * start (JDK {@code keytool}) into a temporary PKCS12 keystore. The certificate is served at
 * {@code GET /_mock/https/certificate} so tests can trust it.
 */
public class HttpsConfigSourceFactory implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!"true".equalsIgnoreCase(value(context, "azdp.mock.https.enabled", "false"))) {
            return List.of();
        }
        String file = value(context, "azdp.mock.https.key-store-file", null);
        String password = value(context, "azdp.mock.https.key-store-password", null);
        if (file == null) {
            password = UUID.randomUUID().toString();
            file = generate(password).toString();
        }
        HttpsMaterial.remember(Path.of(file), password);
        Map<String, String> props = new HashMap<>();
        props.put("quarkus.http.ssl.certificate.key-store-file", file);
        props.put("quarkus.http.ssl.certificate.key-store-file-type", "PKCS12");
        if (password != null) {
            props.put("quarkus.http.ssl.certificate.key-store-password", password);
        }
        props.put("quarkus.http.ssl-port", value(context, "azdp.mock.https.port", "8443"));
        props.put("quarkus.http.insecure-requests", "enabled");
        return List.of(new PropertiesConfigSource(props, "azdp-mock-https", 275));
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue v = context.getValue(name);
        return v == null || v.getValue() == null || v.getValue().isBlank() ? fallback : v.getValue();
    }

    private static Path generate(String password) {
        try {
            Path dir = Files.createTempDirectory("azdp-mock-tls");
            Path keystore = dir.resolve("azdp-mock.p12");
            // a native emulator has no java.home: the JDK's keytool from JAVA_HOME, or the one on the PATH
            String home = System.getProperty("java.home", System.getenv("JAVA_HOME"));
            Path keytool = home == null ? Path.of("keytool") : Path.of(home, "bin", "keytool");
            Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "azdp-mock", "-keyalg", "RSA",
                    "-keysize", "2048", "-validity", "825", "-dname", "CN=localhost, O=azdp-mock",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:0:0:0:0:0:0:0:1", "-storetype", "PKCS12",
                    "-keystore", keystore.toString(), "-storepass", password, "-keypass", password)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("azdp.mock.https.enabled: keytool could not generate a certificate"
                        + " (see " + dir.resolve("keytool.log") + "); set azdp.mock.https.key-store-file instead");
            }
            keystore.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return keystore;
        } catch (IOException e) {
            throw new IllegalStateException("azdp.mock.https.enabled: cannot run keytool: " + e.getMessage()
                    + "; set azdp.mock.https.key-store-file instead", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating the HTTPS certificate", e);
        }
    }
}

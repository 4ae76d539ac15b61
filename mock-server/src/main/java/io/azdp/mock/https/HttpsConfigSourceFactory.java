package io.azdp.mock.https;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * HTTPS next to HTTP, on by default ({@code azdp.mock.https.enabled=false} turns it off): with the keystore given in
 * {@code azdp.mock.https.key-store-file}, or with a self-signed certificate for localhost / 127.0.0.1 / ::1 (and
 * {@code azdp.mock.https.hostnames}) that {@link HttpsMaterial} generates once and reuses. The certificate is written
 * as PEM to {@code azdp.mock.https.certificate-file} (default: {@code azdp-mock.pem} beside the cached keystore) and
 * served at {@code GET /_mock/https/certificate}, so SDKs and tools can trust it.
 */
public class HttpsConfigSourceFactory implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!"true".equalsIgnoreCase(value(context, "azdp.mock.https.enabled", "true"))) {
            // the build runs this factory too, and Quarkus records what it saw as defaults of the packaged app: an
            // empty value of higher ordinal masks those, so HTTPS really stays off
            Map<String, String> off = new HashMap<>();
            off.put("quarkus.http.ssl.certificate.key-store-file", "");
            off.put("quarkus.http.ssl.certificate.key-store-password", "");
            return List.of(new PropertiesConfigSource(off, "azdp-mock-https-off", 275));
        }
        String file = value(context, "azdp.mock.https.key-store-file", null);
        String password = value(context, "azdp.mock.https.key-store-password", null);
        String exportTo = value(context, "azdp.mock.https.certificate-file", null);
        Path beside = null;
        if (file == null) {
            Path dir = Path.of(value(context, "azdp.mock.https.dir", defaultDirectory()));
            List<String> hostnames = List.of(value(context, "azdp.mock.https.hostnames", "").split(","));
            HttpsMaterial.Keystore generated = HttpsMaterial.selfSigned(dir, hostnames);
            file = generated.file().toString();
            password = generated.password();
            beside = generated.file().resolveSibling(HttpsMaterial.PEM);
        }
        HttpsMaterial.remember(new HttpsMaterial.Keystore(Path.of(file), password), beside,
                Optional.ofNullable(exportTo).map(Path::of));
        Map<String, String> props = new HashMap<>();
        props.put("quarkus.http.ssl.certificate.key-store-file", file);
        props.put("quarkus.http.ssl.certificate.key-store-file-type", "PKCS12");
        if (password != null) {
            props.put("quarkus.http.ssl.certificate.key-store-password", password);
        }
        // a random HTTP port (tests, the build's training runs) means a random HTTPS port too, so parallel
        // emulators never fight over 8443
        String httpPort = value(context, "quarkus.http.port", "8089");
        props.put("quarkus.http.ssl-port", value(context, "azdp.mock.https.port", "0".equals(httpPort) ? "0" : "8443"));
        props.put("quarkus.http.insecure-requests", "enabled");
        return List.of(new PropertiesConfigSource(props, "azdp-mock-https", 275));
    }

    /** The private cache directory of the generated certificate: {@code <java.io.tmpdir>/azdp-mock-tls-<user>}. */
    static String defaultDirectory() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "azdp-mock-tls-" + user).toString();
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue v = context.getValue(name);
        return v == null || v.getValue() == null || v.getValue().isBlank() ? fallback : v.getValue();
    }
}

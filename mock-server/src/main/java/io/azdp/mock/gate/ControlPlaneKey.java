package io.azdp.mock.gate;

import io.azdp.model.mock.ControlPlane;
import io.azdp.mock.MockConfig;
import io.azdp.mock.error.ArmException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Guards the {@code /_mock} control plane, which can mint tokens, switch authentication off and rewrite state. On
 * loopback (the default bind address) it is open unless {@code azdp.mock.admin-key} is set. Bound beyond loopback,
 * a key is always required: the configured one, or a random one generated and printed at start. Requests carry it in
 * {@value #HEADER}.
 */
@ApplicationScoped
public class ControlPlaneKey {

    public static final String HEADER = ControlPlane.KEY_HEADER;
    private static final Logger LOG = Logger.getLogger(ControlPlaneKey.class);

    private final String host;
    private final boolean loopback;
    private final boolean configured;
    private final byte[] key;

    public ControlPlaneKey(MockConfig config) {
        this.host = ConfigProvider.getConfig().getOptionalValue("quarkus.http.host", String.class).orElse("0.0.0.0");
        this.loopback = isLoopback(host);
        this.configured = config.adminKey().filter(k -> !k.isBlank()).isPresent();
        String k = configured ? config.adminKey().get() : loopback ? null : generate();
        this.key = k == null ? null : k.getBytes(StandardCharsets.UTF_8);
    }

    void announce(@Observes StartupEvent event) {
        if (loopback) {
            return;
        }
        String how = configured ? "the key set in azdp.mock.admin-key"
                : "this key, generated at start: " + new String(key, StandardCharsets.UTF_8);
        LOG.warnf("azdp-mock listens beyond loopback (quarkus.http.host=%s): anyone who can reach this port can call it."
                + " The /_mock control plane needs header %s with %s", host, HEADER, how);
    }

    /** Whether requests to /_mock must carry the key. */
    public boolean required() {
        return key != null;
    }

    /** Throws a 401 CloudError unless {@code presented} is the key (or no key is required). */
    void check(String presented) {
        if (key == null) {
            return;
        }
        if (presented == null || !MessageDigest.isEqual(key, presented.getBytes(StandardCharsets.UTF_8))) {
            throw new ArmException(401, "AuthenticationFailed", "The /_mock control plane needs header " + HEADER
                    + " with the control-plane key (azdp.mock.admin-key, or the key azdp-mock printed at start when"
                    + " it listens beyond loopback); " + (presented == null ? "none was sent." : "the one sent is wrong."));
        }
    }

    static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

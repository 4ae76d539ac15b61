package io.azdp.mock.https;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Enumeration;
import java.util.Optional;

/** The keystore HTTPS serves with, remembered at config time so the control plane can hand out its certificate. */
public final class HttpsMaterial {

    private static volatile Path keystore;
    private static volatile String password;

    private HttpsMaterial() {
    }

    static void remember(Path file, String pass) {
        keystore = file;
        password = pass;
    }

    /** The server certificate as PEM, when HTTPS is on. */
    public static Optional<String> certificatePem() {
        Path file = keystore;
        if (file == null) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password == null ? null : password.toCharArray());
            Enumeration<String> aliases = ks.aliases();
            while (aliases.hasMoreElements()) {
                Certificate cert = ks.getCertificate(aliases.nextElement());
                if (cert != null) {
                    return Optional.of("-----BEGIN CERTIFICATE-----\n"
                            + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded())
                            + "\n-----END CERTIFICATE-----\n");
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the HTTPS keystore: " + e.getMessage(), e);
        }
    }
}

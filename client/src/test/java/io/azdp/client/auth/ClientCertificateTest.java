package io.azdp.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The client assertion's JOSE header: x5t always, x5c (the certificate chain) only when asked for (issue 12). */
class ClientCertificateTest {
    private static final String PASSWORD = "test-pass";
    private static final URI TOKEN_URL = URI.create("https://login.example/tenant/oauth2/v2.0/token");

    @TempDir
    static Path dir;
    static Path pfx;
    static Certificate certificate;

    @BeforeAll
    static void keyPair() throws Exception {
        pfx = dir.resolve("client.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "client", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=azdp-test", "-validity", "2", "-storetype", "PKCS12", "-keystore", pfx.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pfx)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        certificate = ks.getCertificate("client");
    }

    private static JsonNode header(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
    }

    @Test
    void theChainIsSentAsX5cOnlyWhenAskedFor() throws Exception {
        String thumbprint = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));

        JsonNode withChain = header(ClientCertificate.load(pfx, PASSWORD, true)
                .assertion("client-id", TOKEN_URL, Instant.now()));
        assertThat(withChain.path("alg").asText()).isEqualTo("RS256");
        assertThat(withChain.path("x5t").asText()).isEqualTo(thumbprint);
        assertThat(withChain.path("x5c").isArray()).as(withChain.toString()).isTrue();
        assertThat(withChain.path("x5c").get(0).asText())
                .isEqualTo(Base64.getEncoder().encodeToString(certificate.getEncoded()));

        JsonNode without = header(ClientCertificate.load(pfx, PASSWORD, false)
                .assertion("client-id", TOKEN_URL, Instant.now()));
        assertThat(without.path("x5t").asText()).isEqualTo(thumbprint);
        assertThat(without.has("x5c")).as(without.toString()).isFalse();
    }
}

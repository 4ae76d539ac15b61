package io.azdp.mock.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.azdp.mock.MockConfig;
import io.azdp.mock.lro.MockClock;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Checks signed client assertions as Entra ID does, with jose4j: a certificate assertion ({@code iss} = {@code sub} =
 * the client id, signed with the private key of a certificate registered for that client, found by its {@code x5t} /
 * {@code x5t#S256} thumbprint) or a federated assertion (workload identity: {@code iss}/{@code sub} of a federated
 * credential of the client, audience {@code api://AzureADTokenExchange}, signed by the issuer's key). A fake signature,
 * an unknown key, an expired assertion or an unmatched federated record is refused with Entra's AADSTS code.
 */
@ApplicationScoped
public class ClientAssertions {

    /** The built-in demo certificate (private key and certificate, public like the demo secret). */
    public static final String DEMO_CERTIFICATE = "azdp-mock-client-certificate.pem";
    public static final String FEDERATION_AUDIENCE = "api://AzureADTokenExchange";
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final long SKEW = 300;

    private final MockConfig config;
    private final MockClock clock;
    private final TokenService tokens;
    private final ObjectMapper json = new ObjectMapper();
    private final String demoPem;
    private final Map<String, List<X509Certificate>> certificates = new LinkedHashMap<>();
    private final List<FederatedCredential> federated = new ArrayList<>();

    /** A federated identity credential: assertions from {@code issuer} about {@code subject} for {@code clientId}. */
    record FederatedCredential(String clientId, String issuer, String subject, PublicKey key) {
    }

    /** Why an assertion is refused: HTTP status, OAuth error, AADSTS code and description. */
    public record Refusal(int status, String error, int aadsts, String description) {
    }

    /** A checked assertion: the client it authenticates, or why it is refused. */
    public record Outcome(String clientId, Refusal refusal) {
    }

    public ClientAssertions(MockConfig config, MockClock clock, TokenService tokens) {
        this.config = config;
        this.clock = clock;
        this.tokens = tokens;
        this.demoPem = readDemo();
        certificates.computeIfAbsent(config.auth().clientId(), k -> new ArrayList<>()).addAll(certificates(demoPem,
                DEMO_CERTIFICATE));
        config.auth().certificates().forEach((client, file) -> certificates.computeIfAbsent(client,
                k -> new ArrayList<>()).addAll(certificates(read(file), file)));
        config.auth().federated().forEach((client, f) -> federated.add(new FederatedCredential(client, f.issuer(),
                f.subject(), publicKey(read(f.keyFile()), f.keyFile()))));
    }

    /** PEM of the demo certificate and its private key, for tests and demos (GET /_mock/auth/client-certificate). */
    public String demoCertificatePem() {
        return demoPem;
    }

    /** The thumbprints (SHA-1, hex) of the certificates registered for each client. */
    public Map<String, List<String>> registered() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        certificates.forEach((client, certs) -> out.put(client, certs.stream().map(c -> hex(digest("SHA-1", c)))
                .toList()));
        return out;
    }

    /**
     * Checks {@code assertion}, sent with form parameter {@code clientId} (may be null for a certificate assertion,
     * whose {@code sub} names the client).
     */
    public Outcome check(String clientId, String assertion) {
        JsonWebSignature jws;
        JsonNode claims;
        try {
            jws = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(assertion);
            claims = json.readTree(jws.getUnverifiedPayload());
        } catch (JoseException | IOException | ClassCastException e) {
            return refuse(400, "invalid_client", 50027, "Invalid JWT token in client_assertion: it is not a signed JWT.");
        }
        String iss = claims.path("iss").asText("");
        String sub = claims.path("sub").asText("");
        long now = clock.now().getEpochSecond();
        long exp = claims.path("exp").asLong(0);
        long nbf = claims.path("nbf").asLong(0);
        if (exp == 0 || exp + SKEW < now || nbf > now + SKEW) {
            return refuse(401, "invalid_client", 700024, "Client assertion is not within its valid time range. Current"
                    + " time: " + clock.now() + ", assertion valid from " + java.time.Instant.ofEpochSecond(nbf)
                    + ", expiry time of assertion " + java.time.Instant.ofEpochSecond(exp) + ".");
        }
        List<FederatedCredential> fromIssuer = federatedCredentials().stream().filter(f -> f.issuer().equals(iss))
                .toList();
        if (!fromIssuer.isEmpty()) {
            return federated(clientId, iss, sub, claims, assertion, fromIssuer);
        }
        String client = clientId == null || clientId.isBlank() ? sub : clientId;
        if (!iss.equals(client) || !sub.equals(client)) {
            return refuse(401, "invalid_client", 700021, "Client assertion application identifier doesn't match"
                    + " 'client_id' parameter. Review the documentation at https://aka.ms/certCredentials. (iss '" + iss
                    + "', sub '" + sub + "', client_id '" + client + "'; a federated assertion needs an issuer the"
                    + " app trusts.)");
        }
        if (!tokens.clients().containsKey(client) && !certificates.containsKey(client)) {
            return refuse(400, "unauthorized_client", 700016, "Application with identifier '" + client
                    + "' was not found in the directory '" + tokens.tenantId() + "'.");
        }
        String thumbprint = thumbprint(jws);
        List<X509Certificate> certs = certificates.getOrDefault(client, List.of());
        List<X509Certificate> candidates = thumbprint == null ? certs : certs.stream()
                .filter(c -> thumbprint.equalsIgnoreCase(hex(digest("SHA-1", c)))
                        || thumbprint.equalsIgnoreCase(hex(digest("SHA-256", c))))
                .toList();
        if (candidates.isEmpty()) {
            return refuse(401, "invalid_client", 700027, "Client assertion contains an invalid signature. [Reason -"
                    + " The key was not found., Thumbprint of key used by client: '" + thumbprint + "', Please visit"
                    + " the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '"
                    + client + "'.]");
        }
        for (X509Certificate c : candidates) {
            if (verified(assertion, c.getPublicKey())) {
                return new Outcome(client, null);
            }
        }
        return refuse(401, "invalid_client", 700027, "Client assertion contains an invalid signature. [Reason - The"
                + " provided signature value did not match the expected signature value., Thumbprint of key used by"
                + " client: '" + thumbprint + "']");
    }

    private Outcome federated(String clientId, String iss, String sub, JsonNode claims, String assertion,
            List<FederatedCredential> fromIssuer) {
        if (clientId == null || clientId.isBlank()) {
            return refuse(400, "invalid_request", 900144, "The request body must contain the following parameter:"
                    + " 'client_id'.");
        }
        boolean audienceOk = false;
        JsonNode aud = claims.path("aud");
        for (JsonNode a : aud.isArray() ? aud : json.createArrayNode().add(aud)) {
            audienceOk |= FEDERATION_AUDIENCE.equals(a.asText());
        }
        FederatedCredential match = fromIssuer.stream()
                .filter(f -> f.clientId().equals(clientId) && f.subject().equals(sub)).findFirst().orElse(null);
        if (match == null || !audienceOk) {
            return refuse(400, "invalid_client", 70021, "No matching federated identity record found for presented"
                    + " assertion. Assertion Issuer: '" + iss + "'. Assertion Subject: '" + sub + "'. Assertion"
                    + " Audience: '" + (aud.isArray() ? aud.toString() : aud.asText()) + "'.");
        }
        if (!verified(assertion, match.key())) {
            return refuse(401, "invalid_client", 700027, "Client assertion contains an invalid signature. [Reason -"
                    + " The provided signature value did not match the expected signature value., Issuer: '" + iss
                    + "']");
        }
        return new Outcome(clientId, null);
    }

    /** The built-in federated credential (signed by the emulator's own key) and the configured ones. */
    private List<FederatedCredential> federatedCredentials() {
        List<FederatedCredential> all = new ArrayList<>(federated);
        all.add(new FederatedCredential(config.auth().clientId(), config.auth().federationIssuer(),
                config.auth().federationSubject(), tokens.publicKey()));
        return all;
    }

    private static boolean verified(String compact, PublicKey key) {
        try {
            JsonWebSignature copy = (JsonWebSignature) JsonWebSignature.fromCompactSerialization(compact);
            copy.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_PSS_USING_SHA256,
                    AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256));
            copy.setKey(key);
            return copy.verifySignature();
        } catch (JoseException e) {
            return false;
        }
    }

    /** The thumbprint the assertion names, hex: x5t#S256, x5t, or the leaf of x5c; null when none. */
    private static String thumbprint(JsonWebSignature jws) {
        String t = jws.getHeader("x5t#S256");
        if (t == null) {
            t = jws.getHeader("x5t");
        }
        if (t != null) {
            try {
                return hex(Base64.getUrlDecoder().decode(t));
            } catch (IllegalArgumentException e) {
                return t;
            }
        }
        try {
            List<X509Certificate> chain = jws.getCertificateChainHeaderValue();
            return chain == null || chain.isEmpty() ? null : hex(digest("SHA-1", chain.get(0)));
        } catch (JoseException e) {
            return null;
        }
    }

    static byte[] digest(String algorithm, X509Certificate c) {
        try {
            return MessageDigest.getInstance(algorithm).digest(c.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        for (byte x : bytes) {
            b.append(String.format("%02X", x));
        }
        return b.toString();
    }

    private static Outcome refuse(int status, String error, int aadsts, String description) {
        return new Outcome(null, new Refusal(status, error, aadsts, description));
    }

    private static String readDemo() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DEMO_CERTIFICATE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEMO_CERTIFICATE);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEMO_CERTIFICATE, e);
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("azdp.mock.auth: cannot read the PEM file '" + file + "': " + e, e);
        }
    }

    /** Every CERTIFICATE block of a PEM text. */
    static List<X509Certificate> certificates(String pem, String origin) {
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = PEM.matcher(pem);
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            while (m.find()) {
                if (m.group(1).equals("CERTIFICATE")) {
                    out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der(m.group(2)))));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("azdp.mock.auth: '" + origin + "' holds an unreadable certificate", e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("azdp.mock.auth: '" + origin + "' holds no PEM CERTIFICATE");
        }
        return out;
    }

    /** The first PUBLIC KEY or CERTIFICATE of a PEM text. */
    static PublicKey publicKey(String pem, String origin) {
        Matcher m = PEM.matcher(pem);
        while (m.find()) {
            if (m.group(1).equals("PUBLIC KEY")) {
                for (String alg : List.of("RSA", "EC")) {
                    try {
                        return KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(der(m.group(2))));
                    } catch (GeneralSecurityException e) {
                        // try the next algorithm
                    }
                }
            }
        }
        return certificates(pem, origin).get(0).getPublicKey();
    }

    private static byte[] der(String base64) {
        return Base64.getMimeDecoder().decode(base64.replaceAll("\\s", ""));
    }
}

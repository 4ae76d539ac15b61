package io.azdp.mock.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.azdp.mock.MockConfig;
import io.azdp.mock.lro.MockClock;
import io.smallrye.jwt.build.Jwt;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues RS256 access tokens signed with a key pair generated at start, and checks bearer tokens on ARM calls.
 * Tokens and secrets are never logged.
 */
@ApplicationScoped
@Startup
public class TokenService {

    public static final String ARM_AUDIENCE = "https://management.azure.com/";
    private static final Set<String> AUDIENCES = Set.of("https://management.azure.com/", "https://management.azure.com",
            "https://management.core.windows.net/", "https://management.core.windows.net");

    private final MockConfig config;
    private final MockClock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final CompletableFuture<KeyPair> keyPair;
    private final String keyId = "azdp-mock-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(long exp, String clientId) {
    }
    private volatile String mode;
    private volatile String role;

    public TokenService(MockConfig config, MockClock clock) {
        this.config = config;
        this.clock = clock;
        // generated off the start-up path; the first token request or check waits for it
        this.keyPair = CompletableFuture.supplyAsync(TokenService::generateKeyPair);
        resetSettings();
    }

    private static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            return gen.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the token signing key", e);
        }
    }

    private KeyPair keys() {
        return keyPair.join();
    }

    /** Back to the configured auth mode and role. */
    public final void resetSettings() {
        this.mode = normalizeMode(config.auth().mode());
        this.role = normalizeRole(config.auth().role());
        verified.clear();
    }

    public static String normalizeMode(String mode) {
        String m = mode.toLowerCase(Locale.ROOT);
        if (!Set.of("jwt", "any-token", "none").contains(m)) {
            throw new IllegalArgumentException("auth mode: expected jwt|any-token|none, got '" + mode + "'");
        }
        return m;
    }

    public static String normalizeRole(String role) {
        String r = role.toLowerCase(Locale.ROOT);
        if (!Set.of("contributor", "reader", "none").contains(r)) {
            throw new IllegalArgumentException("auth role: expected contributor|reader|none, got '" + role + "'");
        }
        return r;
    }

    public String mode() {
        return mode;
    }

    public void mode(String mode) {
        this.mode = normalizeMode(mode);
    }

    public String role() {
        return role;
    }

    public void role(String role) {
        this.role = normalizeRole(role);
    }

    public String tenantId() {
        return config.auth().tenantId();
    }

    public String keyId() {
        return keyId;
    }

    /** Configured client id -> secret pairs (the main pair plus azdp.mock.auth.clients.*). */
    public Map<String, String> clients() {
        Map<String, String> all = new LinkedHashMap<>(config.auth().clients());
        all.put(config.auth().clientId(), config.auth().clientSecret());
        return all;
    }

    /** An access token for ARM for {@code clientId}, valid for the configured lifetime from the mock clock's now. */
    public String issue(String clientId, String issuer, String audience) {
        return issue(clientId, issuer, audience, config.auth().tokenLifetime().toSeconds());
    }

    /** As {@link #issue(String, String, String)} with an explicit lifetime (negative: already expired). */
    public String issue(String clientId, String issuer, String audience, long lifetime) {
        Instant now = clock.now();
        return Jwt.claims()
                .issuer(issuer)
                .audience(audience)
                .subject(clientId)
                .claim("appid", clientId)
                .claim("azp", clientId)
                .claim("oid", UUID.nameUUIDFromBytes(clientId.getBytes(StandardCharsets.UTF_8)).toString())
                .claim("tid", tenantId())
                .claim("ver", "2.0")
                .issuedAt(Math.min(now.getEpochSecond(), now.getEpochSecond() + lifetime - 1))
                .claim("nbf", Math.min(now.getEpochSecond(), now.getEpochSecond() + lifetime) - 300)
                .expiresAt(now.getEpochSecond() + lifetime)
                .jws()
                .keyId(keyId)
                .sign(keys().getPrivate());
    }

    /** The public half of the signing key (the built-in federation issuer signs with it too). */
    public java.security.PublicKey publicKey() {
        return keys().getPublic();
    }

    /**
     * A federated token as a workload-identity issuer (AKS, GitHub Actions) would write to
     * {@code AZURE_FEDERATED_TOKEN_FILE}: issuer {@code azdp.mock.auth.federation-issuer}, audience
     * {@code api://AzureADTokenExchange}, signed with the emulator's key.
     */
    public String issueFederated(String subject, long lifetime) {
        Instant now = clock.now();
        return Jwt.claims()
                .issuer(config.auth().federationIssuer())
                .audience(ClientAssertions.FEDERATION_AUDIENCE)
                .subject(subject == null ? config.auth().federationSubject() : subject)
                .issuedAt(now.getEpochSecond())
                .claim("nbf", now.getEpochSecond())
                .expiresAt(now.getEpochSecond() + lifetime)
                .jws()
                .keyId(keyId)
                .sign(keys().getPrivate());
    }

    public long tokenLifetimeSeconds() {
        return config.auth().tokenLifetime().toSeconds();
    }

    /** JWKS document with the public signing key. */
    public Map<String, Object> jwks() {
        RSAPublicKey pub = (RSAPublicKey) keys().getPublic();
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("kty", "RSA");
        key.put("use", "sig");
        key.put("alg", "RS256");
        key.put("kid", keyId);
        key.put("n", b64u(pub.getModulus()));
        key.put("e", b64u(pub.getPublicExponent()));
        return Map.of("keys", List.of(key));
    }

    private static String b64u(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            bytes = trimmed;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Outcome of a bearer check: {@code ok}, or the ARM error to answer. */
    public record Check(boolean ok, int status, String code, String message, String clientId) {
        static Check pass(String clientId) {
            return new Check(true, 200, null, null, clientId);
        }

        static Check fail(String code, String message) {
            return new Check(false, 401, code, message, null);
        }
    }

    /** Checks the Authorization header value of an ARM request according to the current mode. */
    public Check check(String authorization) {
        String m = mode;
        if ("none".equals(m)) {
            return Check.pass("anonymous");
        }
        if (authorization == null || authorization.isBlank()) {
            return Check.fail("AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.substring(7).isBlank()) {
            return Check.fail("AuthenticationFailed",
                    "Authentication failed. The 'Authorization' header is provided in an invalid format.");
        }
        String token = authorization.substring(7).trim();
        if ("any-token".equals(m)) {
            return token.contains(" ") ? Check.fail("InvalidAuthenticationToken", "The access token is invalid.")
                    : Check.pass("any-token");
        }
        long now = clock.now().getEpochSecond();
        Verified hit = verified.get(token);
        if (hit != null && hit.exp() > now) {
            return Check.pass(hit.clientId());
        }
        return verify(token, now);
    }

    private Check verify(String token, long now) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Check.fail("InvalidAuthenticationToken", "The access token is invalid.");
        }
        JsonNode header;
        JsonNode claims;
        try {
            header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
            claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            Signature sig = Signature.getInstance("SHA256withRSA");
            sig.initVerify(keys().getPublic());
            sig.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!"RS256".equals(header.path("alg").asText()) || !sig.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return Check.fail("InvalidAuthenticationToken",
                        "The access token is invalid: its signature was not made by this token service.");
            }
        } catch (Exception e) {
            return Check.fail("InvalidAuthenticationToken", "The access token is invalid.");
        }
        boolean audienceOk = false;
        JsonNode aud = claims.path("aud");
        if (aud.isArray()) {
            for (JsonNode a : aud) {
                audienceOk |= AUDIENCES.contains(a.asText());
            }
        } else {
            audienceOk = AUDIENCES.contains(aud.asText());
        }
        if (!audienceOk) {
            return new Check(false, 401, "InvalidAuthenticationTokenAudience",
                    "The access token has been obtained for wrong audience or resource '" + aud.asText()
                            + "'. It should exactly match with one of the allowed audiences '" + ARM_AUDIENCE
                            + "','https://management.azure.com'.", null);
        }
        long exp = claims.path("exp").asLong(0);
        if (exp <= now) {
            return Check.fail("ExpiredAuthenticationToken", "The access token expiry UTC time '"
                    + Instant.ofEpochSecond(exp) + "' is earlier than current UTC time '" + Instant.ofEpochSecond(now)
                    + "'.");
        }
        long nbf = claims.path("nbf").asLong(0);
        if (nbf > now + 300) {
            return Check.fail("InvalidAuthenticationToken", "The access token is not valid yet.");
        }
        if (verified.size() > 10_000) {
            verified.clear();
        }
        String clientId = claims.path("appid").asText(claims.path("sub").asText());
        verified.put(token, new Verified(exp, clientId));
        return Check.pass(clientId);
    }

}

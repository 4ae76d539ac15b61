package io.azdp.client.lro;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.azdp.model.AzdpJson;
import io.azdp.model.ValidationException;
import io.azdp.model.arm.ArmPaths;

/**
 * Everything another process needs to continue polling an adhoc backup operation: the status
 * ({@code Azure-AsyncOperation}) and result ({@code Location}) URLs, the operation id, the earliest time of the next
 * poll, and the correlation id. Serialised as {@code azdp1.<base64url JSON>}. Holds no credential (the URLs carry
 * the service's own signature parameters, which grant nothing without a bearer token).
 *
 * @param statusUrl     absolute {@code Azure-AsyncOperation} URL, or null
 * @param locationUrl   absolute {@code Location} URL, or null
 * @param operationId   the operation id (last path segment of the status URL), or null
 * @param nextPollAt    not before this instant, or null for "now"
 * @param correlationId the {@code x-ms-correlation-request-id} of the operation, or null
 * @param instanceId    the backup instance's ARM id, or null
 */
public record ResumeToken(URI statusUrl, URI locationUrl, String operationId, Instant nextPollAt, String correlationId,
        String instanceId) {

    public static final String PREFIX = "azdp1.";
    private static final ObjectMapper MAPPER = AzdpJson.newMapper();
    private static final String URL_EXPECTED = "the Azure-AsyncOperation or Location URL (or a resume token "
            + PREFIX + "...) printed by azdp";
    private static final String EXPECTED = "a resume token printed by azdp (azdp1.<base64url JSON> with a statusUrl "
            + "or locationUrl)";

    public ResumeToken {
        if (statusUrl == null && locationUrl == null) {
            throw new IllegalArgumentException("a resume token needs a status URL or a location URL");
        }
    }

    /**
     * The token for an operation known only by a URL the service returned: a result URL (its path has an
     * {@code operationResults} segment, as {@code Location} URLs do) or else a status URL
     * ({@code Azure-AsyncOperation}). Throws a {@link ValidationException} naming {@code field} for anything but an
     * absolute http(s) URL.
     */
    public static ResumeToken forUrl(String field, URI url) {
        if (url == null || !url.isAbsolute() || url.getHost() == null
                || !("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()))) {
            throw ValidationException.of(field, URL_EXPECTED, url == null ? null : url.toString());
        }
        boolean result = ArmPaths.isOperationResultPath(url.getPath());
        String path = url.getPath();
        String operationId = path == null ? null : path.substring(path.lastIndexOf('/') + 1);
        return new ResumeToken(result ? null : url, result ? url : null, operationId, null, null, null);
    }

    /**
     * Reads what a user may hand back to resume an operation: a token printed by {@link #encode()}, or the
     * {@code Azure-AsyncOperation} / {@code Location} URL (see {@link #forUrl}). Errors name {@code field}.
     */
    public static ResumeToken parse(String field, String tokenOrUrl) {
        if (tokenOrUrl != null && tokenOrUrl.strip().startsWith(PREFIX)) {
            return decode(tokenOrUrl);
        }
        URI url;
        try {
            url = new URI(tokenOrUrl == null ? "" : tokenOrUrl.strip());
        } catch (java.net.URISyntaxException e) {
            throw ValidationException.of(field, URL_EXPECTED, tokenOrUrl);
        }
        if (!url.isAbsolute() || url.getHost() == null
                || !("https".equalsIgnoreCase(url.getScheme()) || "http".equalsIgnoreCase(url.getScheme()))) {
            throw ValidationException.of(field, URL_EXPECTED, tokenOrUrl);
        }
        return forUrl(field, url);
    }

    public String encode() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v", 1);
        put(m, "statusUrl", statusUrl);
        put(m, "locationUrl", locationUrl);
        put(m, "operationId", operationId);
        put(m, "nextPollAt", nextPollAt);
        put(m, "correlationId", correlationId);
        put(m, "instanceId", instanceId);
        try {
            byte[] json = MAPPER.writeValueAsBytes(m);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write resume token", e);
        }
    }

    /** Reads a token written by {@link #encode()}; throws a {@link ValidationException} naming {@code resumeToken}. */
    public static ResumeToken decode(String token) {
        if (token == null || !token.trim().startsWith(PREFIX)) {
            throw ValidationException.of("resumeToken", EXPECTED, token);
        }
        String payload = token.trim().substring(PREFIX.length());
        try {
            JsonNode n = MAPPER.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
            if (n == null || !n.isObject() || n.path("v").asInt() != 1) {
                throw ValidationException.of("resumeToken", EXPECTED, token);
            }
            URI status = uri(n, "statusUrl", token);
            URI location = uri(n, "locationUrl", token);
            if (status == null && location == null) {
                throw ValidationException.of("resumeToken", EXPECTED, token);
            }
            String next = text(n, "nextPollAt");
            return new ResumeToken(status, location, text(n, "operationId"),
                    next == null ? null : Instant.parse(next), text(n, "correlationId"), text(n, "instanceId"));
        } catch (ValidationException e) {
            throw e;
        } catch (RuntimeException | java.io.IOException e) {
            throw ValidationException.of("resumeToken", EXPECTED, token);
        }
    }

    private static URI uri(JsonNode n, String field, String token) {
        String s = text(n, field);
        if (s == null) {
            return null;
        }
        URI u = URI.create(s);
        if (!u.isAbsolute() || !("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))) {
            throw ValidationException.of("resumeToken",
                    EXPECTED + "; its " + field + " must be an absolute http(s) URL", token);
        }
        return u;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v.toString());
        }
    }
}

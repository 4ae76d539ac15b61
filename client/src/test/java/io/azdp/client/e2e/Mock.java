package io.azdp.client.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The emulator's control plane ({@code /_mock}: reset, rules, journal, tokens) over plain HTTP, for assertions about
 * what the client really sent. Not part of the client: test support only.
 */
public final class Mock {
    public static final String TENANT = "00000000-0000-0000-0000-00000000feed";
    public static final String CLIENT_ID = "azdp-mock-client";
    public static final String CLIENT_SECRET = "azdp-mock-secret";
    public static final String SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
    public static final String RESOURCE_GROUP = "azdp-demo-rg";
    public static final String VAULT = "azdp-demo-vault";
    public static final String INSTANCE = "azdp-demo-instance";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    public Mock(String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Restores seed, rules, auth settings and clears the journal. */
    public void reset() {
        send("POST", "/_mock/reset", null);
    }

    /** Registers a rule ({@code POST /_mock/scenarios}), e.g. a fault for the next two matching requests. */
    public void rule(String json) {
        send("POST", "/_mock/scenarios", json);
    }

    public void auth(String json) {
        send("POST", "/_mock/auth", json);
    }

    /** A token minted by the emulator; negative lifetime gives an expired one. */
    public String token(long lifetimeSeconds) {
        return read(send("POST", "/_mock/token?lifetimeSeconds=" + lifetimeSeconds, null)).path("access_token")
                .asText();
    }

    /** Journal entries whose path matches {@code pathRegex} (and method, when given), oldest first. */
    public List<JsonNode> journal(String method, String pathRegex) {
        StringBuilder q = new StringBuilder("/_mock/journal?path=")
                .append(URLEncoder.encode(pathRegex, StandardCharsets.UTF_8));
        if (method != null) {
            q.append("&method=").append(method);
        }
        List<JsonNode> out = new ArrayList<>();
        read(send("GET", q.toString(), null)).path("entries").forEach(out::add);
        return out;
    }

    /** The emulator's polling-etiquette findings ({@code GET /_mock/verify}). */
    public JsonNode verify() {
        return read(send("GET", "/_mock/verify", null));
    }

    public static String header(JsonNode entry, String name) {
        JsonNode h = entry.path("headers");
        for (Map.Entry<String, JsonNode> e : h.properties()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue().asText();
            }
        }
        return null;
    }

    private String send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}

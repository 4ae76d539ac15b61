package io.azdp.client.e2e;

import io.azdp.mock.junit.AzdpMockServer;
import io.azdp.model.mock.ControlPlane;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The emulator's control plane ({@code /_mock}: reset, rules, journal, tokens) through {@code AzdpMockServer.admin()},
 * read as JSON for assertions about what the client really sent. Not part of the client: test support only.
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
    private final AzdpMockServer server;

    public Mock(AzdpMockServer server) {
        this.server = server;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** Restores seed, rules, auth settings and clears the journal. */
    public void reset() {
        send("POST", ControlPlane.path(ControlPlane.RESET), null);
    }

    /** Registers a rule ({@code POST /_mock/scenarios}), e.g. a fault for the next two matching requests. */
    public void rule(String json) {
        send("POST", ControlPlane.path(ControlPlane.SCENARIOS), json);
    }

    public void auth(String json) {
        send("POST", ControlPlane.path(ControlPlane.AUTH), json);
    }

    /** A token minted by the emulator; negative lifetime gives an expired one. */
    public String token(long lifetimeSeconds) {
        return read(send("POST", ControlPlane.path(ControlPlane.TOKEN) + "?"
                + ControlPlane.LIFETIME_SECONDS + "=" + lifetimeSeconds, null)).path("access_token")
                .asText();
    }

    /** Journal entries whose path matches {@code pathRegex} (and method, when given), oldest first. */
    public List<JsonNode> journal(String method, String pathRegex) {
        StringBuilder q = new StringBuilder(ControlPlane.path(ControlPlane.JOURNAL)).append("?" + ControlPlane.PATH + "=")
                .append(URLEncoder.encode(pathRegex, StandardCharsets.UTF_8));
        if (method != null) {
            q.append("&" + ControlPlane.METHOD + "=").append(method);
        }
        List<JsonNode> out = new ArrayList<>();
        read(send("GET", q.toString(), null)).path("entries").forEach(out::add);
        return out;
    }

    /** The emulator's polling-etiquette findings ({@code GET /_mock/verify}). */
    public JsonNode verify() {
        return read(send("GET", ControlPlane.path(ControlPlane.VERIFY), null));
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

    /** Through {@link AzdpMockServer#admin()}, which sends the control-plane key when the server has one. */
    private String send(String method, String path, String body) {
        AzdpMockServer.Response r = "GET".equals(method) ? server.admin().get(path)
                : server.admin().post(path, body == null ? "" : body);
        if (r.status() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + r.status() + " " + r.body());
        }
        return r.body();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}

package io.azdp.mock.auth;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A fake Microsoft Entra ID: client-credentials token endpoint, OIDC discovery, JWKS and instance discovery.
 * Errors follow Entra's shape ({@code error}, {@code error_description} with an AADSTS code).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "azdp-mock fake Entra ID", description = "Token endpoint, OIDC discovery and JWKS for the emulator")
public class TokenResource {

    static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private final TokenService tokens;
    private final ClientAssertions assertions;

    public TokenResource(TokenService tokens, ClientAssertions assertions) {
        this.tokens = tokens;
        this.assertions = assertions;
    }

    @POST
    @Path("{tenant}/oauth2/v2.0/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(@PathParam("tenant") String tenant, @FormParam("grant_type") String grantType,
            @FormParam("client_id") String clientId, @FormParam("client_secret") String clientSecret,
            @FormParam("client_assertion") String clientAssertion,
            @FormParam("client_assertion_type") String clientAssertionType, @FormParam("scope") String scope,
            @Context UriInfo uri) {
        return issue(tenant, grantType, clientId, clientSecret, clientAssertion, clientAssertionType, scope, null, uri);
    }

    /** The v1 endpoint ({@code resource=} instead of {@code scope=}), used by some older tools. */
    @POST
    @Path("{tenant}/oauth2/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response tokenV1(@PathParam("tenant") String tenant, @FormParam("grant_type") String grantType,
            @FormParam("client_id") String clientId, @FormParam("client_secret") String clientSecret,
            @FormParam("client_assertion") String clientAssertion,
            @FormParam("client_assertion_type") String clientAssertionType, @FormParam("resource") String resource,
            @Context UriInfo uri) {
        return issue(tenant, grantType, clientId, clientSecret, clientAssertion, clientAssertionType, null,
                resource == null ? null : resource, uri);
    }

    private Response issue(String tenant, String grantType, String clientId, String clientSecret,
            String clientAssertion, String clientAssertionType, String scope, String resource, UriInfo uri) {
        if (!tenants().contains(tenant.toLowerCase(java.util.Locale.ROOT))) {
            return error(400, "invalid_request", 90002, "Tenant '" + tenant
                    + "' not found. Check to make sure you have the correct tenant ID (azdp-mock knows "
                    + tokens.tenantId() + ").");
        }
        if (grantType == null || grantType.isBlank()) {
            return error(400, "invalid_request", 900144, "The request body must contain the following parameter: "
                    + "'grant_type'.");
        }
        if (!"client_credentials".equals(grantType)) {
            return error(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type '"
                    + grantType + "'; azdp-mock supports client_credentials.");
        }
        if (clientAssertion != null && !clientAssertion.isBlank()) {
            if (clientAssertionType != null && !JWT_BEARER.equals(clientAssertionType)) {
                return error(400, "invalid_request", 50027, "client_assertion_type must be '" + JWT_BEARER + "', got '"
                        + clientAssertionType + "'.");
            }
            ClientAssertions.Outcome checked = assertions.check(clientId, clientAssertion);
            if (checked.refusal() != null) {
                ClientAssertions.Refusal r = checked.refusal();
                return error(r.status(), r.error(), r.aadsts(), r.description());
            }
            clientId = checked.clientId();
        } else {
            if (clientId == null || clientId.isBlank()) {
                return error(400, "invalid_request", 900144, "The request body must contain the following parameter:"
                        + " 'client_id'.");
            }
            String expected = tokens.clients().get(clientId);
            if (expected == null) {
                return unknownClient(clientId, tenant);
            }
            if (clientSecret == null || clientSecret.isBlank()) {
                return error(401, "invalid_client", 7000218, "The request body must contain the following parameter:"
                        + " 'client_assertion' or 'client_secret'.");
            }
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    clientSecret.getBytes(StandardCharsets.UTF_8))) {
                return error(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being"
                        + " sent in the request is the client secret value, not the client secret ID, for a secret"
                        + " added to app '" + clientId + "'.");
            }
        }
        String audience;
        if (resource != null) {
            audience = resource;
        } else {
            if (scope == null || scope.isBlank()) {
                return error(400, "invalid_request", 900144, "The request body must contain the following parameter:"
                        + " 'scope'.");
            }
            String first = scope.trim().split("\\s+")[0];
            if (!first.endsWith("/.default")) {
                return error(400, "invalid_scope", 1002012, "The provided value for scope " + first
                        + " is not valid. Client credential flows must have a scope value with /.default suffixed to"
                        + " the resource identifier (application ID URI).");
            }
            audience = first.substring(0, first.length() - "/.default".length());
            if (!audience.endsWith("/")) {
                audience = audience + "/";
            }
        }
        String token = tokens.issue(clientId, issuer(uri, tokens.tenantId()), audience);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("expires_in", tokens.tokenLifetimeSeconds());
        body.put("ext_expires_in", tokens.tokenLifetimeSeconds());
        body.put("access_token", token);
        return Response.ok(body).header("Cache-Control", "no-store, no-cache").build();
    }

    @GET
    @Path("{tenant}/v2.0/.well-known/openid-configuration")
    public Response openIdConfiguration(@PathParam("tenant") String tenant, @Context UriInfo uri) {
        if (!tenants().contains(tenant.toLowerCase(java.util.Locale.ROOT))) {
            return error(400, "invalid_tenant", 90002, "Tenant '" + tenant + "' not found.");
        }
        String base = base(uri);
        String t = tokens.tenantId();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer(uri, t));
        doc.put("token_endpoint", base + "/" + t + "/oauth2/v2.0/token");
        doc.put("authorization_endpoint", base + "/" + t + "/oauth2/v2.0/authorize");
        doc.put("jwks_uri", base + "/" + t + "/discovery/v2.0/keys");
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_post", "private_key_jwt"));
        doc.put("response_types_supported", List.of("code", "id_token", "token"));
        doc.put("subject_types_supported", List.of("pairwise"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("scopes_supported", List.of("openid", "profile", "email", "offline_access"));
        doc.put("tenant_region_scope", "NA");
        return Response.ok(doc).build();
    }

    @GET
    @Path("{tenant}/discovery/v2.0/keys")
    public Map<String, Object> jwks(@PathParam("tenant") String tenant) {
        return tokens.jwks();
    }

    /**
     * MSAL's instance-discovery document, for clients that ask this host for it (e.g. a client whose
     * login.microsoftonline.com is routed here). MSAL itself does not: for an authority it does not know, such as
     * localhost, it asks the public cloud's login host (azure-identity for Java fails offline with a
     * ConnectException after several seconds, checked against this emulator), so SDK users must disable instance
     * discovery (docs/sdk.md).
     */
    @GET
    @Path("common/discovery/instance")
    public Map<String, Object> instanceDiscovery(@QueryParam("authorization_endpoint") String endpoint,
            @Context UriInfo uri) {
        String host = uri.getBaseUri().getAuthority();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("tenant_discovery_endpoint", base(uri) + "/" + tokens.tenantId()
                + "/v2.0/.well-known/openid-configuration");
        doc.put("api-version", "1.1");
        doc.put("metadata", List.of(Map.of("preferred_network", host, "preferred_cache", host,
                "aliases", List.of(host))));
        return doc;
    }

    private List<String> tenants() {
        return List.of(tokens.tenantId().toLowerCase(java.util.Locale.ROOT), "organizations", "common");
    }

    private Response unknownClient(String clientId, String tenant) {
        return error(400, "unauthorized_client", 700016, "Application with identifier '" + clientId
                + "' was not found in the directory '" + tenant + "'.");
    }

    static String base(UriInfo uri) {
        String b = uri.getBaseUri().toString();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    static String issuer(UriInfo uri, String tenant) {
        return base(uri) + "/" + tenant + "/v2.0";
    }

    /** A form body that cannot be decoded ({@code %zz}) is the caller's mistake: Entra's invalid_request, not 500. */
    @ServerExceptionMapper
    Response undecodableForm(IllegalArgumentException e) {
        return error(400, "invalid_request", 90023, "The request body is not a valid"
                + " application/x-www-form-urlencoded form: " + e.getMessage() + ".");
    }

    static Response error(int status, String error, int aadsts, String description) {
        String traceId = UUID.randomUUID().toString();
        String correlationId = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", "AADSTS" + aadsts + ": " + description + " Trace ID: " + traceId
                + " Correlation ID: " + correlationId + " Timestamp: " + Instant.now());
        body.put("error_codes", List.of(aadsts));
        body.put("timestamp", Instant.now().toString());
        body.put("trace_id", traceId);
        body.put("correlation_id", correlationId);
        body.put("error_uri", "https://login.microsoftonline.com/error?code=" + aadsts);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}

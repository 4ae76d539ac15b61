package io.azdp.mock.auth;

import io.azdp.mock.MockConfig;
import io.azdp.mock.lro.MockClock;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The managed identity endpoints of an Azure host: IMDS ({@code GET /metadata/identity/oauth2/token}, header
 * {@code Metadata: true}) and App Service / Functions ({@code GET /msi/token}, header {@code X-IDENTITY-HEADER} with
 * the value of {@code IDENTITY_HEADER}). Both answer for the system-assigned identity
 * ({@code azdp.mock.auth.system-identity}) or a user-assigned one chosen by client id, object id or resource id, with
 * the error bodies of the real endpoints. Point a client at them with {@code AZURE_POD_IDENTITY_AUTHORITY_HOST} (IMDS)
 * or {@code IDENTITY_ENDPOINT=<base>/msi/token} + {@code IDENTITY_HEADER}; the App Service endpoint also answers the
 * legacy {@code MSI_ENDPOINT=<base>/msi/token} + {@code MSI_SECRET} calls (api-version 2017-09-01, header
 * {@code secret}, the same value).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "azdp-mock managed identity", description = "IMDS and App Service managed identity token endpoints")
public class ManagedIdentityResource {

    /** The user-assigned identity every emulator has, beside those configured. */
    public static final String DEMO_USER_IDENTITY = "azdp-mock-user-identity";
    public static final String DEMO_USER_IDENTITY_RESOURCE_ID = "/subscriptions/00000000-0000-0000-0000-000000000000"
            + "/resourceGroups/azdp-demo-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/azdp-demo-identity";

    static final String LEGACY_API_VERSION = "2017-09-01";
    private static final DateTimeFormatter LEGACY_EXPIRES_ON = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a xxx",
            Locale.US);

    private final TokenService tokens;
    private final MockConfig config;
    private final MockClock clock;

    public ManagedIdentityResource(TokenService tokens, MockConfig config, MockClock clock) {
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Path("metadata/identity/oauth2/token")
    public Response imds(@HeaderParam("Metadata") String metadata, @QueryParam("api-version") String apiVersion,
            @QueryParam("resource") String resource, @QueryParam("client_id") String clientId,
            @QueryParam("object_id") String objectId, @QueryParam("msi_res_id") String msiResId,
            @QueryParam("mi_res_id") String miResId, @Context UriInfo uri) {
        if (!"true".equalsIgnoreCase(metadata)) {
            return imdsError(400, "invalid_request", "Required metadata header not specified");
        }
        if (apiVersion == null || apiVersion.isBlank()) {
            return imdsError(400, "invalid_request", "Required query variable 'api-version' is missing");
        }
        if (resource == null || resource.isBlank()) {
            return imdsError(400, "invalid_request", "Required query variable 'resource' is missing");
        }
        String resId = miResId != null ? miResId : msiResId;
        if (count(clientId, objectId, resId) > 1) {
            return imdsError(400, "invalid_request", "Only one of client_id, object_id or msi_res_id may be given");
        }
        String identity = identity(clientId, objectId, resId);
        if (identity == null) {
            return imdsError(400, "invalid_request", "Identity not found");
        }
        return Response.ok(body(identity, resource, uri, true)).build();
    }

    @GET
    @Path("msi/token")
    public Response appService(@HeaderParam("X-IDENTITY-HEADER") String header, @HeaderParam("secret") String secret,
            @QueryParam("api-version") String apiVersion, @QueryParam("resource") String resource,
            @QueryParam("client_id") String clientId, @QueryParam("clientid") String legacyClientId,
            @QueryParam("principal_id") String principalId, @QueryParam("object_id") String objectId,
            @QueryParam("mi_res_id") String miResId, @Context UriInfo uri) {
        if (LEGACY_API_VERSION.equals(apiVersion)) {
            return legacyAppService(secret, resource, legacyClientId, miResId, uri);
        }
        if (header == null || !MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                config.auth().identityHeader().getBytes(StandardCharsets.UTF_8))) {
            return appServiceError(401, "The request did not carry a valid X-IDENTITY-HEADER (the value of"
                    + " IDENTITY_HEADER).");
        }
        if (apiVersion == null || apiVersion.isBlank()) {
            return appServiceError(400, "Required query parameter 'api-version' is missing.");
        }
        if (resource == null || resource.isBlank()) {
            return appServiceError(400, "Required query parameter 'resource' is missing.");
        }
        String object = principalId != null ? principalId : objectId;
        String identity = identity(clientId, object, miResId);
        if (identity == null) {
            return appServiceError(400, "No managed identity matches the client_id, principal_id or mi_res_id given.");
        }
        return Response.ok(body(identity, resource, uri, false)).build();
    }

    /**
     * The App Service endpoint as {@code MSI_ENDPOINT} + {@code MSI_SECRET} clients call it (api-version 2017-09-01):
     * header {@code secret}, user-assigned identity as {@code clientid}, {@code expires_on} as Windows App Service wrote
     * it ({@code 9/14/2017 1:23:45 PM +00:00}).
     */
    private Response legacyAppService(String secret, String resource, String clientId, String miResId, UriInfo uri) {
        if (secret == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                config.auth().identityHeader().getBytes(StandardCharsets.UTF_8))) {
            return appServiceError(401, "The request did not carry a valid secret header (the value of MSI_SECRET).");
        }
        if (resource == null || resource.isBlank()) {
            return appServiceError(400, "Required query parameter 'resource' is missing.");
        }
        String identity = identity(clientId, null, miResId);
        if (identity == null) {
            return appServiceError(400, "No managed identity matches the clientid or mi_res_id given.");
        }
        Map<String, Object> b = body(identity, resource, uri, false);
        b.remove("client_id");
        b.put("expires_on", LEGACY_EXPIRES_ON.format(clock.now().plusSeconds(tokens.tokenLifetimeSeconds())
                .atOffset(ZoneOffset.UTC)));
        return Response.ok(b).build();
    }

    /** The client id of the identity chosen, or null when none matches. */
    private String identity(String clientId, String objectId, String resId) {
        Map<String, String> users = new LinkedHashMap<>(config.auth().userIdentities());
        users.put(DEMO_USER_IDENTITY, DEMO_USER_IDENTITY_RESOURCE_ID);
        if (clientId != null) {
            return users.containsKey(clientId) || clientId.equals(config.auth().systemIdentity()) ? clientId : null;
        }
        if (objectId != null) {
            for (String id : users.keySet()) {
                if (objectId(id).equalsIgnoreCase(objectId)) {
                    return id;
                }
            }
            return objectId(config.auth().systemIdentity()).equalsIgnoreCase(objectId) ? config.auth().systemIdentity()
                    : null;
        }
        if (resId != null) {
            for (Map.Entry<String, String> e : users.entrySet()) {
                if (e.getValue().toLowerCase(Locale.ROOT).equals(resId.toLowerCase(Locale.ROOT))) {
                    return e.getKey();
                }
            }
            return null;
        }
        return config.auth().systemIdentity();
    }

    /** The object id of an identity, as in the {@code oid} claim of the tokens issued for it. */
    static String objectId(String clientId) {
        return UUID.nameUUIDFromBytes(clientId.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private Map<String, Object> body(String clientId, String resource, UriInfo uri, boolean imds) {
        long lifetime = tokens.tokenLifetimeSeconds();
        long now = clock.now().getEpochSecond();
        String audience = resource.endsWith("/") ? resource : resource + "/";
        String token = tokens.issue(clientId, TokenResource.issuer(uri, tokens.tenantId()), audience);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("access_token", token);
        b.put("client_id", clientId);
        if (imds) {
            b.put("expires_in", String.valueOf(lifetime));
            b.put("ext_expires_in", String.valueOf(lifetime));
        }
        b.put("expires_on", String.valueOf(now + lifetime));
        if (imds) {
            b.put("not_before", String.valueOf(now));
        }
        b.put("resource", resource);
        b.put("token_type", "Bearer");
        return b;
    }

    private static int count(String... values) {
        int n = 0;
        for (String v : values) {
            n += v == null ? 0 : 1;
        }
        return n;
    }

    private static Response imdsError(int status, String error, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", error, "error_description", description)).build();
    }

    private static Response appServiceError(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("statusCode", status, "message", message, "correlationId",
                        UUID.randomUUID().toString()))
                .build();
    }
}

package io.azdp.mock.auth;

import io.azdp.mock.MockConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The control plane's view of the credentials the emulator accepts ({@code /_mock/credentials}): which certificates,
 * federated issuers and managed identities it knows, the demo certificate with its private key, and federated tokens
 * minted as a workload-identity issuer would.
 */
@Path("/_mock/credentials")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "azdp-mock control plane")
public class CredentialsAdminResource {

    private static final long MAX_LIFETIME = 86_400;
    private final MockConfig config;
    private final TokenService tokens;
    private final ClientAssertions assertions;

    public CredentialsAdminResource(MockConfig config, TokenService tokens, ClientAssertions assertions) {
        this.config = config;
        this.tokens = tokens;
        this.assertions = assertions;
    }

    @GET
    @Operation(summary = "Registered certificates (thumbprints), federated issuers, managed identities")
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tenantId", tokens.tenantId());
        m.put("certificates", assertions.registered());
        Map<String, Object> fed = new LinkedHashMap<>();
        fed.put(config.auth().clientId(), List.of(Map.of("issuer", config.auth().federationIssuer(), "subject",
                config.auth().federationSubject(), "audience", ClientAssertions.FEDERATION_AUDIENCE)));
        config.auth().federated().forEach((client, f) -> fed.put(client, List.of(Map.of("issuer", f.issuer(),
                "subject", f.subject(), "audience", ClientAssertions.FEDERATION_AUDIENCE))));
        m.put("federated", fed);
        Map<String, Object> identities = new LinkedHashMap<>();
        identities.put("systemAssigned", identity(config.auth().systemIdentity(), null));
        Map<String, String> users = new LinkedHashMap<>(config.auth().userIdentities());
        users.put(ManagedIdentityResource.DEMO_USER_IDENTITY, ManagedIdentityResource.DEMO_USER_IDENTITY_RESOURCE_ID);
        identities.put("userAssigned", users.entrySet().stream().map(e -> identity(e.getKey(), e.getValue())).toList());
        m.put("managedIdentities", identities);
        return m;
    }

    private static Map<String, Object> identity(String clientId, String resourceId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clientId", clientId);
        m.put("objectId", ManagedIdentityResource.objectId(clientId));
        if (resourceId != null) {
            m.put("resourceId", resourceId);
        }
        return m;
    }

    /** The demo certificate and its private key (PEM), registered for the main client. Public, like the demo secret. */
    @GET
    @Path("client-certificate")
    @Produces("application/x-pem-file")
    @Operation(summary = "PEM private key and certificate of the demo client certificate")
    public String clientCertificate() {
        return assertions.demoCertificatePem();
    }

    /** A federated token from the built-in issuer, as AKS would write to AZURE_FEDERATED_TOKEN_FILE. */
    @POST
    @Path("federated-token")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Mint a federated (workload identity) token from the built-in issuer")
    public Response federatedToken(@QueryParam("subject") String subject,
            @QueryParam("lifetimeSeconds") String lifetimeSeconds) {
        long lifetime = 3600;
        if (lifetimeSeconds != null) {
            try {
                lifetime = Long.parseLong(lifetimeSeconds.trim());
            } catch (NumberFormatException e) {
                lifetime = Long.MIN_VALUE;
            }
            if (lifetime < -MAX_LIFETIME || lifetime > MAX_LIFETIME) {
                throw new io.azdp.mock.error.ArmException(400, "InvalidParameter", "lifetimeSeconds: expected whole"
                        + " seconds between -" + MAX_LIFETIME + " and " + MAX_LIFETIME + ", got '" + lifetimeSeconds
                        + "'");
            }
        }
        return Response.ok(tokens.issueFederated(subject, lifetime)).build();
    }
}

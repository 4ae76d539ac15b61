package io.azdp.client.auth;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.azdp.client.http.ProxySettings;
import io.azdp.model.ValidationException;

/**
 * The resolved credential settings a {@link TokenSource} is chosen from ({@link TokenSources#from}). Secrets inside:
 * {@link #toString()} redacts them.
 *
 * @param kind                      which credential ({@link CredentialKind#DEFAULT}: the chain)
 * @param authorityHost             Entra ID authority host
 * @param tenantId                  tenant, or null
 * @param clientId                  client id (also the user-assigned managed identity's), or null
 * @param clientSecret              client secret, or null
 * @param federatedTokenFile        path of a federated token (workload identity), or null
 * @param accessToken               a ready-made bearer token, or null
 * @param scope                     the token scope
 * @param timeout                   how long one token request may take
 * @param clientCertificatePath     PEM or PFX client certificate with its key, or null
 * @param clientCertificatePassword PFX password, or null
 * @param sendCertificateChain      send x5c with the certificate assertion
 * @param clientAssertion           a signed JWT client assertion, or null
 * @param managedIdentityObjectId   user-assigned identity by object id, or null
 * @param managedIdentityResourceId user-assigned identity by resource id, or null
 * @param imdsEndpoint              IMDS base URL
 * @param identityEndpoint          App Service identity endpoint, or null
 * @param identityHeader            App Service identity header, or null
 * @param msiEndpoint               legacy App Service endpoint (MSI_ENDPOINT, api-version 2017-09-01), or null
 * @param msiSecret                 legacy App Service secret (MSI_SECRET), or null
 * @param azureCli                  the az executable, or null to search {@code path}
 * @param azureDeveloperCli         the azd executable, or null to search {@code path}
 * @param azurePowerShell           the pwsh executable, or null to search {@code path}
 * @param azureCliTimeout           how long one az, azd or pwsh invocation may take
 * @param path                      the PATH to search for az, azd and pwsh
 * @param proxy                     the proxy for a target URL
 */
public record CredentialSettings(CredentialKind kind, URI authorityHost, String tenantId, String clientId,
        String clientSecret, String federatedTokenFile, String accessToken, String scope, Duration timeout,
        String clientCertificatePath, String clientCertificatePassword, boolean sendCertificateChain,
        String clientAssertion, String managedIdentityObjectId, String managedIdentityResourceId, URI imdsEndpoint,
        String identityEndpoint, String identityHeader, String msiEndpoint, String msiSecret, String azureCli,
        String azureDeveloperCli, String azurePowerShell, Duration azureCliTimeout, String path,
        Function<URI, Optional<ProxySettings>> proxy) {

    /**
     * A tenant as Azure Identity accepts it: a GUID or a domain name. It goes into the token URL's path and onto the
     * command lines of az, azd and pwsh, so nothing else may pass (a value starting with '-' would be an option there).
     */
    public static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");
    /** What {@link #TENANT} expects, for messages. */
    public static final String TENANT_EXPECTED = "a tenant id (a GUID) or domain name (letters, digits, '.' and '-')";

    public CredentialSettings {
        if (tenantId != null && !tenantId.isBlank() && !TENANT.matcher(tenantId.strip()).matches()) {
            throw ValidationException.of("tenantId", TENANT_EXPECTED, tenantId);
        }
    }

    /** The former shape: client secret, federated token file or access token, no proxy (tests, simple uses). */
    public static CredentialSettings of(URI authorityHost, String tenantId, String clientId, String clientSecret,
            String federatedTokenFile, String accessToken, String scope, Duration timeout) {
        return new CredentialSettings(CredentialKind.DEFAULT, authorityHost, tenantId, clientId, clientSecret,
                federatedTokenFile, accessToken, scope, timeout, null, null, false, null, null, null,
                URI.create("http://169.254.169.254"), null, null, null, null, null, null, null, Duration.ofSeconds(20),
                System.getenv("PATH"), u -> Optional.empty());
    }

    @Override
    public String toString() {
        return "CredentialSettings[kind=" + kind + ", authorityHost=" + authorityHost + ", tenantId=" + tenantId
                + ", clientId=" + clientId + ", clientSecret=" + redact(clientSecret) + ", federatedTokenFile="
                + federatedTokenFile + ", accessToken=" + redact(accessToken) + ", scope=" + scope + ", timeout="
                + timeout + ", clientCertificatePath=" + clientCertificatePath + ", clientCertificatePassword="
                + redact(clientCertificatePassword) + ", clientAssertion=" + redact(clientAssertion)
                + ", imdsEndpoint=" + imdsEndpoint + ", identityEndpoint=" + identityEndpoint + ", identityHeader="
                + redact(identityHeader) + ", msiEndpoint=" + msiEndpoint + ", msiSecret=" + redact(msiSecret) + "]";
    }

    private static String redact(String s) {
        return s == null ? null : "REDACTED";
    }
}

package io.azdp.client.auth;

import java.net.URI;
import java.time.Duration;

/**
 * The resolved credential settings a {@link TokenSource} is chosen from ({@link TokenSources#from}). Secrets inside:
 * {@link #toString()} redacts them. This is where further credentials (certificate, managed identity, Azure CLI) join
 * as fields, and {@code TokenSources} builds the chain from them.
 *
 * @param authorityHost      Entra ID authority host
 * @param tenantId           tenant, or null
 * @param clientId           client id, or null
 * @param clientSecret       client secret, or null
 * @param federatedTokenFile path of a federated token (workload identity), or null
 * @param accessToken        a ready-made bearer token, or null
 * @param scope              the token scope
 * @param timeout            how long one token request may take
 */
public record CredentialSettings(URI authorityHost, String tenantId, String clientId, String clientSecret,
        String federatedTokenFile, String accessToken, String scope, Duration timeout) {

    @Override
    public String toString() {
        return "CredentialSettings[authorityHost=" + authorityHost + ", tenantId=" + tenantId + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? null : "REDACTED") + ", federatedTokenFile="
                + federatedTokenFile + ", accessToken=" + (accessToken == null ? null : "REDACTED") + ", scope=" + scope
                + ", timeout=" + timeout + "]";
    }
}

package io.azdp.cli.common;

import java.net.URI;

/**
 * Resolved connection settings. {@link #toString()} never shows secrets.
 *
 * @param endpoint ARM base URL
 * @param authority token authority base URL (the token URL is {@code {authority}/{tenant}/oauth2/v2.0/token})
 */
public record Settings(URI endpoint, URI authority, String subscriptionId, String tenantId, String clientId,
        String clientSecret, String accessToken, String apiVersion, String profile, java.time.Duration pollInterval) {

    @Override
    public String toString() {
        return "endpoint=" + endpoint + " authority=" + authority + " subscription=" + subscriptionId + " tenant="
                + tenantId + " client=" + clientId + " clientSecret=" + (clientSecret == null ? "<none>" : "<redacted>")
                + " accessToken=" + (accessToken == null ? "<none>" : "<redacted>") + " apiVersion=" + apiVersion
                + " profile=" + profile + " pollInterval=" + pollInterval;
    }
}

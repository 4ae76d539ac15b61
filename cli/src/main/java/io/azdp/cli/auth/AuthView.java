package io.azdp.cli.auth;

import io.azdp.client.CredentialInfo;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** What {@code azdp auth show} prints: never the token. */
@RegisterForReflection
public record AuthView(String credential, String tenantId, String clientId, String objectId, String expiresOn,
        String subscriptionId) {

    static AuthView of(CredentialInfo info, String subscriptionId) {
        return new AuthView(info.credential(), info.tenantId(), info.clientId(), info.objectId(),
                info.expiresAt() == null ? null : info.expiresAt().toString(), subscriptionId);
    }
}

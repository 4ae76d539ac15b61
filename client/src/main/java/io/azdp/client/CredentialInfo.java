package io.azdp.client;

import java.time.Instant;

/**
 * What a credential authenticated as, read from the claims of the token it obtained (never the token itself).
 *
 * @param credential which credential supplied the token, without secrets
 * @param tenantId   the token's tenant ({@code tid}), or null when the token is not a readable JWT
 * @param clientId   the application or managed identity ({@code appid} / {@code azp}), or null
 * @param objectId   the service principal's or identity's object id ({@code oid}), or null
 * @param expiresAt  when the token expires, or null when unknown
 */
public record CredentialInfo(String credential, String tenantId, String clientId, String objectId,
        Instant expiresAt) {
}

package io.azdp.client;

import java.time.Duration;
import java.util.Optional;

/**
 * One 429 the client received, retried or not ({@link DataProtectionClientBuilder#onThrottled}): what was asked, the
 * request's ids and how long the service asked to wait.
 *
 * @param request         short description, e.g. {@code POST adhoc backup of bi-7}
 * @param clientRequestId the {@code x-ms-client-request-id} the request carried
 * @param correlationId   the {@code x-ms-correlation-request-id} the request carried
 * @param retryAfter      the service's Retry-After, when it sent one
 */
public record ThrottledResponse(String request, String clientRequestId, String correlationId,
        Optional<Duration> retryAfter) {
}

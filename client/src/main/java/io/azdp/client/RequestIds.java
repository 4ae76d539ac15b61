package io.azdp.client;

import java.util.UUID;

/**
 * The ids one logical request carries on every attempt: {@code x-ms-client-request-id} and
 * {@code x-ms-correlation-request-id}. The client keeps them across its own retries; a caller that sends the same
 * request again (a bulk run re-sending a throttled backup) passes the same ids, so the service, the logs and the
 * emulator's journal see one request retried, not several requests. The correlation id also goes on every poll of the
 * operation the request starts.
 *
 * @param clientRequestId {@code x-ms-client-request-id}; null: a new one per logical request
 * @param correlationId   {@code x-ms-correlation-request-id}; null: a new one per logical request
 */
public record RequestIds(String clientRequestId, String correlationId) {

    /** New random ids (UUIDs), to keep for all the sends of one request. */
    public static RequestIds random() {
        return new RequestIds(UUID.randomUUID().toString(), UUID.randomUUID().toString());
    }
}

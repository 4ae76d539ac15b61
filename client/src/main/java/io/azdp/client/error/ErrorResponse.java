package io.azdp.client.error;

import io.azdp.model.CloudError;
import io.azdp.model.Error;

/**
 * What the client knows about one failed response: status, parsed {@link CloudError} and the request ids.
 *
 * @param httpStatus      HTTP status code
 * @param cloudError      the parsed (or synthesised) error body, never null
 * @param requestId       {@code x-ms-request-id}, may be null
 * @param correlationId   {@code x-ms-correlation-request-id}, may be null
 * @param clientRequestId {@code x-ms-client-request-id} sent, may be null
 */
public record ErrorResponse(int httpStatus, CloudError cloudError, String requestId, String correlationId,
        String clientRequestId) {

    /** {@code (code) message Status: 400, request id: ...}. */
    public String describe() {
        return describe("Status: " + httpStatus);
    }

    String describe(String statusPart) {
        Error e = cloudError == null ? null : cloudError.error();
        StringBuilder sb = new StringBuilder();
        String code = e == null ? null : e.code();
        String message = e == null ? null : e.message();
        if (code != null && !code.isBlank()) {
            sb.append('(').append(code).append(") ");
        }
        if (message != null && !message.isBlank()) {
            String m = message.strip();
            sb.append(m);
            if (!m.endsWith(".")) {
                sb.append('.');
            }
            sb.append(' ');
        }
        sb.append(statusPart);
        if (requestId != null && !requestId.isBlank()) {
            sb.append(", request id: ").append(requestId);
        }
        return sb.toString();
    }
}

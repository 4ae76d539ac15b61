package io.azdp.client.http;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.azdp.model.arm.ArmHeaders;

/**
 * One received HTTP response, fully read: status, headers (case-insensitive names) and body text.
 *
 * <p>Not API: public only because this library uses it across its packages; it may change without notice.
 *
 * @param clientRequestId the {@code x-ms-client-request-id} the request carried
 * @param correlationId   the {@code x-ms-correlation-request-id} the request carried
 */
public record HttpResult(int status, Map<String, List<String>> headers, String body, String clientRequestId,
        String correlationId) {

    public HttpResult {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null && v != null) {
                    copy.put(k, List.copyOf(v));
                }
            });
        }
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? "" : body;
    }

    public static HttpResult of(int status, Map<String, String> singleHeaders, String body) {
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        singleHeaders.forEach((k, v) -> h.put(k, List.of(v)));
        return new HttpResult(status, h, body, null, null);
    }

    /** First value of header {@code name} (case-insensitive), or null. */
    public String header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** {@code x-ms-request-id} of the response. */
    public String requestId() {
        return header(ArmHeaders.REQUEST_ID);
    }

    /** {@code x-ms-correlation-request-id} as returned, else as sent. */
    public String responseCorrelationId() {
        String c = header(ArmHeaders.CORRELATION_REQUEST_ID);
        return c != null ? c : correlationId;
    }
}

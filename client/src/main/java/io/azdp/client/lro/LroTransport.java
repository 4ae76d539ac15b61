package io.azdp.client.lro;

import java.net.URI;

import io.azdp.client.http.HttpResult;
import io.smallrye.mutiny.Uni;

/**
 * GETs an absolute status or result URL with retries and authentication; a final 4xx/5xx arrives as a failure
 * ({@code PollingException}, {@code ServiceUnavailableException}, ...), so a result is always below 400.
 * <p>Not API: public only because this library uses it across its packages; it may change without notice.
 */
@FunctionalInterface
public interface LroTransport {
    Uni<HttpResult> get(URI absoluteUrl, String correlationId);
}

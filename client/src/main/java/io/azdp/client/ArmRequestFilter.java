package io.azdp.client;

import java.util.Map;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

import org.jboss.logging.Logger;

import io.azdp.client.http.Redaction;
import io.azdp.model.arm.ArmHeaders;

/**
 * Adds the configured extra headers and the User-Agent to every request and logs requests and responses at DEBUG
 * (logger {@code io.azdp.client.http}) with credential headers and signed query values redacted.
 */
final class ArmRequestFilter implements ClientRequestFilter, ClientResponseFilter {
    private static final Logger LOG = Logger.getLogger("io.azdp.client.http");
    private static final String START = "azdp.start-nanos";

    private final Map<String, String> extraHeaders;
    private final String userAgent;

    ArmRequestFilter(Map<String, String> extraHeaders, String userAgent) {
        this.extraHeaders = Map.copyOf(extraHeaders);
        this.userAgent = userAgent;
    }

    @Override
    public void filter(ClientRequestContext request) {
        extraHeaders.forEach((k, v) -> request.getHeaders().putSingle(k, v));
        if (userAgent != null) {
            request.getHeaders().putSingle(ArmHeaders.USER_AGENT, userAgent);
        }
        request.setProperty(START, System.nanoTime());
        if (LOG.isDebugEnabled()) {
            LOG.debugf("--> %s %s %s", request.getMethod(), Redaction.url(String.valueOf(request.getUri())),
                    Redaction.headers(request.getStringHeaders()));
        }
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (LOG.isDebugEnabled()) {
            Object start = request.getProperty(START);
            long ms = start instanceof Long s ? (System.nanoTime() - s) / 1_000_000 : -1;
            LOG.debugf("<-- %d %s %s (%d ms) %s", response.getStatus(), request.getMethod(),
                    Redaction.url(String.valueOf(request.getUri())), ms,
                    Redaction.headers(response.getHeaders()));
        }
    }
}

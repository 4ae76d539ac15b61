package io.azdp.mock;

import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;

/** The emulator's own base URL as its clients reach it: {@code azdp.mock.public-url}, else scheme and Host. */
public final class BaseUrl {
    private BaseUrl() {
    }

    /** Without a trailing slash; null when there is no public URL and the request has no Host header. */
    public static String of(Optional<String> publicUrl, HttpServerRequest request) {
        if (publicUrl.isPresent()) {
            String p = publicUrl.get();
            return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        }
        String host = request == null ? null : request.getHeader("Host");
        if (host == null || host.isBlank()) {
            return null;
        }
        // cheaper than UriInfo.getBaseUri(), which parses a URI on every call
        return (request.isSSL() ? "https://" : "http://") + host;
    }
}

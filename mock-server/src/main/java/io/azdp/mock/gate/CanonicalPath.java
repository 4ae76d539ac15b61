package io.azdp.mock.gate;

import java.util.Locale;

/**
 * The emulator decides everything (authentication, control-plane key, routing, journal) on the request path as sent.
 * That is only safe when the path is canonical: the HTTP layer and JAX-RS resolve dot segments, empty segments and
 * percent-encoded unreserved characters before they route, so {@code /x/../subscriptions/..} or
 * {@code /%73ubscriptions/..} would reach an ARM resource while looking like something else to the gate. Such paths
 * are refused with a CloudError before anything else runs, as ARM's front end refuses them.
 */
final class CanonicalPath {

    private CanonicalPath() {
    }

    /**
     * Why {@code raw} is not canonical, or null when it is. {@code normalized} is the HTTP layer's RFC 3986 form of the
     * same path (Vert.x {@code normalizedPath()}); it may differ from {@code raw} in the case of hex digits only.
     */
    static String problem(String raw, String normalized) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
            return "it does not start with '/'";
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "it contains a control character";
            }
            if (c == '\\') {
                return "it contains a backslash";
            }
            if (c == ';') {
                return "it contains ';' (path parameters are not supported)";
            }
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        for (String encoded : new String[] {"%2e", "%2f", "%5c", "%3b", "%00"}) {
            if (lower.contains(encoded)) {
                return "it contains an encoded '.', '/', '\\', ';' or NUL (" + encoded.toUpperCase(Locale.ROOT) + ")";
            }
        }
        String[] segments = raw.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            if (s.isEmpty() && i < segments.length - 1) {
                return "it contains an empty segment ('//')";
            }
            if (s.equals(".") || s.equals("..")) {
                return "it contains a dot segment ('" + s + "')";
            }
        }
        if (normalized != null && !normalized.equalsIgnoreCase(raw)) {
            return "it percent-encodes characters that need no encoding";
        }
        return null;
    }
}

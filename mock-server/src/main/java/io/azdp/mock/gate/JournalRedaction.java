package io.azdp.mock.gate;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * What the open journal may show. Headers and query parameters on the allowlists are kept verbatim; every other one
 * whose name or value looks like a credential (a bearer or basic scheme, a JWT, a cookie, a key, a secret, a
 * signature, a SAS) is replaced by {@value #REDACTED}, so a client that sends a secret where it should not (an
 * auxiliary token, a proxy password, a secret in a query string) does not leak it to whoever reads the journal.
 */
final class JournalRedaction {

    static final String REDACTED = "<redacted>";

    /** Headers the journal keeps as sent: routing, content, tracing and ARM correlation headers. */
    private static final Set<String> HEADERS = Set.of("accept", "accept-encoding", "accept-language", "connection",
            "content-length", "content-type", "host", "user-agent", "x-ms-client-request-id",
            "x-ms-correlation-request-id", "x-ms-return-client-request-id", "x-ms-useragent", "traceparent",
            "tracestate", "request-id", "x-azdp-mock-scenario", "expect", "transfer-encoding", "te", "pragma",
            "cache-control", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "via", "if-match",
            "if-none-match", "prefer", "commandname", "parametersetname", "x-ms-command-name");

    /** Query parameters kept as sent: the ARM and OData ones the surface reads. */
    private static final Set<String> PARAMETERS = Set.of("api-version", "$skiptoken", "$filter", "$top", "$skip",
            "$orderby", "$select", "$expand");

    private static final Pattern CREDENTIAL_NAME = Pattern.compile(
            "(?i).*(auth|cookie|token|secret|passw|pwd|key|sig|credential|assertion|session|code|sas|bearer).*");
    private static final Pattern CREDENTIAL_VALUE = Pattern.compile(
            "(?is)^\\s*(bearer|basic|digest|negotiate|ntlm|pop|sharedkey)\\s+.*"
                    + "|.*eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\..*");

    private JournalRedaction() {
    }

    /** The value the journal keeps for header {@code name} (lower case). */
    static String header(String name, String value) {
        if (HEADERS.contains(name)) {
            return value;
        }
        if ("authorization".equals(name) || "proxy-authorization".equals(name)) {
            int space = value.indexOf(' ');
            return (space > 0 ? value.substring(0, space) + " " : "") + REDACTED;
        }
        return credential(name, value) ? REDACTED : value;
    }

    /** The raw query string with every non-allowlisted credential-shaped parameter's value redacted. */
    static String query(String query) {
        if (query == null || query.isEmpty()) {
            return query;
        }
        StringJoiner out = new StringJoiner("&");
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (eq < 0 || PARAMETERS.contains(name.toLowerCase(Locale.ROOT))
                    || !credential(name, decode(pair.substring(eq + 1)))) {
                out.add(pair);
            } else {
                out.add(pair.substring(0, eq + 1) + REDACTED);
            }
        }
        return out.toString();
    }

    private static boolean credential(String name, String value) {
        return CREDENTIAL_NAME.matcher(name).matches() || value != null && CREDENTIAL_VALUE.matcher(value).matches();
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}

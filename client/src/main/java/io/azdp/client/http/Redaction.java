package io.azdp.client.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import io.azdp.model.arm.ArmHeaders;

/**
 * Makes requests safe to log: credential headers become {@code REDACTED}, and every query parameter value except
 * {@code api-version} is hidden (the service's status URLs carry signature parameters).
 * <p>Not API: public only because this library uses it across its packages; it may change without notice.
 */
public final class Redaction {
    public static final String REDACTED = "REDACTED";
    private static final Set<String> SENSITIVE_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-ms-authorization-auxiliary", "x-ms-client-secret");
    private static final Set<String> VISIBLE_QUERY = Set.of(ArmHeaders.API_VERSION);

    /** {@code client_secret=...}, {@code client_assertion=...}, {@code "access_token":"..."} and any JWT. */
    private static final java.util.regex.Pattern CREDENTIALS = java.util.regex.Pattern.compile(
            "(?i)((?:client_secret|client_assertion|access_token|refresh_token)\\W{1,3})[^\\s&,\"}\\]]+"
                    + "|\\beyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9._-]*");

    private Redaction() {
    }

    /** {@code text} with credential values (form fields, token JSON, JWTs) replaced by {@code REDACTED}. */
    public static String credentials(String text) {
        if (text == null) {
            return null;
        }
        java.util.regex.Matcher m = CREDENTIALS.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, m.group(1) != null ? "$1" + REDACTED : REDACTED);
        }
        m.appendTail(sb);
        return sb.toString();
    }

    public static boolean isSensitiveHeader(String name) {
        return name != null && SENSITIVE_HEADERS.contains(name.toLowerCase(Locale.ROOT));
    }

    /** {@code value}, or {@code REDACTED} for a credential header. */
    public static String header(String name, String value) {
        return isSensitiveHeader(name) ? REDACTED : value;
    }

    /** {@code {name=value, ...}} with credential headers redacted. */
    public static String headers(Map<String, List<String>> headers) {
        StringJoiner j = new StringJoiner(", ", "{", "}");
        headers.forEach((k, v) -> j.add(k + "=" + (isSensitiveHeader(k) ? REDACTED : String.join(",", v))));
        return j.toString();
    }

    /** The URL with all query values but {@code api-version} replaced by {@code REDACTED}. */
    public static String url(String url) {
        if (url == null) {
            return null;
        }
        int q = url.indexOf('?');
        if (q < 0) {
            return url;
        }
        int hash = url.indexOf('#', q);
        String query = hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash);
        StringJoiner j = new StringJoiner("&");
        for (String part : query.split("&", -1)) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            if (eq < 0 || VISIBLE_QUERY.contains(name.toLowerCase(Locale.ROOT))) {
                j.add(part);
            } else {
                j.add(name + "=" + REDACTED);
            }
        }
        return url.substring(0, q + 1) + j;
    }
}

package io.azdp.cli.common;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Removes secrets (client secrets, bearer tokens) from anything written to stderr. */
public final class Redactor {
    /** What a secret is replaced with. */
    public static final String REDACTED = "<redacted>";
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]+");
    private static final Pattern SECRET_PARAM = Pattern.compile("(?i)(client_secret=|\"client_secret\"\\s*:\\s*\"|"
            + "access_token\"\\s*:\\s*\"|client_assertion=)[^&\"\\s]+");

    private Redactor() {
    }

    public static void register(String secret) {
        if (secret != null && secret.length() >= 4) {
            SECRETS.add(secret);
        }
    }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : SECRETS) {
            out = out.replace(secret, REDACTED);
        }
        out = BEARER.matcher(out).replaceAll("$1" + REDACTED);
        return SECRET_PARAM.matcher(out).replaceAll("$1" + REDACTED);
    }
}

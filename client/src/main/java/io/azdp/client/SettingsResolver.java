package io.azdp.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.azdp.client.auth.CredentialKind;
import io.azdp.client.auth.CredentialSettings;
import io.azdp.client.http.ProxySettings;
import io.azdp.model.ValidationException;
import io.azdp.model.id.ArmNames;

/**
 * Resolves every {@link Setting} from explicit values &gt; the layers of {@link SettingSource}s (the environment
 * first) &gt; the default, parses and validates it, and names where a bad value came from.
 */
final class SettingsResolver {
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)?");
    static final String DURATION_EXPECTED = "a duration such as 90s, 10m, 2h or PT5M";
    static final String POSITIVE_DURATION_EXPECTED = "a duration greater than zero such as 2s, 500ms, 10m or PT5M";
    private static final String ENDPOINT_EXPECTED = "public, usgov, china or an http(s) URL";
    private static final String HTTPS_EXPECTED = "public, usgov, china or an absolute https URL such as "
            + "https://management.azure.com (plain http only for localhost, or with azdp.allow-insecure-http=true)";

    /** A raw value and where it came from: {@code layer} 0 is explicit, higher is further down, MAX the default. */
    record Value(String text, String origin, int layer) {
        static final int DEFAULT_LAYER = Integer.MAX_VALUE;
    }

    /**
     * The shortest poll interval a user may choose (ARM's guidance and the Azure SDKs poll no faster than every second
     * unless the service's {@code Retry-After} says less, which is still honoured): a shorter one is raised to it with a
     * warning.
     */
    static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(1);

    private final Map<Setting, Value> values = new EnumMap<>(Setting.class);
    /** Warnings of the last {@link #settings} (a poll interval raised to the floor), in order, without duplicates. */
    private final java.util.Set<String> warnings = new java.util.LinkedHashSet<>();

    SettingsResolver(Map<Setting, Value> explicit, List<SettingSource> layers) {
        for (Setting s : Setting.values()) {
            Value v = explicit.get(s);
            for (int i = 0; v == null && i < layers.size(); i++) {
                SettingSource layer = layers.get(i);
                Optional<String> text = layer.get(s);
                if (text.isPresent() && !text.get().isBlank()) {
                    v = new Value(text.get().strip(), layer.describe(s), i + 1);
                }
            }
            if (v == null && s.defaultValue().isPresent()) {
                v = new Value(s.defaultValue().get(), s.property(), Value.DEFAULT_LAYER);
            }
            if (v != null) {
                values.put(s, v);
            }
        }
        // credentials given explicitly (builder, CLI flags) win over an access token from further down
        Value token = values.get(Setting.ACCESS_TOKEN);
        if (token != null && token.layer() > 0
                && Setting.CREDENTIALS.stream().anyMatch(c -> values.containsKey(c) && values.get(c).layer() == 0)) {
            values.remove(Setting.ACCESS_TOKEN);
        }
    }

    Optional<Value> value(Setting s) {
        return Optional.ofNullable(values.get(s));
    }

    String text(Setting s) {
        Value v = values.get(s);
        return v == null ? null : v.text();
    }

    ClientSettings settings(RetryPolicy retryOverride, Map<String, String> headers, String userAgent) {
        boolean allowInsecureHttp = bool(Setting.ALLOW_INSECURE_HTTP);
        Value ep = values.get(Setting.ENDPOINT);
        Optional<AzureCloud> named = AzureCloud.byName(ep.text());
        URI endpoint = named.map(AzureCloud::endpoint).orElseGet(() -> endpoint(ep, allowInsecureHttp));
        AzureCloud cloud = named.or(() -> AzureCloud.byEndpoint(endpoint)).orElse(null);
        Value authority = values.get(Setting.AUTHORITY_HOST);
        URI authorityUri;
        if (authority != null) {
            authorityUri = url(authority, "an absolute URL such as https://login.microsoftonline.com");
        } else if (cloud != null) {
            authorityUri = cloud.authorityHost();
        } else if (isLoopback(endpoint)) {
            authorityUri = endpoint; // an emulator serves its own token endpoint
        } else {
            authorityUri = AzureCloud.PUBLIC.authorityHost();
        }
        String scope = Optional.ofNullable(text(Setting.SCOPE))
                .orElse((cloud != null ? cloud : AzureCloud.PUBLIC).scope());
        value(Setting.TENANT_ID).filter(v -> !CredentialSettings.TENANT.matcher(v.text()).matches()).ifPresent(v -> {
            throw ValidationException.of(v.origin(), CredentialSettings.TENANT_EXPECTED, v.text());
        });
        String subscription = value(Setting.SUBSCRIPTION_ID).map(v -> checked(v, ArmNames::requireSubscriptionId))
                .orElse(null);
        int poolSize = integer(Setting.CONNECTION_POOL_SIZE);
        if (poolSize < 1) {
            throw ValidationException.of(origin(Setting.CONNECTION_POOL_SIZE), "1 or more", String.valueOf(poolSize));
        }
        RetryPolicy retry = retryOverride != null ? retryOverride
                : checked(values.get(Setting.RETRY_MAX_RETRIES), t -> new RetryPolicy(integer(Setting.RETRY_MAX_RETRIES),
                        duration(Setting.RETRY_BASE_DELAY), duration(Setting.RETRY_MAX_DELAY),
                        duration(Setting.RETRY_MAX_RETRY_AFTER)));
        return new ClientSettings(endpoint, cloud, authorityUri, scope, text(Setting.API_VERSION),
                text(Setting.TENANT_ID), text(Setting.CLIENT_ID), subscription, pollInterval(Setting.POLL_INTERVAL),
                pollInterval(Setting.MAX_POLL_INTERVAL),
                values.containsKey(Setting.JOB_POLL_INTERVAL) ? pollInterval(Setting.JOB_POLL_INTERVAL)
                        : pollInterval(Setting.POLL_INTERVAL),
                duration(Setting.CONNECT_TIMEOUT), duration(Setting.READ_TIMEOUT), positive(Setting.OPERATION_TIMEOUT),
                bool(Setting.PREFLIGHT), poolSize, retry, headers, userAgent);
    }

    CredentialSettings credentials(ClientSettings s, Map<String, String> env, java.util.Properties jvm) {
        Value auth = values.get(Setting.AUTH);
        CredentialKind kind = CredentialKind.parse(auth.text(), auth.origin());
        Value imds = values.get(Setting.IMDS_ENDPOINT);
        URI imdsUri = url(imds, "an absolute http URL such as http://169.254.169.254");
        Value identity = values.get(Setting.IDENTITY_ENDPOINT);
        if (identity != null) {
            url(identity, "an absolute http(s) URL (IDENTITY_ENDPOINT)");
        }
        Value msi = values.get(Setting.MSI_ENDPOINT);
        if (msi != null) {
            url(msi, "an absolute http(s) URL (MSI_ENDPOINT)");
        }
        Value proxy = values.get(Setting.PROXY);
        String proxyText = proxy == null ? null : proxy.text();
        String proxyOrigin = proxy == null ? Setting.PROXY.property() : proxy.origin();
        String noProxy = text(Setting.NO_PROXY);
        // a bad proxy is a usage error now, not at the first call
        java.util.function.Function<URI, Optional<ProxySettings>> proxyFor = target -> ProxySettings.resolve(target,
                proxyText, proxyOrigin, noProxy, env, jvm);
        proxyFor.apply(s.endpoint());
        return new CredentialSettings(kind, s.authorityHost(), s.tenantId(), s.clientId(), text(Setting.CLIENT_SECRET),
                text(Setting.FEDERATED_TOKEN_FILE), text(Setting.ACCESS_TOKEN), s.scope(),
                s.connectTimeout().plus(s.readTimeout()), text(Setting.CLIENT_CERTIFICATE_PATH),
                text(Setting.CLIENT_CERTIFICATE_PASSWORD), bool(Setting.CLIENT_SEND_CERTIFICATE_CHAIN),
                text(Setting.CLIENT_ASSERTION), text(Setting.MANAGED_IDENTITY_OBJECT_ID),
                text(Setting.MANAGED_IDENTITY_RESOURCE_ID), imdsUri, text(Setting.IDENTITY_ENDPOINT),
                text(Setting.IDENTITY_HEADER), text(Setting.MSI_ENDPOINT), text(Setting.MSI_SECRET),
                text(Setting.AZURE_CLI_PATH), text(Setting.AZURE_DEVELOPER_CLI_PATH), text(Setting.AZURE_POWERSHELL_PATH),
                duration(Setting.AZURE_CLI_TIMEOUT),
                env.get("PATH"), proxyFor);
    }

    private String origin(Setting s) {
        Value v = values.get(s);
        return v == null ? s.property() : v.origin();
    }

    private static <T> T checked(Value v, java.util.function.Function<String, T> parse) {
        try {
            return parse.apply(v.text());
        } catch (ValidationException e) {
            throw ValidationException.of(v.origin(), e.expected(), v.text());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(v.origin(), "a valid value", v.origin() + ": " + e.getMessage());
        }
    }

    Duration duration(Setting s) {
        Value v = values.get(s);
        return parseDuration(v.origin(), v.text());
    }

    /**
     * A duration that must be more than zero: a zero poll interval polls as fast as the network allows (issue 16: up
     * to 9,000 status requests in 5 s), a zero timeout gives up before the first answer.
     */
    Duration positive(Setting s) {
        Value v = values.get(s);
        return parsePositiveDuration(v.origin(), v.text());
    }

    /**
     * A poll interval the user chose: more than zero (else a {@link ValidationException}), and at least
     * {@link #MIN_POLL_INTERVAL}: a shorter one is raised to it and {@link #warnings()} names where it came from.
     */
    Duration pollInterval(Setting s) {
        Value v = values.get(s);
        Duration d = parsePositiveDuration(v.origin(), v.text());
        if (d.compareTo(MIN_POLL_INTERVAL) < 0) {
            warnings.add(v.origin() + ": " + v.text() + " is below the 1s floor of poll intervals; polling every 1s "
                    + "(a shorter Retry-After from the service is still honoured)");
            return MIN_POLL_INTERVAL;
        }
        return d;
    }

    /** What the last {@link #settings} resolution warned of, in order (each once). */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    static Duration parsePositiveDuration(String origin, String text) {
        Duration d = parseDuration(origin, text);
        if (d.isZero()) {
            throw ValidationException.of(origin, POSITIVE_DURATION_EXPECTED, text);
        }
        return d;
    }

    private boolean bool(Setting s) {
        Value v = values.get(s);
        String t = v.text().toLowerCase(Locale.ROOT);
        if (t.equals("true") || t.equals("false")) {
            return Boolean.parseBoolean(t);
        }
        throw ValidationException.of(v.origin(), "true or false", v.text());
    }

    private int integer(Setting s) {
        Value v = values.get(s);
        try {
            return Integer.parseInt(v.text());
        } catch (NumberFormatException e) {
            throw ValidationException.of(v.origin(), "a whole number", v.text());
        }
    }

    /**
     * {@code 90s}, {@code 10m}, {@code 2h}, {@code 500ms}, a plain number of seconds, or ISO-8601 ({@code PT5M});
     * never negative.
     */
    static Duration parseDuration(String origin, String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE_DURATION.matcher(t);
        if (m.matches()) {
            try {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "s" : m.group(2);
                return switch (unit) {
                    case "ms" -> Duration.ofMillis(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofSeconds(n);
                };
            } catch (NumberFormatException | ArithmeticException tooLarge) {
                throw ValidationException.of(origin, DURATION_EXPECTED + " (at most " + Long.MAX_VALUE
                        + " seconds)", text);
            }
        }
        try {
            Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
            if (!d.isNegative()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // fall through to the error below
        }
        throw ValidationException.of(origin, DURATION_EXPECTED, text);
    }

    /** A cloud's name was not given: an absolute http(s) URL, plain http for loopback hosts only unless allowed. */
    private static URI endpoint(Value v, boolean allowInsecureHttp) {
        URI uri = url(v, ENDPOINT_EXPECTED);
        if ("http".equalsIgnoreCase(uri.getScheme()) && !allowInsecureHttp && !isLoopback(uri)) {
            throw ValidationException.of(v.origin(), HTTPS_EXPECTED, v.text());
        }
        return uri;
    }

    /** An absolute http(s) URL without query or fragment, trailing slashes removed. */
    private static URI url(Value v, String expected) {
        try {
            URI uri = new URI(v.text().trim());
            String scheme = uri.getScheme();
            if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
                throw ValidationException.of(v.origin(), expected, v.text());
            }
            String s = uri.toString();
            while (s.endsWith("/")) {
                s = s.substring(0, s.length() - 1);
            }
            return new URI(s);
        } catch (URISyntaxException e) {
            throw ValidationException.of(v.origin(), expected, v.text());
        }
    }

    /** True for localhost, 127.0.0.0/8 and ::1 (no DNS lookup for other names). */
    static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.matches("[0-9.]+") || h.contains(":")) {
            try {
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}

package io.azdp.client.http;

import java.net.Authenticator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.azdp.model.ValidationException;

/**
 * The HTTP proxy for one target URL, resolved as {@code az} and curl do: an explicit proxy ({@code azdp.proxy}),
 * else {@code HTTPS_PROXY} / {@code https_proxy} for https targets and {@code HTTP_PROXY} / {@code http_proxy} for
 * http ones, else the JVM's {@code https.proxyHost}/{@code https.proxyPort} ({@code http.*} for http targets, with
 * {@code http.nonProxyHosts}); {@code NO_PROXY} / {@code no_proxy} (comma list of host names, domain suffixes,
 * IP addresses, IPv4 CIDR ranges or {@code *}) bypasses it. Credentials come from the URL's user info
 * ({@code http://user:pass@host:port}) or the JVM's {@code https.proxyUser}/{@code https.proxyPassword}; they are
 * never printed: {@link #toString()} and {@link #describe()} leave them out.
 *
 * @param host     proxy host
 * @param port     proxy port
 * @param user     user name, or null
 * @param password password (secret), or null
 * @param origin   where it came from ({@code HTTPS_PROXY}, {@code azdp.proxy}, {@code https.proxyHost})
 */
public record ProxySettings(String host, int port, String user, String password, String origin) {

    private static final Pattern CIDR = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3})/(\\d{1,2})");
    private static final String EXPECTED = "a proxy URL such as http://proxy.example.com:3128 or"
            + " http://user:password@proxy:3128";

    /** One line for diagnostics: {@code http://host:port (from HTTPS_PROXY, with credentials)}, no secret. */
    public String describe() {
        return "http://" + host + ":" + port + " (from " + origin + (user != null ? ", with credentials" : "") + ")";
    }

    @Override
    public String toString() {
        return "ProxySettings[" + describe() + "]";
    }

    /**
     * A JDK {@link HttpClient} for the calls azdp makes outside the REST and OIDC clients (managed identity, the
     * token endpoint's TLS diagnosis): through {@code proxy} with its credentials, or direct (never the JVM's default
     * proxy selector, which the settings have already been resolved from); redirects are not followed.
     */
    public static HttpClient jdkClient(Optional<ProxySettings> proxy, Duration connectTimeout) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).proxy(HttpClient.Builder.NO_PROXY);
        proxy.ifPresent(p -> {
            b.proxy(ProxySelector.of(InetSocketAddress.createUnresolved(p.host(), p.port())));
            if (p.user() != null) {
                b.authenticator(new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return getRequestorType() == RequestorType.PROXY ? new PasswordAuthentication(p.user(),
                                (p.password() == null ? "" : p.password()).toCharArray()) : null;
                    }
                });
            }
        });
        return b.build();
    }

    /**
     * The proxy for {@code target}, if any.
     *
     * @param explicit       {@code azdp.proxy} (or null), naming {@code explicitOrigin} in errors
     * @param noProxy        {@code azdp.no-proxy} / {@code NO_PROXY} (or null)
     * @param env            the environment ({@code HTTPS_PROXY}, {@code no_proxy}, ...)
     * @param jvm            system properties ({@code https.proxyHost}, ...)
     */
    public static Optional<ProxySettings> resolve(URI target, String explicit, String explicitOrigin, String noProxy,
            Map<String, String> env, Properties jvm) {
        boolean https = "https".equalsIgnoreCase(target.getScheme());
        String host = target.getHost() == null ? "" : target.getHost().toLowerCase(Locale.ROOT);
        String bypass = present(noProxy) ? noProxy : first(env::get, "NO_PROXY", "no_proxy");
        if (present(explicit)) {
            return bypassed(host, bypass) ? Optional.empty() : Optional.of(parse(explicit, explicitOrigin));
        }
        String[] names = https ? new String[] {"HTTPS_PROXY", "https_proxy"} : new String[] {"http_proxy", "HTTP_PROXY"};
        for (String name : names) {
            String v = env.get(name);
            if (present(v)) {
                return bypassed(host, bypass) ? Optional.empty() : Optional.of(parse(v, name));
            }
        }
        String prefix = https ? "https." : "http.";
        String jvmHost = jvm.getProperty(prefix + "proxyHost");
        if (!present(jvmHost)) {
            return Optional.empty();
        }
        if (bypassed(host, bypass) || jvmBypassed(host, jvm.getProperty("http.nonProxyHosts"))) {
            return Optional.empty();
        }
        String portText = jvm.getProperty(prefix + "proxyPort", https ? "443" : "80");
        int port;
        try {
            port = Integer.parseInt(portText.trim());
        } catch (NumberFormatException e) {
            throw ValidationException.of(prefix + "proxyPort", "a port number", portText);
        }
        String user = first(jvm::getProperty, prefix + "proxyUser", "http.proxyUser");
        String password = first(jvm::getProperty, prefix + "proxyPassword", "http.proxyPassword");
        return Optional.of(new ProxySettings(jvmHost.trim(), port, user, password, prefix + "proxyHost"));
    }

    /** {@code http://[user:pass@]host[:port]} or {@code host:port}; the error never shows the text (it may hold a password). */
    static ProxySettings parse(String text, String origin) {
        String t = text.trim();
        if (!t.contains("://")) {
            t = "http://" + t;
        }
        URI uri;
        try {
            uri = new URI(t);
        } catch (URISyntaxException e) {
            throw new ValidationException(origin, EXPECTED, origin + ": expected " + EXPECTED
                    + " (the value is not shown: it may hold a password)");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new ValidationException(origin, EXPECTED, origin + ": expected " + EXPECTED + ", got scheme '"
                    + uri.getScheme() + "' (only HTTP proxies are supported; the value is not shown: it may hold a"
                    + " password)");
        }
        String user = null;
        String password = null;
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = URLDecoder.decode(colon < 0 ? info : info.substring(0, colon), StandardCharsets.UTF_8);
            password = colon < 0 ? null : URLDecoder.decode(info.substring(colon + 1), StandardCharsets.UTF_8);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        return new ProxySettings(uri.getHost(), port, user, password, origin);
    }

    /** curl's NO_PROXY: {@code *}, exact host, domain suffix (with or without a leading dot), IP, IPv4 CIDR. */
    static boolean bypassed(String host, String noProxy) {
        if (!present(noProxy) || host.isEmpty()) {
            return false;
        }
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        for (String raw : noProxy.split(",")) {
            String e = raw.trim().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            if (e.equals("*")) {
                return true;
            }
            if (e.startsWith("[") && e.contains("]")) {
                e = e.substring(1, e.indexOf(']'));
            } else if (e.indexOf(':') == e.lastIndexOf(':') && e.contains(":")) {
                e = e.substring(0, e.indexOf(':')); // host:port
            }
            if (e.startsWith("*.")) {
                e = e.substring(1);
            }
            var cidr = CIDR.matcher(e);
            if (cidr.matches()) {
                if (inCidr(h, cidr.group(1), Integer.parseInt(cidr.group(2)))) {
                    return true;
                }
                continue;
            }
            String domain = e.startsWith(".") ? e.substring(1) : e;
            if (h.equals(domain) || h.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    /** The JVM's {@code http.nonProxyHosts}: {@code |}-separated patterns with {@code *} wildcards. */
    static boolean jvmBypassed(String host, String nonProxyHosts) {
        if (!present(nonProxyHosts)) {
            return false;
        }
        for (String p : nonProxyHosts.split("\\|")) {
            String pattern = p.trim().toLowerCase(Locale.ROOT);
            if (!pattern.isEmpty() && Pattern.matches(Pattern.quote(pattern).replace("*", "\\E.*\\Q"), host)) {
                return true;
            }
        }
        return false;
    }

    private static boolean inCidr(String host, String network, int bits) {
        if (!host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || bits > 32) {
            return false;
        }
        try {
            byte[] a = InetAddress.getByName(host).getAddress();
            byte[] n = InetAddress.getByName(network).getAddress();
            long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
            return (toLong(a) & mask) == (toLong(n) & mask);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static long toLong(byte[] b) {
        return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
    }

    private static String first(Function<String, String> lookup, String... names) {
        for (String n : names) {
            String v = lookup.apply(n);
            if (present(v)) {
                return v;
            }
        }
        return null;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}

package io.azdp.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.azdp.model.ValidationException;

class ProxySettingsTest {
    private static final URI ARM = URI.create("https://management.azure.com");

    @Test
    void httpsTargetsUseHttpsProxyAndHttpTargetsHttpProxy() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://secure:3128", "http_proxy", "plain:8080");
        assertThat(ProxySettings.resolve(ARM, null, "azdp.proxy", null, env, new Properties()))
                .hasValueSatisfying(p -> assertThat(p.describe()).isEqualTo("http://secure:3128 (from HTTPS_PROXY)"));
        assertThat(ProxySettings.resolve(URI.create("http://localhost:8080"), null, "azdp.proxy", null, env,
                new Properties())).hasValueSatisfying(p -> {
                    assertThat(p.host()).isEqualTo("plain");
                    assertThat(p.port()).isEqualTo(8080);
                });
    }

    @Test
    void anExplicitProxyWinsAndCredentialsAreDecodedButNeverPrinted() {
        ProxySettings p = ProxySettings.resolve(ARM, "http://me:p%40ss%3Aword@proxy:9000", "--proxy", null,
                Map.of("HTTPS_PROXY", "http://other:1"), new Properties()).orElseThrow();
        assertThat(p.user()).isEqualTo("me");
        assertThat(p.password()).isEqualTo("p@ss:word");
        assertThat(p.toString()).doesNotContain("p@ss").contains("with credentials");
    }

    @Test
    void noProxyFollowsCurl() {
        assertThat(ProxySettings.bypassed("management.azure.com", ".azure.com")).isTrue();
        assertThat(ProxySettings.bypassed("management.azure.com", "azure.com")).isTrue();
        assertThat(ProxySettings.bypassed("notazure.com", "azure.com")).isFalse();
        assertThat(ProxySettings.bypassed("anything", "*")).isTrue();
        assertThat(ProxySettings.bypassed("169.254.169.254", "10.0.0.0/8, 169.254.0.0/16")).isTrue();
        assertThat(ProxySettings.bypassed("11.0.0.1", "10.0.0.0/8")).isFalse();
        assertThat(ProxySettings.bypassed("localhost", "localhost:8080")).isTrue();
        assertThat(ProxySettings.bypassed("localhost", "")).isFalse();
        assertThat(ProxySettings.resolve(ARM, "http://p:1", "azdp.proxy", null, Map.of("no_proxy", "azure.com"),
                new Properties())).isEmpty();
    }

    @Test
    void jvmPropertiesWithNonProxyHostsAndUser() {
        Properties jvm = new Properties();
        jvm.setProperty("https.proxyHost", "jvmproxy");
        jvm.setProperty("https.proxyUser", "u");
        jvm.setProperty("https.proxyPassword", "pw");
        ProxySettings p = ProxySettings.resolve(ARM, null, "azdp.proxy", null, Map.of(), jvm).orElseThrow();
        assertThat(p.port()).isEqualTo(443);
        assertThat(p.user()).isEqualTo("u");
        jvm.setProperty("http.nonProxyHosts", "*.azure.com|localhost");
        assertThat(ProxySettings.resolve(ARM, null, "azdp.proxy", null, Map.of(), jvm)).isEmpty();
    }

    @Test
    void socksOrGarbageIsRefusedNamingTheOriginNotTheValue() {
        assertThatThrownBy(() -> ProxySettings.parse("socks5://u:topsecret@h:1", "HTTPS_PROXY"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("HTTPS_PROXY")
                .hasMessageNotContaining("topsecret");
    }
}

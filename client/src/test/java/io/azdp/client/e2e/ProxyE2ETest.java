package io.azdp.client.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.azdp.client.DataProtectionClient;
import io.azdp.client.error.ArmException;
import io.azdp.mock.junit.ForwardProxy;
import io.quarkus.test.junit.QuarkusTest;

/** ARM and token calls through a real forward proxy on loopback that records what passes through it. */
@QuarkusTest
class ProxyE2ETest extends E2eSupport {

    private String host() {
        return URI.create(mock().baseUrl()).getHost();
    }

    @Test
    void httpProxyCarriesTokenAndArmCalls() throws Exception {
        try (ForwardProxy proxy = ForwardProxy.start()) {
            DataProtectionClient c = client(null, b -> b.environment(Map.of("HTTP_PROXY", proxy.url())));
            assertThat(c.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE);
            assertThat(proxy.requests()).anySatisfy(r -> assertThat(r).startsWith("POST " + mock().baseUrl() + "/"
                    + Mock.TENANT + "/oauth2/v2.0/token"));
            assertThat(proxy.requests()).anySatisfy(r -> assertThat(r).startsWith("GET " + mock().baseUrl()
                    + "/subscriptions/" + Mock.SUBSCRIPTION));
        }
    }

    @Test
    void noProxyBypassesIt() throws Exception {
        try (ForwardProxy proxy = ForwardProxy.start()) {
            DataProtectionClient c = client(null, b -> b.environment(Map.of("HTTP_PROXY", proxy.url(), "NO_PROXY",
                    "example.com," + host())));
            assertThat(c.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE);
            assertThat(proxy.requests()).isEmpty();
        }
    }

    @Test
    void proxyCredentialsFromTheUrlAreSentAndNeverShown() throws Exception {
        try (ForwardProxy proxy = ForwardProxy.withCredentials("proxyuser", "pr0xy:p@ss")) {
            String url = "http://proxyuser:pr0xy%3Ap%40ss@127.0.0.1:" + proxy.port();
            DataProtectionClient c = client(null, b -> b.environment(Map.of("http_proxy", url)));
            assertThat(c.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE);
            assertThat(proxy.refused()).isEmpty();
            assertThat(proxy.requests()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(c.credentialDescription()).doesNotContain("pr0xy");

            DataProtectionClient wrong = client(null, b -> b.environment(Map.of("http_proxy",
                    "http://proxyuser:wrong-pass@127.0.0.1:" + proxy.port())));
            assertThatThrownBy(() -> wrong.getBackupInstance(INSTANCE)).isInstanceOf(ArmException.class)
                    .hasMessageNotContaining("wrong-pass");
            assertThat(proxy.refused()).isNotEmpty();
        }
    }

    @Test
    void jvmProxyPropertiesAreHonouredWithNonProxyHosts() throws Exception {
        try (ForwardProxy proxy = ForwardProxy.start()) {
            Properties jvm = new Properties();
            jvm.setProperty("http.proxyHost", "127.0.0.1");
            jvm.setProperty("http.proxyPort", String.valueOf(proxy.port()));
            DataProtectionClient c = client(null, b -> b.environment(Map.of()).systemProperties(jvm));
            assertThat(c.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE);
            int through = proxy.requests().size();
            assertThat(through).isGreaterThanOrEqualTo(2);
            jvm.setProperty("http.nonProxyHosts", "example.org|" + host());
            DataProtectionClient bypass = client(null, b -> b.environment(Map.of()).systemProperties(jvm));
            assertThat(bypass.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE);
            assertThat(proxy.requests()).hasSize(through);
        }
    }

    @Test
    void imdsIsReachedDirectlyAndAppServiceThroughTheProxy() throws Exception {
        try (ForwardProxy proxy = ForwardProxy.withCredentials("u", "p")) {
            String proxyUrl = "http://u:p@127.0.0.1:" + proxy.port();
            // IMDS behind a proxy is unsupported (Microsoft's IMDS docs): the probe and the token request go direct,
            // alone and in the default chain, while ARM calls still use the proxy
            DataProtectionClient alone = client(null, b -> b.clientSecret(null).clientId(null).auth("managed-identity")
                    .environment(Map.of("AZURE_POD_IDENTITY_AUTHORITY_HOST", mock().baseUrl(), "HTTP_PROXY",
                            proxyUrl)));
            assertThat(alone.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE);
            DataProtectionClient chain = client(null, b -> b.clientSecret(null).clientId(null)
                    .environment(Map.of("AZURE_POD_IDENTITY_AUTHORITY_HOST", mock().baseUrl(), "HTTP_PROXY",
                            proxyUrl, "PATH", "/nonexistent")));
            assertThat(chain.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE);
            assertThat(chain.credentialDescription()).startsWith("managed identity (IMDS");
            assertThat(proxy.requests()).noneSatisfy(r -> assertThat(r).contains("/metadata/identity/"))
                    .anySatisfy(r -> assertThat(r).startsWith("GET " + mock().baseUrl() + "/subscriptions/"));

            DataProtectionClient appService = client(null, b -> b.clientSecret(null).clientId(null)
                    .auth("managed-identity").environment(Map.of("IDENTITY_ENDPOINT", mock().baseUrl() + "/msi/token",
                            "IDENTITY_HEADER", server.identityHeader(), "HTTP_PROXY", proxyUrl)));
            assertThat(appService.getBackupInstance(INSTANCE).name()).isEqualTo(Mock.INSTANCE);
            assertThat(proxy.requests()).anySatisfy(r -> assertThat(r).startsWith("GET " + mock().baseUrl()
                    + "/msi/token?"));
        }
    }

    @Test
    void aProxyUrlThatIsNotHttpIsAUsageErrorThatHidesTheValue() {
        assertThatThrownBy(() -> client(null, b -> b.environment(Map.of("HTTPS_PROXY",
                "socks5://user:secret@proxy:1080")).endpoint("https://management.azure.com")))
                .isInstanceOf(io.azdp.model.ValidationException.class)
                .hasMessageContaining("HTTPS_PROXY").hasMessageNotContaining("secret");
    }
}

package io.azdp.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

/**
 * The TLS hand-off of {@link AzdpMockTestResource} end to end in a real Quarkus application: with init arg
 * {@code azdp.mock.https.enabled=true}, a Quarkus REST client pointed at {@code ${azdp.mock.https-url}} that names the
 * TLS configuration {@code azdp-mock} (as mock-junit's README tells users) completes the handshake with the emulator;
 * the same client without it does not, since the JVM's default trust store does not know the emulator's certificate.
 */
@QuarkusTest
@TestProfile(AzdpMockTestResourceTlsQuarkusTest.Clients.class)
@QuarkusTestResource(value = AzdpMockTestResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "azdp.mock.https.enabled", value = "true"))
class AzdpMockTestResourceTlsQuarkusTest {

    /** Two REST clients at the emulator's HTTPS URL: one names the handed-out TLS configuration, one does not. */
    public static class Clients implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.rest-client.trusting.url", "${azdp.mock.https-url}",
                    "quarkus.rest-client.trusting.tls-configuration-name", AzdpMockTestResource.TLS_CONFIGURATION,
                    "quarkus.rest-client.untrusting.url", "${azdp.mock.https-url}");
        }
    }

    @Path("/q/health/ready")
    @RegisterRestClient(configKey = "trusting")
    interface Trusting {
        @GET
        String ready();
    }

    @Path("/q/health/ready")
    @RegisterRestClient(configKey = "untrusting")
    interface Untrusting {
        @GET
        String ready();
    }

    @Inject
    @RestClient
    Trusting trusting;

    @Inject
    @RestClient
    Untrusting untrusting;

    @InjectAzdpMock
    AzdpMockServer mock;

    @Test
    void aRestClientNamingTheAzdpMockTlsConfigurationReachesTheEmulatorOverHttps() {
        assertThat(mock.hasHttps()).isTrue();
        assertThat(mock.httpsUrl()).startsWith("https://localhost:");
        assertThat(trusting.ready()).contains("\"status\"").contains("UP");
    }

    @Test
    void withoutTheTlsConfigurationTheSameCallFailsTheHandshake() {
        assertThatThrownBy(untrusting::ready).satisfies(e -> assertThat(Stream.iterate(e, Objects::nonNull,
                Throwable::getCause)).anySatisfy(c -> assertThat(c).isInstanceOf(SSLHandshakeException.class)
                        .hasMessageContaining("PKIX path building failed")));
    }
}

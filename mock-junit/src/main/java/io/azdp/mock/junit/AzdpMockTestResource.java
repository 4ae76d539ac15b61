package io.azdp.mock.junit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Quarkus test resource: {@code @QuarkusTestResource(AzdpMockTestResource.class)} (or {@code @WithTestResource})
 * starts azdp-mock before the application and sets {@code azdp.endpoint}, {@code azdp.authority-host},
 * {@code azdp.tenant-id}, {@code azdp.client-id}, {@code azdp.client-secret} and {@code azdp.subscription-id}.
 * Init args are passed to the emulator as settings (e.g. {@code azdp.mock.clock.mode=virtual}). Init arg
 * {@code azdp.mock.https.enabled=true} also serves HTTPS on a free port and hands out its URL
 * ({@code azdp.mock.https-url}), the certificate file ({@code azdp.mock.https.certificate-file}) and a Quarkus TLS
 * configuration named {@value #TLS_CONFIGURATION} that trusts it, for REST and OIDC clients that name it
 * ({@code quarkus.rest-client.<client>.tls-configuration-name=azdp-mock}). Fields annotated {@link InjectAzdpMock}
 * receive the {@link AzdpMockServer}.
 */
public class AzdpMockTestResource implements QuarkusTestResourceLifecycleManager {

    /** The Quarkus TLS registry configuration that trusts the emulator's HTTPS certificate. */
    public static final String TLS_CONFIGURATION = "azdp-mock";
    private static final String HTTPS = "azdp.mock.https.enabled";

    private final Map<String, String> settings = new LinkedHashMap<>();
    private AzdpMockServer server;

    @Override
    public void init(Map<String, String> initArgs) {
        settings.putAll(initArgs);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> emulator = new LinkedHashMap<>(settings);
        boolean https = Boolean.parseBoolean(emulator.remove(HTTPS));
        AzdpMockServer.Builder builder = AzdpMockServer.builder().properties(emulator);
        server = (https ? builder.https() : builder).start();
        return config(server);
    }

    /** The client configuration pointing at {@code server}. */
    public static Map<String, String> config(AzdpMockServer server) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("azdp.endpoint", server.baseUrl());
        config.put("azdp.authority-host", server.baseUrl());
        config.put("azdp.tenant-id", server.tenantId());
        config.put("azdp.client-id", server.clientId());
        config.put("azdp.client-secret", server.clientSecret());
        config.put("azdp.subscription-id", server.subscriptionId());
        if (server.hasHttps()) {
            config.put("azdp.mock.https-url", server.httpsUrl());
            config.put("azdp.mock.https.certificate-file", server.certificateFile().toString());
            config.put("quarkus.tls." + TLS_CONFIGURATION + ".trust-store.pem.certs", server.certificateFile().toString());
        }
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectAzdpMock.class, AzdpMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}

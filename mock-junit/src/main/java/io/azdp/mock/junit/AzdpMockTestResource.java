package io.azdp.mock.junit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Quarkus test resource: {@code @QuarkusTestResource(AzdpMockTestResource.class)} (or {@code @WithTestResource})
 * starts azdp-mock before the application and sets {@code azdp.endpoint}, {@code azdp.authority-host},
 * {@code azdp.tenant-id}, {@code azdp.client-id}, {@code azdp.client-secret} and {@code azdp.subscription-id}.
 * Init args are passed to the emulator as settings (e.g. {@code azdp.mock.clock.mode=virtual}). Fields annotated
 * {@link InjectAzdpMock} receive the {@link AzdpMockServer}.
 */
public class AzdpMockTestResource implements QuarkusTestResourceLifecycleManager {

    private final Map<String, String> settings = new LinkedHashMap<>();
    private AzdpMockServer server;

    @Override
    public void init(Map<String, String> initArgs) {
        settings.putAll(initArgs);
    }

    @Override
    public Map<String, String> start() {
        server = AzdpMockServer.builder().properties(settings).start();
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

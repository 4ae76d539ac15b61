package io.azdp.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * Makes {@link DataProtectionClient} and {@link MutinyDataProtectionClient} injectable in a Quarkus application that
 * depends on this jar (the jar carries a Jandex index, so the producer is discovered). Both are {@code @DefaultBean}s:
 * an application can produce its own. The client is created on first injection; missing credentials only fail the
 * first request.
 */
@ApplicationScoped
public class DataProtectionClientProducer {

    @Produces
    @Singleton
    @DefaultBean
    DataProtectionClient dataProtectionClient(AzdpClientConfig config) {
        return DataProtectionClient.builder().config(config).build();
    }

    @Produces
    @Singleton
    @DefaultBean
    MutinyDataProtectionClient mutinyDataProtectionClient(DataProtectionClient client) {
        return client.mutiny();
    }

    void close(@Disposes DataProtectionClient client) {
        client.close();
    }
}

package io.azdp.mock.https;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Says at start where the HTTPS certificate to trust is, so SDK users need not look for it. */
@ApplicationScoped
public class HttpsAnnouncement {

    private static final Logger LOG = Logger.getLogger(HttpsAnnouncement.class);

    void announce(@Observes StartupEvent event) {
        HttpsMaterial.certificateFile().ifPresent(file -> LOG.infof("azdp-mock HTTPS: clients trust the certificate"
                + " in %s (also GET /_mock/https/certificate); Azure SDK settings: docs/sdk.md", file.toAbsolutePath()));
    }
}

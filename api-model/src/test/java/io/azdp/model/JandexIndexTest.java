package io.azdp.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Quarkus consumers (client, mock, CLI) discover the records through the Jandex index built with the jar. */
class JandexIndexTest {

    @Test
    void indexIsPackagedAndNamesTheModel() throws Exception {
        try (InputStream in = AzdpJson.class.getResourceAsStream("/META-INF/jandex.idx")) {
            assertThat(in).as("META-INF/jandex.idx").isNotNull();
            String raw = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(raw).contains("OperationResource").contains("AzureBackupJob").contains("BackupPolicy");
        }
    }
}

package io.azdp.model.instance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.azdp.model.internal.Immutables;
import java.util.Map;

/** Body of {@code GET .../backupVaults/{vault}/backupInstances/{name}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupInstanceResource(String id, String name, String type, Map<String, String> tags,
        BackupInstance properties) {
    public BackupInstanceResource {
        tags = Immutables.map(tags);
    }
}

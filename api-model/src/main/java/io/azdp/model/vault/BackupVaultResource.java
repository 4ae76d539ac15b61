package io.azdp.model.vault;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.azdp.model.internal.Immutables;
import java.util.Map;

/** Body of {@code GET .../backupVaults/{vault}}; {@code identity} is kept as a tree. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupVaultResource(String id, String name, String type, String location, Map<String, String> tags,
        JsonNode identity, BackupVault properties) {
    public BackupVaultResource {
        tags = Immutables.map(tags);
    }
}

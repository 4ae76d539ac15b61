package io.azdp.model.vault;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.azdp.model.internal.Immutables;
import java.util.List;

/** {@code BackupVault} properties; the settings objects are kept as trees. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupVault(String provisioningState, List<StorageSetting> storageSettings, JsonNode monitoringSettings,
        JsonNode securitySettings, JsonNode featureSettings, String secureScore, String bcdrSecurityLevel) {
    public BackupVault {
        storageSettings = Immutables.list(storageSettings);
    }
}

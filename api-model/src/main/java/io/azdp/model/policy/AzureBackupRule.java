package io.azdp.model.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code AzureBackupRule}: when and where backups are taken; its {@code name} is what an adhoc backup names. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = JsonDeserializer.None.class)
public record AzureBackupRule(String name, JsonNode backupParameters, DataStoreInfoBase dataStore,
        TriggerContext trigger) implements BasePolicyRule {
    public static final String OBJECT_TYPE = "AzureBackupRule";

    @Override
    @JsonProperty("objectType")
    public String objectType() {
        return OBJECT_TYPE;
    }
}

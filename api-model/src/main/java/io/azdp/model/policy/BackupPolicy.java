package io.azdp.model.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.azdp.model.internal.Immutables;
import java.util.List;

/** {@code BackupPolicy}: datasource types and the policy's rules (backup rules and retention rules). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = JsonDeserializer.None.class)
public record BackupPolicy(List<String> datasourceTypes, List<BasePolicyRule> policyRules) implements BaseBackupPolicy {
    public static final String OBJECT_TYPE = "BackupPolicy";

    public BackupPolicy {
        datasourceTypes = Immutables.list(datasourceTypes);
        policyRules = Immutables.list(policyRules);
    }

    @Override
    @JsonProperty("objectType")
    public String objectType() {
        return OBJECT_TYPE;
    }
}

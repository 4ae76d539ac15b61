package io.azdp.model.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code AzureRetentionRule}: how long tagged recovery points are kept. Its name is NOT a valid adhoc {@code ruleName}. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = JsonDeserializer.None.class)
public record AzureRetentionRule(String name, @JsonProperty("isDefault") Boolean isDefault, JsonNode lifecycles)
        implements BasePolicyRule {
    public static final String OBJECT_TYPE = "AzureRetentionRule";

    @Override
    @JsonProperty("objectType")
    public String objectType() {
        return OBJECT_TYPE;
    }
}

package io.azdp.model.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** A rule triggered only on demand, with a single retention tag. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = JsonDeserializer.None.class)
public record AdhocBasedTriggerContext(AdhocBasedTaggingCriteria taggingCriteria) implements TriggerContext {
    public static final String OBJECT_TYPE = "AdhocBasedTriggerContext";

    @Override
    @JsonProperty("objectType")
    public String objectType() {
        return OBJECT_TYPE;
    }
}

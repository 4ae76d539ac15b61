package io.azdp.model.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.azdp.model.internal.Immutables;
import java.util.List;

/** Which backups get which retention tag; {@code criteria} objects are kept as trees. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaggingCriteria(List<JsonNode> criteria, @JsonProperty("isDefault") Boolean isDefault,
        Long taggingPriority, RetentionTag tagInfo) {
    public TaggingCriteria {
        criteria = Immutables.list(criteria);
    }
}

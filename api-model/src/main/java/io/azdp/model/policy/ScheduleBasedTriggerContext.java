package io.azdp.model.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.azdp.model.internal.Immutables;
import java.util.List;

/** Scheduled backups; {@code taggingCriteria[].tagInfo.tagName} are the retention tags an adhoc backup may override with. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = JsonDeserializer.None.class)
public record ScheduleBasedTriggerContext(BackupSchedule schedule, List<TaggingCriteria> taggingCriteria)
        implements TriggerContext {
    public static final String OBJECT_TYPE = "ScheduleBasedTriggerContext";

    public ScheduleBasedTriggerContext {
        taggingCriteria = Immutables.list(taggingCriteria);
    }

    @Override
    @JsonProperty("objectType")
    public String objectType() {
        return OBJECT_TYPE;
    }
}

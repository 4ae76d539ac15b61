package io.azdp.model.policy;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.azdp.model.internal.Immutables;
import io.azdp.model.internal.UnknownObject;
import io.azdp.model.internal.UnknownObjectSerializer;
import java.util.Map;

/** A trigger of an objectType this model does not know; {@code properties} excludes objectType. */
@JsonSerialize(using = UnknownObjectSerializer.class)
public record UnknownTriggerContext(String objectType, Map<String, Object> properties)
        implements TriggerContext, UnknownObject {
    public UnknownTriggerContext {
        properties = properties == null ? Map.of() : Immutables.map(properties);
    }
}

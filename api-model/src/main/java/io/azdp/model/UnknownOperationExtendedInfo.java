package io.azdp.model;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.azdp.model.internal.Immutables;
import io.azdp.model.internal.UnknownObject;
import io.azdp.model.internal.UnknownObjectSerializer;
import java.util.Map;

/** An {@link OperationExtendedInfo} of an objectType this model does not know; {@code properties} excludes objectType. */
@JsonSerialize(using = UnknownObjectSerializer.class)
public record UnknownOperationExtendedInfo(String objectType, Map<String, Object> properties)
        implements OperationExtendedInfo, UnknownObject {
    public UnknownOperationExtendedInfo {
        properties = properties == null ? Map.of() : Immutables.map(properties);
    }
}

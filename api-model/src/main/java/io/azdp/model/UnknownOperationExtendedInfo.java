package io.azdp.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.azdp.model.internal.Immutables;
import io.azdp.model.internal.ObjectTypeDeserializer;
import io.azdp.model.internal.UnknownObject;
import io.azdp.model.internal.UnknownObjectSerializer;
import java.util.Map;

/** An {@link OperationExtendedInfo} of an objectType this model does not know; {@code properties} excludes objectType. */
@JsonSerialize(using = UnknownObjectSerializer.class)
@JsonDeserialize(using = UnknownOperationExtendedInfo.Deserializer.class)
public record UnknownOperationExtendedInfo(String objectType, Map<String, Object> properties)
        implements OperationExtendedInfo, UnknownObject {
    public UnknownOperationExtendedInfo {
        properties = properties == null ? Map.of() : Immutables.map(properties);
    }

    /** Reads this record directly; through the interface, known objectTypes bind to their records instead. */
    public static final class Deserializer extends ObjectTypeDeserializer.AsUnknown<UnknownOperationExtendedInfo> {
        private static final long serialVersionUID = 1L;

        public Deserializer() {
            super(UnknownOperationExtendedInfo.class);
        }

        @Override
        protected UnknownOperationExtendedInfo unknown(String objectType, Map<String, Object> properties) {
            return new UnknownOperationExtendedInfo(objectType, properties);
        }
    }
}

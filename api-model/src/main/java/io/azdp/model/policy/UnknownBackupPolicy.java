package io.azdp.model.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.azdp.model.internal.Immutables;
import io.azdp.model.internal.ObjectTypeDeserializer;
import io.azdp.model.internal.UnknownObject;
import io.azdp.model.internal.UnknownObjectSerializer;
import java.util.Map;

/** A policy of an objectType this model does not know; {@code properties} excludes objectType. */
@JsonSerialize(using = UnknownObjectSerializer.class)
@JsonDeserialize(using = UnknownBackupPolicy.Deserializer.class)
public record UnknownBackupPolicy(String objectType, Map<String, Object> properties)
        implements BaseBackupPolicy, UnknownObject {
    public UnknownBackupPolicy {
        properties = properties == null ? Map.of() : Immutables.map(properties);
    }

    /** Reads this record directly; through the interface, known objectTypes bind to their records instead. */
    public static final class Deserializer extends ObjectTypeDeserializer.AsUnknown<UnknownBackupPolicy> {
        private static final long serialVersionUID = 1L;

        public Deserializer() {
            super(UnknownBackupPolicy.class);
        }

        @Override
        protected UnknownBackupPolicy unknown(String objectType, Map<String, Object> properties) {
            return new UnknownBackupPolicy(objectType, properties);
        }
    }
}

package io.azdp.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.azdp.model.internal.ObjectTypeDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * {@code OperationExtendedInfo}, polymorphic on {@code objectType}: {@link OperationJobExtendedInfo} or, for any other
 * objectType, {@link UnknownOperationExtendedInfo} (nothing is lost, it writes back the same JSON).
 */
@JsonDeserialize(using = OperationExtendedInfo.Deserializer.class)
public sealed interface OperationExtendedInfo permits OperationJobExtendedInfo, UnknownOperationExtendedInfo {

    /** The discriminator, e.g. {@code OperationJobExtendedInfo}. */
    String objectType();

    /** Tolerant reader; a missing objectType with a {@code jobId} is taken as {@link OperationJobExtendedInfo}. */
    final class Deserializer extends ObjectTypeDeserializer<OperationExtendedInfo> {
        private static final long serialVersionUID = 1L;

        public Deserializer() {
            super(OperationExtendedInfo.class,
                    Map.of(OperationJobExtendedInfo.OBJECT_TYPE, OperationJobExtendedInfo.class));
        }

        @Override
        protected Class<? extends OperationExtendedInfo> inferWhenMissing(ObjectNode node) {
            return node.has("jobId") ? OperationJobExtendedInfo.class : null;
        }

        @Override
        protected OperationExtendedInfo unknown(String objectType, Map<String, Object> properties, ObjectNode node) {
            return new UnknownOperationExtendedInfo(objectType, properties);
        }
    }
}

package io.azdp.model.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.azdp.model.internal.ObjectTypeDeserializer;
import java.util.Map;

/** The {@code trigger} of a backup rule: {@link ScheduleBasedTriggerContext}, {@link AdhocBasedTriggerContext} or unknown. */
@JsonDeserialize(using = TriggerContext.Deserializer.class)
public sealed interface TriggerContext permits ScheduleBasedTriggerContext, AdhocBasedTriggerContext,
        UnknownTriggerContext {

    String objectType();

    /** Tolerant reader; without objectType, a {@code schedule} means schedule-based. */
    final class Deserializer extends ObjectTypeDeserializer<TriggerContext> {
        private static final long serialVersionUID = 1L;

        public Deserializer() {
            super(TriggerContext.class, Map.of(ScheduleBasedTriggerContext.OBJECT_TYPE, ScheduleBasedTriggerContext.class,
                    AdhocBasedTriggerContext.OBJECT_TYPE, AdhocBasedTriggerContext.class));
        }

        @Override
        protected Class<? extends TriggerContext> inferWhenMissing(ObjectNode node) {
            return node.has("schedule") ? ScheduleBasedTriggerContext.class : null;
        }

        @Override
        protected TriggerContext unknown(String objectType, Map<String, Object> properties, ObjectNode node) {
            return new UnknownTriggerContext(objectType, properties);
        }
    }
}

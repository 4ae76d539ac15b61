package io.azdp.model.policy;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.azdp.model.internal.Immutables;
import io.azdp.model.internal.ObjectTypeDeserializer;
import io.azdp.model.internal.UnknownObject;
import io.azdp.model.internal.UnknownObjectSerializer;
import java.util.LinkedHashMap;
import java.util.Map;

/** A policy rule of an objectType this model does not know; {@code properties} excludes objectType and name. */
@JsonSerialize(using = UnknownObjectSerializer.class)
@JsonDeserialize(using = UnknownPolicyRule.Deserializer.class)
public record UnknownPolicyRule(String objectType, String name, Map<String, Object> properties)
        implements BasePolicyRule, UnknownObject {
    public UnknownPolicyRule {
        properties = properties == null ? Map.of() : Immutables.map(properties);
    }

    @Override
    public Map<String, Object> fixedFields() {
        return name == null ? Map.of() : Map.of("name", name);
    }

    /** Reads this record directly; through the interface, known objectTypes bind to their records instead. */
    public static final class Deserializer extends ObjectTypeDeserializer.AsUnknown<UnknownPolicyRule> {
        private static final long serialVersionUID = 1L;

        public Deserializer() {
            super(UnknownPolicyRule.class);
        }

        @Override
        protected UnknownPolicyRule unknown(String objectType, Map<String, Object> properties) {
            Map<String, Object> rest = new LinkedHashMap<>(properties);
            Object name = rest.remove("name");
            return new UnknownPolicyRule(objectType, name == null ? null : String.valueOf(name), rest);
        }
    }
}

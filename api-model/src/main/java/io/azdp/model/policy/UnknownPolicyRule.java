package io.azdp.model.policy;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.azdp.model.internal.Immutables;
import io.azdp.model.internal.UnknownObject;
import io.azdp.model.internal.UnknownObjectSerializer;
import java.util.Map;

/** A policy rule of an objectType this model does not know; {@code properties} excludes objectType and name. */
@JsonSerialize(using = UnknownObjectSerializer.class)
public record UnknownPolicyRule(String objectType, String name, Map<String, Object> properties)
        implements BasePolicyRule, UnknownObject {
    public UnknownPolicyRule {
        properties = properties == null ? Map.of() : Immutables.map(properties);
    }

    @Override
    public Map<String, Object> fixedFields() {
        return name == null ? Map.of() : Map.of("name", name);
    }
}

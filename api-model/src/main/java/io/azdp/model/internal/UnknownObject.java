package io.azdp.model.internal;

import java.util.Map;

/**
 * A polymorphic value whose {@code objectType} this version of the model does not know. Not API.
 * Serialized by {@link UnknownObjectSerializer}: {@code objectType} first (exactly once), then {@link #fixedFields()},
 * then {@link #properties()} minus any key already written.
 */
public interface UnknownObject {
    String objectType();

    Map<String, Object> properties();

    /** Fields held in their own record components (e.g. a rule's {@code name}); empty by default. */
    default Map<String, Object> fixedFields() {
        return Map.of();
    }
}

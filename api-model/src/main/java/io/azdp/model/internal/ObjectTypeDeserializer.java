package io.azdp.model.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Tolerant reader for a sealed interface discriminated by {@code objectType}. Not API.
 * <p>A known {@code objectType} (compared case-insensitively) is bound to its record; anything else (including a
 * missing {@code objectType} that {@link #inferWhenMissing} cannot place) becomes the interface's {@code Unknown*}
 * record, which keeps the {@code objectType} and every other property so it can be written back unchanged.
 */
public abstract class ObjectTypeDeserializer<T> extends StdDeserializer<T> {
    private static final long serialVersionUID = 1L;
    public static final String OBJECT_TYPE = "objectType";

    private final Map<String, Class<? extends T>> known = new LinkedHashMap<>();

    protected ObjectTypeDeserializer(Class<T> base, Map<String, Class<? extends T>> knownTypes) {
        super(base);
        knownTypes.forEach((k, v) -> known.put(k.toLowerCase(Locale.ROOT), v));
    }

    /** Builds the fallback for an unknown objectType; {@code properties} excludes {@code objectType}. */
    protected abstract T unknown(String objectType, Map<String, Object> properties, ObjectNode node);

    /** Chooses a subtype when {@code objectType} is absent; {@code null} means "unknown". */
    protected Class<? extends T> inferWhenMissing(ObjectNode node) {
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.START_OBJECT && t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT) {
            return (T) ctxt.handleUnexpectedToken(handledType(), p);
        }
        ObjectNode node = (ObjectNode) ctxt.readTree(p);
        JsonNode ot = node.get(OBJECT_TYPE);
        String objectType = ot != null && ot.isValueNode() && !ot.isNull() ? ot.asText() : null;
        Class<? extends T> target = objectType == null
                ? inferWhenMissing(node)
                : known.get(objectType.toLowerCase(Locale.ROOT));
        if (target != null) {
            return ctxt.readTreeAsValue(node, target);
        }
        return unknown(objectType, propertiesWithoutObjectType(node, ctxt), node);
    }

    /** The properties of {@code node} except {@code objectType}, as plain maps, lists and scalars. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> propertiesWithoutObjectType(ObjectNode node, DeserializationContext ctxt)
            throws IOException {
        ObjectNode rest = node.deepCopy();
        rest.remove(OBJECT_TYPE);
        Map<String, Object> raw = ctxt.readTreeAsValue(rest, LinkedHashMap.class);
        return Collections.unmodifiableMap(new LinkedHashMap<>(raw));
    }

    /**
     * Reads an {@code Unknown*} record directly (when asked for that class rather than its interface): whatever the
     * {@code objectType}, the object is kept as unknown.
     */
    public abstract static class AsUnknown<U> extends StdDeserializer<U> {
        private static final long serialVersionUID = 1L;

        protected AsUnknown(Class<U> type) {
            super(type);
        }

        protected abstract U unknown(String objectType, Map<String, Object> properties);

        @Override
        @SuppressWarnings("unchecked")
        public U deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken t = p.currentToken();
            if (t != JsonToken.START_OBJECT && t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT) {
                return (U) ctxt.handleUnexpectedToken(handledType(), p);
            }
            ObjectNode node = (ObjectNode) ctxt.readTree(p);
            JsonNode ot = node.get(OBJECT_TYPE);
            String objectType = ot != null && ot.isValueNode() && !ot.isNull() ? ot.asText() : null;
            return unknown(objectType, propertiesWithoutObjectType(node, ctxt));
        }
    }
}

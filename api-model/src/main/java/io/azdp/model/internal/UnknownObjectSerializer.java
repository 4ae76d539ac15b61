package io.azdp.model.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Writes an {@link UnknownObject} back in its original flat shape, with {@code objectType} exactly once. Not API. */
public final class UnknownObjectSerializer extends StdSerializer<UnknownObject> {
    private static final long serialVersionUID = 1L;

    public UnknownObjectSerializer() {
        super(UnknownObject.class);
    }

    @Override
    public void serialize(UnknownObject value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeStartObject(value);
        Set<String> written = new HashSet<>();
        written.add(ObjectTypeDeserializer.OBJECT_TYPE);
        if (value.objectType() != null) {
            gen.writeStringField(ObjectTypeDeserializer.OBJECT_TYPE, value.objectType());
        }
        for (Map.Entry<String, Object> e : value.fixedFields().entrySet()) {
            if (written.add(e.getKey()) && e.getValue() != null) {
                provider.defaultSerializeField(e.getKey(), e.getValue(), gen);
            }
        }
        if (value.properties() != null) {
            for (Map.Entry<String, Object> e : value.properties().entrySet()) {
                if (written.add(e.getKey())) {
                    provider.defaultSerializeField(e.getKey(), e.getValue(), gen);
                }
            }
        }
        gen.writeEndObject();
    }
}

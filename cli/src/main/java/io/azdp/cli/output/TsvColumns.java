package io.azdp.cli.output;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The columns of {@code -o tsv} (ADR 0012): fixed per result type, so a script's {@code cut -f3} means the same field
 * for every row and every run. For a result the CLI made (a job, a trigger result, ...), the columns come from the
 * type, not from the values: every property Jackson writes, in the order json prints them, nested objects flattened
 * ({@code properties.status}) up to three levels; a property that is absent or null in one row is an empty field, never
 * a shifted row. Maps, lists of objects and deeper objects are one column holding compact JSON. After {@code --query}
 * the result has no type: the columns are the keys of the query's objects in first-seen order across all rows (a
 * multiselect hash, {@code [].{a:x,b:y}}, always yields all its keys).
 */
public final class TsvColumns {
    private static final int DEPTH = 3;
    private static final Map<Class<?>, List<String>> BY_TYPE = new ConcurrentHashMap<>();

    private TsvColumns() {
    }

    /** The columns of {@code type}'s rows; empty for a scalar type. */
    static List<String> forType(ObjectMapper mapper, Class<?> type) {
        return BY_TYPE.computeIfAbsent(type, t -> {
            List<String> columns = new ArrayList<>();
            SerializerProvider provider = mapper.getSerializerProviderInstance();
            collect(provider, mapper.constructType(t), "", DEPTH, columns);
            return List.copyOf(columns);
        });
    }

    private static void collect(SerializerProvider provider, JavaType type, String prefix, int depth,
            List<String> columns) {
        Iterator<PropertyWriter> properties = beanProperties(provider, type);
        if (properties == null) {
            return;
        }
        while (properties.hasNext()) {
            PropertyWriter property = properties.next();
            String name = prefix + property.getName();
            JavaType propertyType = property.getType();
            if (depth > 1 && !propertyType.isContainerType() && beanProperties(provider, propertyType) != null) {
                collect(provider, propertyType, name + ".", depth - 1, columns);
            } else {
                columns.add(name);
            }
        }
    }

    /** The properties of a bean type, or null for anything Jackson does not write as a bean (scalars, enums, maps). */
    private static Iterator<PropertyWriter> beanProperties(SerializerProvider provider, JavaType type) {
        if (type == null || type.isContainerType() || type.isPrimitive() || type.isEnumType()
                || type.getRawClass() == Object.class || JsonNode.class.isAssignableFrom(type.getRawClass())) {
            return null;
        }
        try {
            JsonSerializer<Object> serializer = provider.findValueSerializer(type);
            return serializer instanceof BeanSerializerBase ? serializer.properties() : null;
        } catch (JsonMappingException e) {
            return null;
        }
    }

    /** The element type whose columns a value's rows have: the value's class, or its first element's for a list. */
    static Class<?> rowType(Object value) {
        if (value instanceof Collection<?> c) {
            return c.stream().filter(e -> e != null).findFirst().map(Object::getClass).orElse(null);
        }
        return value == null || value instanceof JsonNode ? null : value.getClass();
    }

    /** Columns from the data (after --query): the union of the rows' flattened keys, in first-seen order. */
    static List<String> fromData(JsonNode value) {
        Set<String> columns = new LinkedHashSet<>();
        Iterable<JsonNode> rows = value.isArray() ? value : List.of(value);
        for (JsonNode row : rows) {
            if (row.isObject()) {
                flattenKeys("", row, DEPTH, columns);
            }
        }
        return List.copyOf(columns);
    }

    private static void flattenKeys(String prefix, JsonNode node, int depth, Set<String> out) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = prefix + field.getKey();
            if (field.getValue().isObject() && depth > 1) {
                flattenKeys(key + ".", field.getValue(), depth - 1, out);
            } else {
                out.add(key);
            }
        }
    }

    /** The value at a column path; missing when any step is. */
    static JsonNode at(JsonNode row, String column) {
        JsonNode v = row;
        for (String segment : column.split("\\.")) {
            v = v.path(segment);
        }
        return v;
    }
}

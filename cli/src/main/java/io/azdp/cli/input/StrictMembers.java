package io.azdp.cli.input;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.azdp.cli.common.ClosestName;
import io.azdp.model.AzdpJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what the user wrote strictly: every member of a request document must be a member of the model type it binds
 * to, at every level, else one line naming it and the closest valid name ({@code triggerOptions} silently dropped the
 * retention tag before). The model's tolerant reading ({@code ignoreUnknown}) stays for what the service sends; this
 * check runs on user input only, before the tolerant read.
 */
final class StrictMembers {
    private static final ObjectMapper MAPPER = AzdpJson.newMapper();

    private StrictMembers() {
    }

    /** Checks {@code node} against {@code type}; {@code path} is where it is ({@code $}). */
    static void check(String location, String path, JsonNode node, Class<?> type) {
        check(location, path, node, MAPPER.constructType(type));
    }

    private static void check(String location, String path, JsonNode node, JavaType type) {
        if (!node.isObject() || !isModel(type)) {
            return;
        }
        Map<String, JavaType> members = members(type);
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JavaType memberType = members.get(field.getKey());
            String at = path + "." + field.getKey();
            if (memberType == null) {
                throw new InputException(location, at, "unknown member; "
                        + ClosestName.hint(field.getKey(), List.copyOf(members.keySet())));
            }
            check(location, at, field.getValue(), memberType);
        }
    }

    /** The members Jackson reads into {@code type}, by their JSON names. */
    private static Map<String, JavaType> members(JavaType type) {
        BeanDescription description = MAPPER.getDeserializationConfig().introspect(type);
        Map<String, JavaType> members = new LinkedHashMap<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (property.couldDeserialize()) {
                members.put(property.getName(), property.getPrimaryType());
            }
        }
        return members;
    }

    /** A type of the wire model (checked member by member); anything else (strings, maps, lists) is not. */
    private static boolean isModel(JavaType type) {
        return !type.isContainerType() && !type.isEnumType()
                && type.getRawClass().getPackageName().startsWith("io.azdp.model");
    }
}

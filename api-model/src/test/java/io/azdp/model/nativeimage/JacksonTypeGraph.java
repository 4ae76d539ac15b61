package io.azdp.model.nativeimage;

import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedParameter;
import com.fasterxml.jackson.databind.introspect.AnnotatedWithParams;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The classes Jackson needs reflection on to read and write some root types, found with Jackson's own introspection:
 * bean properties (serialization and deserialization view), creator parameters, {@code @JsonValue} accessors,
 * {@code @JsonSubTypes} and sealed subtypes, supertypes, generic element/key types, and the (de)serializers named by
 * {@code @JsonSerialize}/{@code @JsonDeserialize} together with the types they handle.
 * <p>JDK, Jakarta and Jackson types are not followed: Jackson reads and writes them with its own code (or, for
 * {@code Object}, {@code Map} and {@code JsonNode}, as untyped trees), no reflection registration is asked of the
 * application. Each class is kept with the first path that reached it, for error messages.
 */
public final class JacksonTypeGraph {
    private static final List<String> NOT_FOLLOWED = List.of("java.", "javax.", "jakarta.", "jdk.", "sun.",
            "com.sun.", "com.fasterxml.jackson.");

    private final ObjectMapper mapper;
    private final TypeFactory types;
    private final Map<String, String> reached = new TreeMap<>();

    private JacksonTypeGraph(ObjectMapper mapper) {
        this.mapper = mapper;
        this.types = mapper.getTypeFactory();
    }

    /** A graph walked with {@code mapper}'s configuration (annotation introspector, modules, subtypes). */
    public static JacksonTypeGraph with(ObjectMapper mapper) {
        return new JacksonTypeGraph(mapper);
    }

    /** Adds a root type (a {@link Class}, a parameterized type, ...) and everything Jackson reaches from it. */
    public JacksonTypeGraph root(Type type, String why) {
        walk(types.constructType(type), why);
        return this;
    }

    /** Adds a root type and everything Jackson reaches from it. */
    public JacksonTypeGraph root(JavaType type, String why) {
        walk(type, why);
        return this;
    }

    /** Class name to the first path that reached it, sorted by name. */
    public Map<String, String> classes() {
        return Collections.unmodifiableMap(reached);
    }

    /** Whether Jackson handles {@code c} with its own code: primitives, JDK, Jakarta and Jackson types. */
    public static boolean notFollowed(Class<?> c) {
        if (c.isPrimitive()) {
            return true;
        }
        String name = c.getName();
        return NOT_FOLLOWED.stream().anyMatch(name::startsWith);
    }

    private void walk(JavaType t, String why) {
        if (t == null) {
            return;
        }
        if (t.isArrayType()) {
            walk(t.getContentType(), why + "[]");
            return;
        }
        if (t.getKeyType() != null) {
            walk(t.getKeyType(), why + "{key}");
        }
        if (t.isContainerType() || t.isReferenceType()) {
            walk(t.getContentType(), why + (t.isReferenceType() ? "<>" : "[]"));
        } else {
            for (JavaType p : t.getBindings().getTypeParameters()) {
                walk(p, why + "<" + p.getRawClass().getSimpleName() + ">");
            }
        }
        visit(t.getRawClass(), why);
    }

    private void visit(Class<?> c, String why) {
        if (c == null || notFollowed(c) || c.isAnonymousClass() || c.isSynthetic()) {
            return;
        }
        if (c.isArray()) {
            visit(c.getComponentType(), why);
            return;
        }
        if (reached.putIfAbsent(c.getName(), why) != null) {
            return;
        }
        String here = why.endsWith(c.getSimpleName()) ? why : why + " > " + c.getSimpleName();
        if (c.getSuperclass() != null) {
            visit(c.getSuperclass(), here + " (superclass)");
        }
        for (Class<?> i : c.getInterfaces()) {
            visit(i, here + " (interface)");
        }
        if (c.isSealed()) {
            for (Class<?> p : c.getPermittedSubclasses()) {
                visit(p, here + " (permitted subtype)");
            }
        }
        if (JsonSerializer.class.isAssignableFrom(c) || JsonDeserializer.class.isAssignableFrom(c)
                || KeyDeserializer.class.isAssignableFrom(c)) {
            handled(c, here);
            return; // a (de)serializer is instantiated, not bound as a bean
        }
        JavaType t = types.constructType(c);
        serialization(t, here);
        deserialization(t, here);
    }

    private void serialization(JavaType t, String here) {
        SerializationConfig config = mapper.getSerializationConfig();
        AnnotationIntrospector ai = config.getAnnotationIntrospector();
        BeanDescription d = config.introspect(t);
        AnnotatedClass ac = d.getClassInfo();
        handler(ai.findSerializer(ac), here + " @JsonSerialize");
        subtypes(config, ac, here);
        AnnotatedMember value = d.findJsonValueAccessor();
        if (value != null) {
            walk(value.getType(), here + " @JsonValue");
        }
        for (BeanPropertyDefinition p : d.findProperties()) {
            String at = here + "." + p.getName();
            walk(p.getPrimaryType(), at);
            AnnotatedMember m = p.getAccessor() != null ? p.getAccessor() : p.getPrimaryMember();
            if (m != null) {
                handler(ai.findSerializer(m), at + " @JsonSerialize");
                handler(ai.findContentSerializer(m), at + " @JsonSerialize(contentUsing)");
                handler(ai.findKeySerializer(m), at + " @JsonSerialize(keyUsing)");
                refined(() -> ai.refineSerializationType(config, m, m.getType()), m.getType(), at);
            }
        }
    }

    private void deserialization(JavaType t, String here) {
        DeserializationConfig config = mapper.getDeserializationConfig();
        AnnotationIntrospector ai = config.getAnnotationIntrospector();
        BeanDescription d = config.introspect(t);
        AnnotatedClass ac = d.getClassInfo();
        handler(ai.findDeserializer(ac), here + " @JsonDeserialize");
        Class<?> builder = ai.findPOJOBuilder(ac);
        if (builder != null) {
            visit(builder, here + " @JsonPOJOBuilder");
        }
        subtypes(config, ac, here);
        for (BeanPropertyDefinition p : d.findProperties()) {
            String at = here + "." + p.getName();
            walk(p.getPrimaryType(), at);
            List<AnnotatedMember> members = new ArrayList<>();
            if (p.getMutator() != null) {
                members.add(p.getMutator());
            }
            p.getConstructorParameters().forEachRemaining(members::add);
            for (AnnotatedMember m : members) {
                handler(ai.findDeserializer(m), at + " @JsonDeserialize");
                handler(ai.findContentDeserializer(m), at + " @JsonDeserialize(contentUsing)");
                handler(ai.findKeyDeserializer(m), at + " @JsonDeserialize(keyUsing)");
                refined(() -> ai.refineDeserializationType(config, m, m.getType()), m.getType(), at);
            }
        }
        List<AnnotatedWithParams> creators = new ArrayList<>(d.getConstructors());
        creators.addAll(d.getFactoryMethods());
        boolean record = t.getRawClass().isRecord();
        for (AnnotatedWithParams creator : creators) {
            boolean canonical = record && creator.getParameterCount() == t.getRawClass().getRecordComponents().length;
            if (ai.findCreatorAnnotation(config, creator) == null && !canonical) {
                continue;
            }
            for (int i = 0; i < creator.getParameterCount(); i++) {
                AnnotatedParameter param = creator.getParameter(i);
                String at = here + " @JsonCreator(" + i + ")";
                walk(param.getType(), at);
                handler(ai.findDeserializer(param), at + " @JsonDeserialize");
                handler(ai.findContentDeserializer(param), at + " @JsonDeserialize(contentUsing)");
            }
        }
    }

    private void subtypes(MapperConfig<?> config, AnnotatedClass ac, String here) {
        for (NamedType nt : config.getSubtypeResolver().collectAndResolveSubtypesByClass(config, ac)) {
            if (nt.getType() != ac.getRawType()) {
                visit(nt.getType(), here + " @JsonSubTypes");
            }
        }
    }

    private interface Refinement {
        JavaType get() throws JsonMappingException;
    }

    /** {@code @JsonSerialize(as = ...)} / {@code @JsonDeserialize(as = ...)}: the type Jackson uses instead. */
    private void refined(Refinement refinement, JavaType declared, String at) {
        JavaType refined;
        try {
            refined = refinement.get();
        } catch (JsonMappingException e) {
            throw new IllegalStateException(at + ": " + e.getOriginalMessage(), e);
        }
        if (refined != null && !refined.equals(declared)) {
            walk(refined, at + " (as)");
        }
    }

    /** A (de)serializer class named in an annotation: instantiated reflectively, and the type it handles. */
    private void handler(Object h, String why) {
        if (h instanceof Class<?> k && k != JsonSerializer.None.class && k != JsonDeserializer.None.class
                && k != KeyDeserializer.None.class) {
            visit(k, why);
        }
    }

    private void handled(Class<?> handler, String why) {
        for (Class<?> base : List.of(JsonSerializer.class, JsonDeserializer.class)) {
            if (base.isAssignableFrom(handler)) {
                List<JavaType> params = types.constructType(handler).findTypeParameters(base) == null ? List.of()
                        : List.of(types.constructType(handler).findTypeParameters(base));
                if (params.size() == 1) {
                    walk(params.get(0), why + " (handled type)");
                }
            }
        }
    }
}

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
import java.io.Serializable;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The classes Jackson needs reflection on to read and write some root types, found with Jackson's own introspection:
 * bean properties (serialization and deserialization view), creator parameters, {@code @JsonValue} accessors,
 * {@code @JsonSubTypes} and sealed subtypes, supertypes, generic element/key types, and the (de)serializers named by
 * {@code @JsonSerialize}/{@code @JsonDeserialize} together with the types they handle.
 * <p>JDK, Jakarta and Jackson types are not followed: Jackson reads and writes them with its own code (or, for
 * {@code Object}, {@code Map} and {@code JsonNode}, as untyped trees), no reflection registration is asked of the
 * application. Each class is kept with the first path that reached it, for error messages.
 * <p>Which classes an untyped value needs cannot be told, though: a property of the project's own types declared
 * {@code Object}, {@code Serializable}, {@code Comparable}, a raw generic type ({@code List}, {@code Map}), or with
 * such a type argument or a {@code ?} wildcard ({@code Map<String, Object>}, {@code List<?>}) binds whatever value
 * it holds at run time, a model record included. Those are listed in {@link #untyped()} (properties, creator
 * parameters, {@code @JsonValue}, {@code @JsonAnyGetter}/{@code @JsonAnySetter}); the check fails on each one that is
 * not accepted with a reason. A type variable ({@code T items}) is not listed: its binding is walked where the
 * parameterized type is used. {@code JsonNode} and its subtypes are trees and are fine.
 */
public final class JacksonTypeGraph {
    /** Types that say nothing about the value: Jackson binds whatever the property holds. */
    private static final Set<Class<?>> UNTYPED = Set.of(Object.class, Serializable.class, Comparable.class);
    private static final List<String> NOT_FOLLOWED = List.of("java.", "javax.", "jakarta.", "jdk.", "sun.",
            "com.sun.", "com.fasterxml.jackson.");

    private final ObjectMapper mapper;
    private final TypeFactory types;
    private final Map<String, String> reached = new TreeMap<>();
    private final Map<String, String> untyped = new TreeMap<>();

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

    /**
     * Properties whose value type is not statically known, as {@code declaring.class.Name.property} (or
     * {@code .@JsonValue}, {@code .@JsonAnyGetter}, {@code .@JsonAnySetter}) to the declared type and the first path
     * that reached it, sorted.
     */
    public Map<String, String> untyped() {
        return Collections.unmodifiableMap(untyped);
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
            untyped(value, "@JsonValue", here + " @JsonValue");
        }
        AnnotatedMember anyGetter = d.findAnyGetter();
        if (anyGetter != null) {
            walk(anyGetter.getType(), here + " @JsonAnyGetter");
            untyped(anyGetter, "@JsonAnyGetter", here + " @JsonAnyGetter");
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
                untyped(m, p.getName(), at);
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
                untyped(m, p.getName(), at);
            }
        }
        AnnotatedMember anySetter = d.findAnySetterAccessor();
        if (anySetter != null) {
            walk(anySetter instanceof AnnotatedWithParams w ? w.getParameterType(w.getParameterCount() - 1)
                    : anySetter.getType(), here + " @JsonAnySetter");
            untyped(anySetter, "@JsonAnySetter", here + " @JsonAnySetter");
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
                String implicit = ai.findImplicitPropertyName(param);
                String name = canonical ? t.getRawClass().getRecordComponents()[i].getName()
                        : implicit != null ? implicit : "arg" + i;
                untyped(param, name, at);
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

    /** Records {@code m} in {@link #untyped()} when its declared type does not say what Jackson binds there. */
    private void untyped(AnnotatedMember m, String property, String at) {
        Type declared = declaredType(m);
        String unknown = declared == null ? "" : notKnown(declared);
        if (!unknown.isEmpty()) {
            String type = shortName(declared);
            untyped.putIfAbsent(m.getDeclaringClass().getName() + "." + property, "declared " + type
                    + (type.equals(unknown) ? "" : " (" + unknown + " in it)") + ", at " + at);
        }
    }

    /** The member's declared generic type: a field's, a getter's result, a setter's (last) parameter's. */
    private static Type declaredType(AnnotatedMember m) {
        if (m instanceof AnnotatedParameter p) {
            if (p.getOwner().getAnnotated() instanceof Executable x && p.getIndex() < x.getParameterCount()) {
                return x.getParameters()[p.getIndex()].getParameterizedType();
            }
            return null;
        }
        if (m.getAnnotated() instanceof Field f) {
            return f.getGenericType();
        }
        if (m.getAnnotated() instanceof Method x) {
            return x.getParameterCount() == 0 ? x.getGenericReturnType()
                    : x.getGenericParameterTypes()[x.getParameterCount() - 1];
        }
        return null;
    }

    /**
     * The part of {@code t} that does not say which class is bound ("Object", "raw List", "?"), or "" when
     * everything is known. A type variable counts as known (see the class comment).
     */
    static String notKnown(Type t) {
        if (t instanceof Class<?> k) {
            if (k.isArray()) {
                return notKnown(k.getComponentType());
            }
            if (UNTYPED.contains(k)) {
                return k.getSimpleName();
            }
            return k.getTypeParameters().length > 0 ? "raw " + k.getSimpleName() : "";
        }
        if (t instanceof ParameterizedType p) {
            for (Type a : p.getActualTypeArguments()) {
                String u = notKnown(a);
                if (!u.isEmpty()) {
                    return u;
                }
            }
            return UNTYPED.contains(p.getRawType()) ? ((Class<?>) p.getRawType()).getSimpleName() : "";
        }
        if (t instanceof GenericArrayType g) {
            return notKnown(g.getGenericComponentType());
        }
        if (t instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0) {
                return w.getTypeName();
            }
            String u = notKnown(w.getUpperBounds()[0]);
            return u.equals("Object") ? "?" : u;
        }
        return ""; // a type variable
    }

    private static String shortName(Type t) {
        return t.getTypeName().replace("java.lang.", "").replace("java.util.", "");
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

package io.azdp.model.nativeimage;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeBindings;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LocalVariableNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * The types an application's own code hands to Jackson, found in its bytecode: every call that makes Jackson read into
 * a type ({@code AzdpJson.read/convert}, {@code ObjectMapper.readValue/readerFor/convertValue/treeToValue}, ...,
 * JAX-RS {@code Response.readEntity}) or write a value ({@code AzdpJson.write}, {@code ObjectMapper.writeValue*},
 * {@code valueToTree}, JAX-RS {@code Response.ok/entity}, Vert.x {@code Json.encode}), plus the bodies and results of
 * JAX-RS resource methods and REST client interfaces.
 * <p>What reaches such a call is traced back through the method (locals, casts, method results with their generic
 * types, fields, class literals, {@code new TypeReference<...>() {}}); a value that comes from a parameter makes that
 * parameter a sink too, so callers of helpers such as {@code print(Object value)} are traced in turn (also through
 * lambdas that capture it). A value whose type cannot be told (declared {@code Object}, a raw collection...) is
 * reported as unresolved, with its call site, so a new dynamic use cannot slip through.
 */
public final class JacksonCallSites {
    /** A type Jackson binds and where: {@code site} is {@code Class.method(File.java:line) -> sink}. */
    public record Root(JavaType type, String site) {
    }

    private enum Kind {
        /** The argument is a type Jackson reads into (or writes as): a Class, TypeReference or JavaType. */
        TYPE,
        /** The argument is a value Jackson writes. */
        VALUE
    }

    private static final Set<String> TYPE_ARGS = Set.of("Ljava/lang/Class;", "Lcom/fasterxml/jackson/core/type/TypeReference;",
            "Lcom/fasterxml/jackson/databind/JavaType;", "Lcom/fasterxml/jackson/core/type/ResolvedType;",
            "Ljava/lang/reflect/Type;");
    private static final Set<String> JACKSON_TYPE_SINKS = Set.of("readValue", "readValues", "readerFor", "readerForListOf",
            "readerForMapOf", "readerForArrayOf", "forType", "treeToValue", "convertValue", "readTreeAsValue",
            "readValueAs", "readValuesAs", "writerFor", "writerWithType");
    private static final Set<String> JACKSON_VALUE_SINKS = Set.of("writeValue", "writeValueAsString", "writeValueAsBytes",
            "valueToTree", "convertValue", "writeObject", "writePOJO", "writePOJOField", "writeObjectField", "putPOJO",
            "pojoNode", "addPOJO", "defaultSerializeValue", "defaultSerializeField", "write", "writeAll");
    private static final Set<String> JAXRS_VALUE_SINKS = Set.of("ok", "accepted", "entity", "json");
    private static final Set<String> BODY_ANNOTATION_PACKAGES = Set.of("jakarta.ws.rs.", "org.jboss.resteasy.reactive.",
            "org.eclipse.microprofile.rest.client.");
    private static final List<String> NOT_A_BODY = List.of("io.vertx.", "io.quarkus.", "io.smallrye.", "org.jboss.",
            "jakarta.");

    private final ClassLoader loader;
    private final TypeFactory types;
    private final Map<String, ClassNode> classes = new TreeMap<>();
    private final Map<String, Frame<SourceValue>[]> frames = new HashMap<>();
    private final Map<String, Map<Integer, Kind>> sinks = new HashMap<>();
    private final Map<String, Root> roots = new LinkedHashMap<>();
    private final Set<String> unresolved = new TreeSet<>();
    private final Set<String> unanalysable = new TreeSet<>();

    private JacksonCallSites(ClassLoader loader, TypeFactory types) {
        this.loader = loader;
        this.types = types;
    }

    /** Scans the class files under {@code classesDir} (e.g. {@code target/classes}), loading them with {@code loader}. */
    public static JacksonCallSites scan(Path classesDir, ClassLoader loader, TypeFactory types) {
        JacksonCallSites s = new JacksonCallSites(loader, types);
        s.read(classesDir);
        int before;
        do {
            before = s.sinkCount();
            s.roots.clear();
            s.unresolved.clear();
            for (ClassNode cn : s.classes.values()) {
                for (MethodNode mn : cn.methods) {
                    s.analyze(cn, mn);
                }
            }
        } while (s.sinkCount() != before);
        for (ClassNode cn : s.classes.values()) {
            s.restSignatures(cn);
        }
        return s;
    }

    /** The types handed to Jackson, with the first call site seen for each. */
    public List<Root> roots() {
        return List.copyOf(roots.values());
    }

    /** Call sites where the type reaching Jackson cannot be told from the code, each with what was found. */
    public Set<String> unresolved() {
        Set<String> all = new TreeSet<>(unresolved);
        all.addAll(unanalysable);
        return Collections.unmodifiableSet(all);
    }

    private int sinkCount() {
        return sinks.values().stream().mapToInt(Map::size).sum();
    }

    private void read(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.toString().endsWith(".class")) {
                    try (InputStream in = Files.newInputStream(f)) {
                        ClassNode cn = new ClassNode();
                        new ClassReader(in).accept(cn, 0);
                        classes.put(cn.name, cn);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- call sites -------------------------------------------------------------------------------------------------

    private record Ctx(ClassNode cn, MethodNode mn, Frame<SourceValue>[] frames) {
        Frame<SourceValue> frame(AbstractInsnNode insn) {
            return frames[mn.instructions.indexOf(insn)];
        }

        SourceValue top(AbstractInsnNode insn) {
            Frame<SourceValue> f = frame(insn);
            return f == null || f.getStackSize() == 0 ? null : f.getStack(f.getStackSize() - 1);
        }

        String key() {
            return cn.name + "." + mn.name + mn.desc;
        }
    }

    /** What one traced value turned out to be. */
    private static final class Found {
        final List<JavaType> types = new ArrayList<>();
        final Set<Integer> params = new LinkedHashSet<>();
        final List<String> unknown = new ArrayList<>();
    }

    private void analyze(ClassNode cn, MethodNode mn) {
        if ((mn.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return;
        }
        Frame<SourceValue>[] fs = frames(cn, mn);
        if (fs == null) {
            return;
        }
        Ctx ctx = new Ctx(cn, mn, fs);
        for (int i = 0; i < mn.instructions.size(); i++) {
            AbstractInsnNode in = mn.instructions.get(i);
            Frame<SourceValue> f = fs[i];
            if (f == null) {
                continue;
            }
            if (in instanceof MethodInsnNode mi) {
                int n = Type.getArgumentTypes(mi.desc).length;
                for (Map.Entry<Integer, Kind> e : sinksOf(mi.owner, mi.name, mi.desc).entrySet()) {
                    SourceValue v = f.getStack(f.getStackSize() - n + e.getKey());
                    handle(v, e.getValue(), ctx, site(cn, mn, in) + " -> " + simple(mi.owner) + "." + mi.name);
                }
            } else if (in instanceof InvokeDynamicInsnNode indy && indy.bsmArgs.length > 1
                    && indy.bsmArgs[1] instanceof Handle h) {
                Map<Integer, Kind> s = sinksOf(h.getOwner(), h.getName(), h.getDesc());
                int captured = Type.getArgumentTypes(indy.desc).length;
                int receiver = h.getTag() == Opcodes.H_INVOKESTATIC || h.getTag() == Opcodes.H_NEWINVOKESPECIAL ? 0 : 1;
                for (Map.Entry<Integer, Kind> e : s.entrySet()) {
                    int at = e.getKey() + receiver;
                    String site = site(cn, mn, in) + " -> " + simple(h.getOwner()) + "." + h.getName() + " (lambda)";
                    if (at < captured) {
                        handle(f.getStack(f.getStackSize() - captured + at), e.getValue(), ctx, site);
                    } else {
                        unresolved.add(site + ": argument " + e.getKey() + " comes from the functional interface");
                    }
                }
            }
        }
    }

    private Frame<SourceValue>[] frames(ClassNode cn, MethodNode mn) {
        return frames.computeIfAbsent(cn.name + "." + mn.name + mn.desc, k -> {
            try {
                return new Analyzer<>(new SourceInterpreter()).analyze(cn.name, mn);
            } catch (AnalyzerException e) {
                unanalysable.add(k + ": cannot analyse the bytecode (" + e.getMessage() + ")");
                return null;
            }
        });
    }

    private void handle(SourceValue v, Kind kind, Ctx ctx, String site) {
        Found found = new Found();
        for (AbstractInsnNode src : v.insns) {
            if (kind == Kind.TYPE) {
                typeOf(src, ctx, found, 0);
            } else {
                valueOf(src, ctx, found, 0);
            }
        }
        for (JavaType t : found.types) {
            roots.putIfAbsent(t.toCanonical(), new Root(t, site));
        }
        for (int p : found.params) {
            sinks.computeIfAbsent(ctx.key(), k -> new HashMap<>()).put(p, kind);
        }
        for (String u : found.unknown) {
            unresolved.add(site + ": " + u);
        }
    }

    /** The sinks of calling {@code owner.name desc}: Jackson/JAX-RS/Vert.x calls, or our own methods found to be. */
    private Map<Integer, Kind> sinksOf(String owner, String name, String desc) {
        Map<Integer, Kind> result = new HashMap<>(builtIn(owner, name, desc));
        for (String o : hierarchy(owner)) {
            result.putAll(sinks.getOrDefault(o + "." + name + desc, Map.of()));
        }
        return result;
    }

    private List<String> hierarchy(String owner) {
        List<String> out = new ArrayList<>();
        List<String> todo = new ArrayList<>(List.of(owner));
        while (!todo.isEmpty()) {
            String o = todo.remove(0);
            if (out.contains(o)) {
                continue;
            }
            out.add(o);
            ClassNode cn = classes.get(o);
            if (cn != null) {
                if (cn.superName != null) {
                    todo.add(cn.superName);
                }
                todo.addAll(cn.interfaces);
            }
        }
        return out;
    }

    private static Map<Integer, Kind> builtIn(String owner, String name, String desc) {
        boolean jackson = owner.startsWith("com/fasterxml/jackson/");
        boolean azdp = owner.equals("io/azdp/model/AzdpJson");
        boolean vertx = owner.startsWith("io/vertx/core/json/");
        boolean jaxrs = owner.equals("jakarta/ws/rs/core/Response") || owner.equals("jakarta/ws/rs/core/Response$ResponseBuilder")
                || owner.equals("jakarta/ws/rs/client/Entity");
        if (!jackson && !azdp && !vertx && !jaxrs) {
            return Map.of();
        }
        Type[] args = Type.getArgumentTypes(desc);
        Map<Integer, Kind> result = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String d = args[i].getDescriptor();
            if (TYPE_ARGS.contains(d) && ((jackson && JACKSON_TYPE_SINKS.contains(name))
                    || (azdp && (name.equals("read") || name.equals("convert")))
                    || (vertx && (name.startsWith("decodeValue") || name.equals("mapTo")))
                    || (jaxrs && name.equals("readEntity")))) {
                result.put(i, Kind.TYPE);
            } else if (d.equals("Ljava/lang/Object;") && ((jackson && JACKSON_VALUE_SINKS.contains(name))
                    || (azdp && name.equals("write"))
                    || (vertx && (name.startsWith("encode") || name.equals("mapFrom")))
                    || (jaxrs && JAXRS_VALUE_SINKS.contains(name)))) {
                result.put(i, Kind.VALUE);
            }
        }
        return result;
    }

    /** Traces a value Jackson writes. */
    private void valueOf(AbstractInsnNode src, Ctx ctx, Found out, int depth) {
        if (depth > 25) {
            out.unknown.add("a value traced too far (" + describe(src) + ")");
            return;
        }
        if (src.getOpcode() == Opcodes.ACONST_NULL) {
            return;
        }
        JavaType declared = declared(src, ctx, 0);
        if (informative(declared)) {
            out.types.add(declared);
            return;
        }
        if (src instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD) {
            SourceValue local = ctx.frame(src).getLocal(v.var);
            if (local.insns.isEmpty()) {
                int p = parameter(ctx.mn, v.var);
                if (p >= 0) {
                    out.params.add(p);
                } else {
                    out.unknown.add("`this`");
                }
                return;
            }
            boolean container = declared != null && (declared.isContainerType() || isJdkContainer(declared.getRawClass()));
            for (AbstractInsnNode store : local.insns) {
                SourceValue stored = store.getOpcode() == Opcodes.ASTORE ? ctx.top(store) : null;
                if (stored == null) {
                    out.unknown.add("local " + v.var + " set by " + describe(store));
                    continue;
                }
                for (AbstractInsnNode s : stored.insns) {
                    if (!(container && origin(s, ctx) instanceof TypeInsnNode n && n.getOpcode() == Opcodes.NEW
                            && n.desc.startsWith("java/util/"))) {
                        valueOf(s, ctx, out, depth + 1);
                    }
                }
            }
            if (container) {
                contentsOfLocal(v.var, ctx, out, depth);
            }
            return;
        }
        if (src.getOpcode() == Opcodes.CHECKCAST || isDup(src)) {
            SourceValue in = ctx.top(src);
            if (in != null) {
                for (AbstractInsnNode s : in.insns) {
                    valueOf(s, ctx, out, depth + 1);
                }
                return;
            }
        }
        if (src instanceof MethodInsnNode mi && mi.getOpcode() == Opcodes.INVOKESTATIC && isJdkFactory(mi)) {
            // Map.of("count", n, "entries", entries), List.of(a, b), Map.entry(k, v), Arrays.asList(...): the elements
            Type[] args = Type.getArgumentTypes(mi.desc);
            Frame<SourceValue> f = ctx.frame(src);
            for (int i = 0; i < args.length; i++) {
                for (AbstractInsnNode a : f.getStack(f.getStackSize() - args.length + i).insns) {
                    if (args[i].getSort() == Type.ARRAY) {
                        elementsOfArray(a, ctx, out, depth + 1);
                    } else {
                        valueOf(a, ctx, out, depth + 1);
                    }
                }
            }
            return;
        }
        if (src instanceof MethodInsnNode mi && streamElements(mi, ctx, out, depth)) {
            return;
        }
        if (src instanceof MethodInsnNode mi && !mi.name.equals("<init>") && implementation(mi.owner, mi.name, mi.desc) != null) {
            // our own method: what its return statements give
            returnsOf(implementation(mi.owner, mi.name, mi.desc), out, depth + 1);
            return;
        }
        out.unknown.add(declared == null ? describe(src) : "a value declared as " + declared.toCanonical() + " ("
                + describe(src) + ")");
    }

    private static final Set<String> STREAM_PASS_THROUGH = Set.of("filter", "sorted", "distinct", "limit", "skip",
            "peek");

    /** {@code stream.map(x -> ...).toList()}: what the mapping function returns. */
    private boolean streamElements(MethodInsnNode toList, Ctx ctx, Found out, int depth) {
        if (!toList.owner.equals("java/util/stream/Stream") || !toList.name.equals("toList")) {
            return false;
        }
        AbstractInsnNode at = toList;
        do {
            SourceValue receiver = ctx.frame(at).getStack(ctx.frame(at).getStackSize()
                    - Type.getArgumentTypes(((MethodInsnNode) at).desc).length - 1);
            if (receiver.insns.size() != 1) {
                return false;
            }
            at = origin(receiver.insns.iterator().next(), ctx);
        } while (at instanceof MethodInsnNode s && s.owner.equals("java/util/stream/Stream")
                && STREAM_PASS_THROUGH.contains(s.name));
        if (!(at instanceof MethodInsnNode map && map.owner.equals("java/util/stream/Stream") && map.name.equals("map"))
                || ctx.top(at) == null || ctx.top(at).insns.size() != 1
                || !(origin(ctx.top(at).insns.iterator().next(), ctx) instanceof InvokeDynamicInsnNode indy)
                || indy.bsmArgs.length < 2 || !(indy.bsmArgs[1] instanceof Handle h)) {
            return false;
        }
        JavaType element = javaType(Type.getReturnType(h.getDesc()));
        Ctx impl = implementation(h.getOwner(), h.getName(), h.getDesc());
        if (informative(element)) {
            out.types.add(element);
        } else if (impl != null) {
            returnsOf(impl, out, depth + 1);
        } else {
            return false;
        }
        return true;
    }

    private static final Set<String> CONTAINER_MUTATORS = Set.of("put", "putIfAbsent", "putAll", "add", "addAll",
            "addFirst", "addLast", "set", "offer", "push");

    /** What the method puts into the map or collection held in local {@code var}. */
    private void contentsOfLocal(int var, Ctx ctx, Found out, int depth) {
        for (AbstractInsnNode in : ctx.mn.instructions) {
            if (in instanceof MethodInsnNode mi && mi.owner.startsWith("java/util/")
                    && CONTAINER_MUTATORS.contains(mi.name) && ctx.frame(in) != null) {
                Frame<SourceValue> f = ctx.frame(in);
                Type[] args = Type.getArgumentTypes(mi.desc);
                SourceValue receiver = f.getStack(f.getStackSize() - args.length - 1);
                boolean same = receiver.insns.stream().anyMatch(r -> r instanceof VarInsnNode rv
                        && rv.getOpcode() == Opcodes.ALOAD && rv.var == var);
                if (!same) {
                    continue;
                }
                for (int i = 0; i < args.length; i++) {
                    if (args[i].getSort() == Type.OBJECT) {
                        for (AbstractInsnNode a : f.getStack(f.getStackSize() - args.length + i).insns) {
                            valueOf(a, ctx, out, depth + 1);
                        }
                    }
                }
            }
        }
    }

    /** The values stored into a {@code new Object[n]} (a varargs call's array). */
    private void elementsOfArray(AbstractInsnNode array, Ctx ctx, Found out, int depth) {
        AbstractInsnNode origin = origin(array, ctx);
        if (origin.getOpcode() != Opcodes.ANEWARRAY) {
            out.unknown.add("an array from " + describe(origin));
            return;
        }
        for (AbstractInsnNode in : ctx.mn.instructions) {
            Frame<SourceValue> f = in.getOpcode() == Opcodes.AASTORE ? ctx.frame(in) : null;
            if (f != null && f.getStack(f.getStackSize() - 3).insns.stream().anyMatch(r -> origin(r, ctx) == origin)) {
                for (AbstractInsnNode v : f.getStack(f.getStackSize() - 1).insns) {
                    valueOf(v, ctx, out, depth + 1);
                }
            }
        }
    }

    private static AbstractInsnNode origin(AbstractInsnNode insn, Ctx ctx) {
        AbstractInsnNode at = insn;
        for (int i = 0; i < 10 && isDup(at); i++) {
            SourceValue in = ctx.top(at);
            if (in == null || in.insns.size() != 1) {
                break;
            }
            at = in.insns.iterator().next();
        }
        return at;
    }

    private final Set<String> returning = new java.util.HashSet<>();

    /** What {@code method}'s return statements give; its parameters are unknown here (not traced to its callers). */
    private void returnsOf(Ctx callee, Found out, int depth) {
        if (!returning.add(callee.key())) {
            return;
        }
        try {
            Found inner = new Found();
            for (AbstractInsnNode in : callee.mn.instructions) {
                SourceValue v = in.getOpcode() == Opcodes.ARETURN ? callee.top(in) : null;
                if (v != null) {
                    for (AbstractInsnNode s : v.insns) {
                        valueOf(s, callee, inner, depth + 1);
                    }
                }
            }
            out.types.addAll(inner.types);
            out.unknown.addAll(inner.unknown.stream().map(u -> u + " in " + site(callee.cn, callee.mn, null)).toList());
            inner.params.forEach(p -> out.unknown.add("parameter " + p + " of " + site(callee.cn, callee.mn, null)));
        } finally {
            returning.remove(callee.key());
        }
    }

    /** Our own (non-abstract) method that a call to {@code owner.name desc} runs, or null. */
    private Ctx implementation(String owner, String name, String desc) {
        for (String o : hierarchy(owner)) {
            ClassNode cn = classes.get(o);
            if (cn == null) {
                continue;
            }
            for (MethodNode mn : cn.methods) {
                if (mn.name.equals(name) && mn.desc.equals(desc) && (mn.access & Opcodes.ACC_ABSTRACT) == 0) {
                    Frame<SourceValue>[] fs = frames(cn, mn);
                    return fs == null ? null : new Ctx(cn, mn, fs);
                }
            }
        }
        return null;
    }

    private static boolean isJdkContainer(Class<?> c) {
        return java.util.Map.class.isAssignableFrom(c) || java.util.Collection.class.isAssignableFrom(c);
    }

    private static boolean isJdkFactory(MethodInsnNode mi) {
        return switch (mi.owner) {
            case "java/util/Map" -> mi.name.equals("of") || mi.name.equals("entry") || mi.name.equals("ofEntries");
            case "java/util/List", "java/util/Set" -> mi.name.equals("of");
            case "java/util/Arrays" -> mi.name.equals("asList");
            case "java/util/Collections" -> mi.name.startsWith("singleton");
            default -> false;
        };
    }

    /** Traces a type (Class, TypeReference, JavaType) Jackson reads into. */
    private void typeOf(AbstractInsnNode src, Ctx ctx, Found out, int depth) {
        if (depth > 25) {
            out.unknown.add("a type traced too far (" + describe(src) + ")");
            return;
        }
        if (src.getOpcode() == Opcodes.ACONST_NULL) {
            return;
        }
        if (src instanceof LdcInsnNode ldc && ldc.cst instanceof Type t
                && (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY)) {
            JavaType jt = javaType(t);
            if (jt != null) {
                out.types.add(jt);
            } else {
                out.unknown.add("class " + t.getClassName() + " cannot be loaded");
            }
            return;
        }
        if (src.getOpcode() == Opcodes.NEW && src instanceof TypeInsnNode n) {
            Class<?> c = load(n.desc);
            if (c != null && TypeReference.class.isAssignableFrom(c)
                    && c.getGenericSuperclass() instanceof ParameterizedType p) {
                out.types.add(types.constructType(p.getActualTypeArguments()[0]));
                return;
            }
        }
        if (src instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD) {
            JavaType declared = declared(src, ctx, 0);
            if (declared != null && declared.containedTypeCount() == 1 && informative(declared.containedType(0))) {
                out.types.add(declared.containedType(0)); // Class<Foo>, TypeReference<Foo>
                return;
            }
            SourceValue local = ctx.frame(src).getLocal(v.var);
            if (local.insns.isEmpty()) {
                int p = parameter(ctx.mn, v.var);
                if (p >= 0) {
                    out.params.add(p);
                } else {
                    out.unknown.add("`this`");
                }
                return;
            }
            for (AbstractInsnNode store : local.insns) {
                SourceValue stored = store.getOpcode() == Opcodes.ASTORE ? ctx.top(store) : null;
                if (stored == null) {
                    out.unknown.add("local " + v.var + " set by " + describe(store));
                    continue;
                }
                for (AbstractInsnNode s : stored.insns) {
                    typeOf(s, ctx, out, depth + 1);
                }
            }
            return;
        }
        if (src.getOpcode() == Opcodes.CHECKCAST || isDup(src)) {
            SourceValue in = ctx.top(src);
            if (in != null) {
                for (AbstractInsnNode s : in.insns) {
                    typeOf(s, ctx, out, depth + 1);
                }
                return;
            }
        }
        if (src instanceof FieldInsnNode) {
            JavaType declared = declared(src, ctx, 0);
            if (declared != null && declared.containedTypeCount() == 1 && informative(declared.containedType(0))) {
                out.types.add(declared.containedType(0));
                return;
            }
        }
        if (src instanceof MethodInsnNode mi && mi.owner.startsWith("com/fasterxml/jackson/databind/type/")) {
            // TypeFactory.constructCollectionType(List.class, Foo.class) and the like: the classes it is built from
            Type[] args = Type.getArgumentTypes(mi.desc);
            Frame<SourceValue> f = ctx.frame(src);
            for (int i = 0; i < args.length; i++) {
                if (TYPE_ARGS.contains(args[i].getDescriptor())) {
                    for (AbstractInsnNode s : f.getStack(f.getStackSize() - args.length + i).insns) {
                        typeOf(s, ctx, out, depth + 1);
                    }
                }
            }
            return;
        }
        out.unknown.add(describe(src));
    }

    /** The static type of the value {@code src} pushes, with generics where the code declares them; null if unknown. */
    private JavaType declared(AbstractInsnNode src, Ctx ctx, int depth) {
        if (depth > 10) {
            return null;
        }
        int index = ctx.mn.instructions.indexOf(src);
        if (src instanceof VarInsnNode v && v.getOpcode() == Opcodes.ALOAD) {
            for (LocalVariableNode lv : ctx.mn.localVariables == null ? List.<LocalVariableNode>of() : ctx.mn.localVariables) {
                if (lv.index == v.var && ctx.mn.instructions.indexOf(lv.start) <= index
                        && index < ctx.mn.instructions.indexOf(lv.end)) {
                    JavaType t = Signatures.parse(lv.signature != null ? lv.signature : lv.desc, types, loader);
                    if (t != null) {
                        return t;
                    }
                }
            }
            int p = parameter(ctx.mn, v.var);
            Method m = p < 0 ? null : method(ctx.cn.name, ctx.mn.name, ctx.mn.desc);
            return m == null ? null : types.constructType(m.getGenericParameterTypes()[p]);
        }
        if (src instanceof TypeInsnNode t && (t.getOpcode() == Opcodes.CHECKCAST || t.getOpcode() == Opcodes.NEW)) {
            return javaType(Type.getObjectType(t.desc));
        }
        if (src instanceof LdcInsnNode ldc) {
            return ldc.cst instanceof String ? types.constructType(String.class) : null;
        }
        if (src instanceof InvokeDynamicInsnNode indy) {
            return javaType(Type.getReturnType(indy.desc)); // a string concatenation, or a lambda object
        }
        if (isDup(src)) {
            SourceValue in = ctx.top(src);
            return in == null || in.insns.size() != 1 ? null : declared(in.insns.iterator().next(), ctx, depth + 1);
        }
        if (src instanceof MethodInsnNode mi && !mi.name.equals("<init>")) {
            Method m = method(mi.owner, mi.name, mi.desc);
            if (m == null) {
                return javaType(Type.getReturnType(mi.desc));
            }
            java.lang.reflect.Type g = m.getGenericReturnType();
            Frame<SourceValue> f = ctx.frame(src);
            int n = Type.getArgumentTypes(mi.desc).length;
            if (g instanceof TypeVariable<?> tv && tv.getGenericDeclaration() instanceof Method) {
                // <T> T read(..., Class<T> type): T is the class literal passed
                java.lang.reflect.Type[] params = m.getGenericParameterTypes();
                for (int i = 0; i < params.length; i++) {
                    if (params[i] instanceof ParameterizedType pt && pt.getActualTypeArguments()[0].equals(tv)) {
                        Found found = new Found();
                        for (AbstractInsnNode s : f.getStack(f.getStackSize() - n + i).insns) {
                            typeOf(s, ctx, found, depth + 1);
                        }
                        if (found.types.size() == 1 && found.unknown.isEmpty() && found.params.isEmpty()) {
                            return found.types.get(0);
                        }
                    }
                }
            }
            return types.resolveMemberType(g, receiverBindings(ctx, f, n, mi.getOpcode() == Opcodes.INVOKESTATIC,
                    m.getDeclaringClass(), depth));
        }
        if (src instanceof FieldInsnNode fi && (fi.getOpcode() == Opcodes.GETFIELD || fi.getOpcode() == Opcodes.GETSTATIC)) {
            Field fld = field(fi.owner, fi.name);
            if (fld == null) {
                return javaType(Type.getType(fi.desc));
            }
            return types.resolveMemberType(fld.getGenericType(), receiverBindings(ctx, ctx.frame(src), 0,
                    fi.getOpcode() == Opcodes.GETSTATIC, fld.getDeclaringClass(), depth));
        }
        return null;
    }

    private TypeBindings receiverBindings(Ctx ctx, Frame<SourceValue> f, int args, boolean isStatic, Class<?> declaring,
            int depth) {
        if (isStatic || f == null || f.getStackSize() < args + 1) {
            return TypeBindings.emptyBindings();
        }
        SourceValue receiver = f.getStack(f.getStackSize() - args - 1);
        if (receiver.insns.size() != 1) {
            return TypeBindings.emptyBindings();
        }
        JavaType r = declared(receiver.insns.iterator().next(), ctx, depth + 1);
        JavaType as = r == null ? null : r.findSuperType(declaring);
        return as == null ? TypeBindings.emptyBindings() : as.getBindings();
    }

    // ---- JAX-RS resources and REST client interfaces ----------------------------------------------------------------

    private void restSignatures(ClassNode cn) {
        Class<?> c = load(cn.name);
        if (c == null) {
            return;
        }
        for (Method m : c.getDeclaredMethods()) {
            if (Stream.of(m.getAnnotations()).noneMatch(JacksonCallSites::isHttpMethod)) {
                continue;
            }
            String site = "JAX-RS " + (c.isInterface() ? "client " : "resource ") + c.getSimpleName() + "." + m.getName();
            JavaType result = unwrap(types.constructType(m.getGenericReturnType()));
            Ctx body = c.isInterface() || informative(result) ? null
                    : implementation(cn.name, m.getName(), Type.getMethodDescriptor(m));
            if (body != null) {
                // a resource method declared to return Object or Map<String, Object>: what it returns
                Found found = new Found();
                returnsOf(body, found, 0);
                found.types.forEach(t -> roots.putIfAbsent(t.toCanonical(), new Root(t, site + " (result)")));
                found.unknown.forEach(u -> unresolved.add(site + " (result): " + u));
            } else if (result != null) {
                restRoot(result, site + " (" + (c.isInterface() ? "response" : "result") + ")");
            }
            for (Parameter p : m.getParameters()) {
                boolean annotated = Stream.of(p.getAnnotations()).map(a -> a.annotationType().getName())
                        .anyMatch(n -> BODY_ANNOTATION_PACKAGES.stream().anyMatch(n::startsWith));
                String typeName = p.getType().getName();
                if (!annotated && NOT_A_BODY.stream().noneMatch(typeName::startsWith)) {
                    restRoot(types.constructType(p.getParameterizedType()), site + " (body " + p.getName() + ")");
                }
            }
        }
    }

    private void restRoot(JavaType t, String site) {
        if (informative(t)) {
            roots.putIfAbsent(t.toCanonical(), new Root(t, site));
        } else {
            unresolved.add(site + ": declared as " + t.toCanonical());
        }
    }

    private static boolean isHttpMethod(Annotation a) {
        return Stream.of(a.annotationType().getAnnotations())
                .anyMatch(meta -> meta.annotationType().getName().equals("jakarta.ws.rs.HttpMethod"));
    }

    /** Uni/Multi/CompletionStage/RestResponse of X: X; jakarta Response or void: nothing to bind. */
    private JavaType unwrap(JavaType t) {
        String name = t.getRawClass().getName();
        if (t.getRawClass() == void.class || t.getRawClass() == Void.class || name.equals("jakarta.ws.rs.core.Response")) {
            return null;
        }
        if ((name.startsWith("io.smallrye.mutiny.") || name.startsWith("java.util.concurrent.")
                || name.equals("org.jboss.resteasy.reactive.RestResponse")) && t.containedTypeCount() == 1) {
            return unwrap(t.containedType(0));
        }
        return t;
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    /** A type that says what Jackson gets: no {@code Object} left in it (raw collections, untyped maps). */
    static boolean informative(JavaType t) {
        if (t == null || t.getRawClass() == Object.class) {
            return false;
        }
        if (t.isArrayType() || t.isReferenceType()) {
            return informative(t.getContentType());
        }
        if (t.isContainerType()) {
            return (t.getKeyType() == null || informative(t.getKeyType())) && informative(t.getContentType());
        }
        return true;
    }

    private static boolean isDup(AbstractInsnNode src) {
        int op = src.getOpcode();
        return op == Opcodes.DUP || op == Opcodes.DUP_X1 || op == Opcodes.DUP_X2;
    }

    /** The 0-based declared parameter that local {@code var} holds on entry, or -1 ({@code this} or not a parameter). */
    private static int parameter(MethodNode mn, int var) {
        int slot = (mn.access & Opcodes.ACC_STATIC) != 0 ? 0 : 1;
        Type[] args = Type.getArgumentTypes(mn.desc);
        for (int i = 0; i < args.length; i++) {
            if (slot == var) {
                return i;
            }
            slot += args[i].getSize();
        }
        return -1;
    }

    private JavaType javaType(Type t) {
        if (t.getSort() == Type.ARRAY) {
            JavaType element = javaType(t.getElementType());
            for (int i = 0; element != null && i < t.getDimensions(); i++) {
                element = types.constructArrayType(element);
            }
            return element;
        }
        if (t.getSort() != Type.OBJECT) {
            return Signatures.parse(t.getDescriptor(), types, loader);
        }
        Class<?> c = load(t.getInternalName());
        return c == null ? null : types.constructType(c);
    }

    private Class<?> load(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private final Map<String, Method> methods = new HashMap<>();

    private Method method(String owner, String name, String desc) {
        return methods.computeIfAbsent(owner + "." + name + desc, k -> {
            Class<?> c = load(owner);
            List<Class<?>> todo = new ArrayList<>();
            if (c != null) {
                todo.add(c);
            }
            while (!todo.isEmpty()) {
                Class<?> x = todo.remove(0);
                for (Method m : x.getDeclaredMethods()) {
                    if (m.getName().equals(name) && Type.getMethodDescriptor(m).equals(desc)) {
                        return m;
                    }
                }
                if (x.getSuperclass() != null) {
                    todo.add(x.getSuperclass());
                }
                todo.addAll(List.of(x.getInterfaces()));
            }
            return null;
        });
    }

    private Field field(String owner, String name) {
        for (Class<?> c = load(owner); c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        return null;
    }

    private static String site(ClassNode cn, MethodNode mn, AbstractInsnNode insn) {
        int line = -1;
        for (AbstractInsnNode p = insn == null ? mn.instructions.getFirst() : insn; p != null;
                p = insn == null ? p.getNext() : p.getPrevious()) {
            if (p instanceof LineNumberNode ln) {
                line = ln.line;
                break;
            }
        }
        return cn.name.replace('/', '.') + "." + mn.name + "(" + cn.sourceFile + (line > 0 ? ":" + line : "") + ")";
    }

    private static String simple(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }

    private static String describe(AbstractInsnNode insn) {
        if (insn instanceof MethodInsnNode mi) {
            return "the result of " + simple(mi.owner) + "." + mi.name + "()";
        }
        if (insn instanceof FieldInsnNode fi) {
            return "field " + simple(fi.owner) + "." + fi.name;
        }
        if (insn instanceof TypeInsnNode ti) {
            return (ti.getOpcode() == Opcodes.NEW ? "a new " : "a cast to ") + simple(ti.desc);
        }
        if (insn instanceof VarInsnNode v) {
            return "local " + v.var;
        }
        if (insn instanceof InvokeDynamicInsnNode) {
            return "a lambda";
        }
        return "bytecode " + insn.getOpcode();
    }
}

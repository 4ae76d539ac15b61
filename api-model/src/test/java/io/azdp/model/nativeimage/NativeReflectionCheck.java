package io.azdp.model.nativeimage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.azdp.model.AzdpJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The check CI runs instead of a native build (it has no GraalVM): every class Jackson binds, starting from the types
 * an application's code actually reads and writes ({@link JacksonCallSites}) and following Jackson's own view of them
 * ({@link JacksonTypeGraph}), must be registered for reflection the way the native build registers it
 * ({@link NativeRegistrations}). Runs in plain JVM mode, in milliseconds.
 *
 * <pre>{@code
 * NativeReflectionCheck.Result r = NativeReflectionCheck.of(Path.of("target/classes")).run();
 * assertThat(r.problems()).as(r.report()).isEmpty();
 * }</pre>
 */
public final class NativeReflectionCheck {
    private final Path classes;
    private ObjectMapper mapper = AzdpJson.newMapper();
    private ClassLoader loader = Thread.currentThread().getContextClassLoader();
    private final Map<String, String> acknowledged = new TreeMap<>();
    private final Map<String, String> accepted = new TreeMap<>();
    private Path runtimeClassPath = RuntimeClassPath.FILE;

    private NativeReflectionCheck(Path classes) {
        this.classes = classes;
    }

    /** Checks the application classes under {@code classes} (a module's {@code target/classes}). */
    public static NativeReflectionCheck of(Path classes) {
        return new NativeReflectionCheck(classes);
    }

    /**
     * Accepts call sites where the type reaching Jackson cannot be told from the code, because it needs no
     * registration (say, a map of JDK values); {@code siteFragment} matches the unresolved site's text (for example
     * {@code "ResumeToken.encode("}), {@code why} says why nothing needs registering there.
     */
    public NativeReflectionCheck acknowledging(String siteFragment, String why) {
        acknowledged.put(siteFragment, why);
        return this;
    }

    /**
     * Accepts a property whose type is not statically known ({@code Object}, {@code Map<String, Object>}, a raw
     * {@code List}, ...) because it never holds a value that needs registering (say, a {@code JsonNode} tree or plain
     * maps of JDK values); {@code property} is the declaring class's binary name, a dot and the property name, exactly
     * as the problem names it (for example {@code "io.azdp.cli.Foo$Preview.body"}), {@code why} says what it holds.
     * The api-model's own such properties are accepted once, in {@link ModelUntyped}.
     */
    public NativeReflectionCheck acceptingUntyped(String property, String why) {
        accepted.put(property, why);
        return this;
    }

    /** Reads the run-time class path from {@code file} instead of {@link RuntimeClassPath#FILE}. */
    public NativeReflectionCheck runtimeClassPath(Path file) {
        this.runtimeClassPath = file;
        return this;
    }

    public Result run() {
        JacksonCallSites sites = JacksonCallSites.scan(classes, loader, mapper.getTypeFactory());
        JacksonTypeGraph graph = JacksonTypeGraph.with(mapper);
        for (JacksonCallSites.Root root : sites.roots()) {
            graph.root(root.type(), root.site());
        }
        NativeRegistrations registrations = NativeRegistrations.of(loader, classes,
                RuntimeClassPath.read(runtimeClassPath));
        Map<String, String> missing = new TreeMap<>();
        graph.classes().forEach((c, why) -> {
            if (!registrations.covers(c)) {
                missing.put(c, why);
            }
        });
        List<String> unresolved = new ArrayList<>();
        Set<String> used = new TreeSet<>();
        for (String u : sites.unresolved()) {
            String ack = acknowledged.keySet().stream().filter(u::contains).findFirst().orElse(null);
            if (ack == null) {
                unresolved.add(u);
            } else {
                used.add(ack);
            }
        }
        Set<String> unused = new TreeSet<>(acknowledged.keySet());
        unused.removeAll(used);
        Map<String, String> untyped = new TreeMap<>();
        graph.untyped().forEach((property, why) -> {
            if (!accepted.containsKey(property) && !ModelUntyped.ACCEPTED.containsKey(property)) {
                untyped.put(property, why);
            }
        });
        Set<String> unusedAccepted = new TreeSet<>(accepted.keySet());
        unusedAccepted.removeAll(graph.untyped().keySet());
        return new Result(sites, graph.classes(), registrations, missing, unresolved, unused, untyped, unusedAccepted);
    }

    /** What was found; {@link #problems()} is empty when the native image can bind everything. */
    public record Result(JacksonCallSites sites, Map<String, String> required, NativeRegistrations registrations,
            Map<String, String> missing, List<String> unresolved, Set<String> unusedAcknowledgements,
            Map<String, String> untyped, Set<String> unusedAcceptances) {

        /**
         * One line per problem: a class not registered, a call site not understood, a property whose type is not
         * statically known, an acknowledgement or acceptance not needed.
         */
        public List<String> problems() {
            List<String> p = new ArrayList<>();
            missing.forEach((c, why) -> p.add(c + " is " + registrations.describe(c)
                    + " for reflection, but Jackson binds it in the native image: " + why));
            unresolved.forEach(u -> p.add("cannot tell which type reaches Jackson at " + u
                    + " (give the value a concrete static type, or acknowledge the site in this test if it needs no"
                    + " registration)"));
            unusedAcknowledgements.forEach(a -> p.add("acknowledged site '" + a + "' no longer exists; remove it"));
            untyped.forEach((property, why) -> p.add("type not statically known: " + property + " is " + why
                    + " (Jackson binds whatever it holds, unregistered; give it a concrete type, or accept it in this"
                    + " test with the reason nothing it holds needs registering)"));
            unusedAcceptances.forEach(a -> p.add("accepted untyped property '" + a + "' is no longer reached; remove"
                    + " it"));
            return p;
        }

        /** Problems first, then the roots, the required classes and the registration sources: the failure message. */
        public String report() {
            StringBuilder sb = new StringBuilder();
            List<String> problems = problems();
            sb.append(problems.size()).append(" native-image reflection problem(s):\n");
            problems.forEach(p -> sb.append("  - ").append(p).append('\n'));
            sb.append("Fix: register the class in the module's NativeReflection (@RegisterForReflection), or, for an")
                    .append(" api-model type, regenerate api-model's reachability-metadata.json (see api-model/README.md).\n");
            sb.append("Roots (types the code hands to Jackson):\n");
            Map<String, String> roots = new LinkedHashMap<>();
            sites.roots().forEach(r -> roots.put(r.type().toCanonical(), r.site()));
            roots.forEach((t, s) -> sb.append("  ").append(t).append("  <- ").append(s).append('\n'));
            sb.append("Registrations read from: ").append(new TreeSet<>(registrations.sources())).append('\n');
            return sb.toString();
        }
    }
}

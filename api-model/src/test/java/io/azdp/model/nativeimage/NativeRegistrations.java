package io.azdp.model.nativeimage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.IndexReader;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.Type;

/**
 * What a native build of the application registers for reflection, read the way the build reads it: the
 * {@code reachability-metadata.json} and {@code reflect-config.json} files under {@code META-INF/native-image/} of
 * every entry of the application's run-time class path (native-image reads them from the jars), and Quarkus's
 * {@code @RegisterForReflection} on classes Quarkus indexes (the application's own classes and every run-time
 * dependency with a {@code META-INF/jandex.idx}). Test scope is never read (see {@link RuntimeClassPath}).
 */
public final class NativeRegistrations {
    static final DotName REGISTER_FOR_REFLECTION = DotName.createSimple("io.quarkus.runtime.annotations.RegisterForReflection");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How one class is registered; a class needs constructors, methods and fields for Jackson. */
    public record Registration(boolean constructors, boolean methods, boolean fields, String source) {
        boolean enoughForJackson() {
            return constructors && methods && fields;
        }

        Registration merge(Registration o) {
            return new Registration(constructors || o.constructors, methods || o.methods, fields || o.fields,
                    source.equals(o.source) ? source : source + ", " + o.source);
        }
    }

    private final Map<String, Registration> byClass = new TreeMap<>();
    private final List<String> sources = new ArrayList<>();

    private NativeRegistrations() {
    }

    /**
     * The registrations of the run-time class path {@code runtimeClassPath} (directories and jars, in class-path
     * order; see {@link RuntimeClassPath}), plus the {@code @RegisterForReflection} annotations in
     * {@code applicationClasses} (a directory of class files that Quarkus indexes itself, such as
     * {@code target/classes}), or none if null. Nothing else on {@code loader}'s class path is read: the test class
     * path also holds {@code target/test-classes} and test-scoped jars, which the native image does not, and a
     * registration there would hide a real gap. {@code loader} only loads classes to find their nested classes.
     */
    public static NativeRegistrations of(ClassLoader loader, Path applicationClasses, List<Path> runtimeClassPath) {
        NativeRegistrations r = new NativeRegistrations();
        try {
            for (Path entry : runtimeClassPath) {
                if (RuntimeClassPath.testScoped(entry)) {
                    continue;
                }
                if (Files.isDirectory(entry)) {
                    r.metadataIn(entry);
                    Path idx = entry.resolve("META-INF/jandex.idx");
                    if (Files.isRegularFile(idx)) {
                        try (InputStream in = Files.newInputStream(idx)) {
                            r.annotations(new IndexReader(in).read(), idx.toString(), loader);
                        }
                    }
                } else if (Files.isRegularFile(entry)) {
                    r.jar(entry, loader);
                }
            }
            if (applicationClasses != null && Files.isDirectory(applicationClasses)) {
                r.annotations(index(applicationClasses), applicationClasses.toString(), loader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return r;
    }

    /** Every registered class with how it is registered. */
    public Map<String, Registration> classes() {
        return Collections.unmodifiableMap(byClass);
    }

    /** The files and indexes read, for messages. */
    public List<String> sources() {
        return Collections.unmodifiableList(sources);
    }

    /** Whether Jackson can bind {@code className} in the native image (constructors, methods and fields registered). */
    public boolean covers(String className) {
        Registration r = byClass.get(className);
        return r != null && r.enoughForJackson();
    }

    /** How {@code className} is registered, or "not registered". */
    public String describe(String className) {
        Registration r = byClass.get(className);
        if (r == null) {
            return "not registered";
        }
        return "registered without " + (r.constructors ? "" : "constructors ") + (r.methods ? "" : "methods ")
                + (r.fields ? "" : "fields ") + "in " + r.source;
    }

    private void register(String className, Registration reg) {
        byClass.merge(className, reg, Registration::merge);
    }

    private void metadataIn(Path dir) throws IOException {
        Path base = dir.resolve("META-INF/native-image");
        if (!Files.isDirectory(base)) {
            return;
        }
        try (Stream<Path> files = Files.walk(base)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    try (InputStream in = Files.newInputStream(f)) {
                        metadata(f.getFileName().toString(), in, f.toString());
                    }
                }
            }
        }
    }

    private void jar(Path jar, ClassLoader loader) throws IOException {
        try (JarFile jf = new JarFile(jar.toFile())) {
            for (JarEntry e : Collections.list(jf.entries())) {
                if (e.getName().startsWith("META-INF/native-image/") && !e.isDirectory()) {
                    try (InputStream in = jf.getInputStream(e)) {
                        String name = e.getName().substring(e.getName().lastIndexOf('/') + 1);
                        metadata(name, in, jar.getFileName() + "!/" + e.getName());
                    }
                }
            }
            JarEntry idx = jf.getJarEntry("META-INF/jandex.idx");
            if (idx != null) {
                try (InputStream in = jf.getInputStream(idx)) {
                    annotations(new IndexReader(in).read(), jar.getFileName() + "!/META-INF/jandex.idx", loader);
                }
            }
        }
    }

    private void metadata(String fileName, InputStream in, String source) throws IOException {
        if (fileName.equals("reachability-metadata.json")) {
            sources.add(source);
            JsonNode root = JSON.readTree(in);
            for (JsonNode e : root.path("reflection")) {
                if (e.path("type").isTextual()) {
                    // the unified format registers every field of a listed type unless told otherwise
                    register(e.path("type").asText(), new Registration(e.path("allDeclaredConstructors").asBoolean(),
                            e.path("allDeclaredMethods").asBoolean(), e.path("allDeclaredFields").asBoolean(true),
                            source));
                }
            }
        } else if (fileName.equals("reflect-config.json")) {
            sources.add(source);
            for (JsonNode e : JSON.readTree(in)) {
                String name = e.path("name").asText(e.path("type").asText(null));
                if (name != null) {
                    register(name, new Registration(e.path("allDeclaredConstructors").asBoolean(),
                            e.path("allDeclaredMethods").asBoolean(), e.path("allDeclaredFields").asBoolean(), source));
                }
            }
        }
    }

    private static Index index(Path classes) throws IOException {
        Indexer indexer = new Indexer();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.toString().endsWith(".class")) {
                    try (InputStream in = Files.newInputStream(f)) {
                        indexer.index(in);
                    }
                }
            }
        }
        return indexer.complete();
    }

    /** Quarkus's reading of {@code @RegisterForReflection}: the class itself, or its targets/classNames, plus nested. */
    private void annotations(IndexView index, String source, ClassLoader loader) {
        for (AnnotationInstance a : index.getAnnotations(REGISTER_FOR_REFLECTION)) {
            if (a.target().kind() != AnnotationTarget.Kind.CLASS) {
                continue;
            }
            sources.add("@RegisterForReflection in " + source);
            boolean methods = bool(a, "methods", true);
            boolean fields = bool(a, "fields", true);
            boolean nested = !bool(a, "ignoreNested", false);
            List<String> names = new ArrayList<>();
            AnnotationValue targets = a.value("targets");
            if (targets != null) {
                for (Type t : targets.asClassArray()) {
                    names.add(t.name().toString());
                }
            }
            AnnotationValue classNames = a.value("classNames");
            if (classNames != null) {
                names.addAll(List.of(classNames.asStringArray()));
            }
            if (names.isEmpty()) {
                names.add(a.target().asClass().name().toString());
            }
            String where = "@RegisterForReflection on " + a.target().asClass().simpleName();
            for (String n : names) {
                register(n, new Registration(true, methods, fields, where));
                if (nested) {
                    registerNested(n, new Registration(true, methods, fields, where), loader);
                }
            }
        }
    }

    private void registerNested(String className, Registration reg, ClassLoader loader) {
        Class<?> c;
        try {
            c = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return;
        }
        for (Class<?> inner : c.getDeclaredClasses()) {
            register(inner.getName(), reg);
            registerNested(inner.getName(), reg, loader);
        }
    }

    private static boolean bool(AnnotationInstance a, String name, boolean dflt) {
        AnnotationValue v = a.value(name);
        return v == null ? dflt : v.asBoolean();
    }
}

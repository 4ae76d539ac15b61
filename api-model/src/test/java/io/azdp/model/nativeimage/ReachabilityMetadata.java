package io.azdp.model.nativeimage;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Generates the {@code reachability-metadata.json} a library ships for native images: the library's Jackson-bound
 * classes (every record, enum, and class that carries a Jackson annotation on itself or a member, plus everything
 * {@link JacksonTypeGraph} reaches from them), each registered with its constructors, methods and fields.
 * <p>The unified GraalVM format (GraalVM for JDK 23 and later, Mandrel 25) is used: a listed {@code type} also makes
 * its record components, permitted subclasses and nest members queryable, which Jackson needs for records and the
 * model's sealed interfaces.
 */
public final class ReachabilityMetadata {
    private ReachabilityMetadata() {
    }

    /** The Jackson-bound classes of the class files under {@code classesDir}, each with the path that reached it. */
    public static Map<String, String> boundClasses(Path classesDir, ClassLoader loader, ObjectMapper mapper) {
        return graph(classesDir, loader, mapper).classes();
    }

    /** The graph walked from the Jackson-bound classes under {@code classesDir} (also gives their untyped properties). */
    public static JacksonTypeGraph graph(Path classesDir, ClassLoader loader, ObjectMapper mapper) {
        JacksonTypeGraph graph = JacksonTypeGraph.with(mapper);
        for (Class<?> c : classes(classesDir, loader)) {
            if (c.isRecord() || c.isEnum() || jacksonAnnotated(c)) {
                graph.root(c, c.getSimpleName());
            }
        }
        return graph;
    }

    /** The file's text: the classes sorted by name, two-space indentation, a trailing newline. */
    public static String render(Collection<String> classNames, String comment) {
        StringBuilder sb = new StringBuilder("{\n  \"comment\": \"").append(comment.replace("\"", "'"))
                .append("\",\n  \"reflection\": [");
        String sep = "\n";
        for (String c : classNames.stream().sorted().toList()) {
            sb.append(sep).append("    {\n      \"type\": \"").append(c).append("\",\n")
                    .append("      \"allDeclaredConstructors\": true,\n")
                    .append("      \"allDeclaredMethods\": true,\n")
                    .append("      \"allDeclaredFields\": true\n    }");
            sep = ",\n";
        }
        return sb.append("\n  ]\n}\n").toString();
    }

    private static List<Class<?>> classes(Path dir, ClassLoader loader) {
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String rel = dir.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                if (rel.endsWith(".class") && !rel.endsWith("package-info.class") && !rel.endsWith("module-info.class")) {
                    Class<?> c = Class.forName(rel.substring(0, rel.length() - 6).replace('/', '.'), false, loader);
                    if (!c.isAnonymousClass() && !c.isSynthetic() && !c.isLocalClass()) {
                        out.add(c);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static boolean jacksonAnnotated(Class<?> c) {
        List<AnnotatedElement> elements = new ArrayList<>(List.of(c));
        elements.addAll(List.of(c.getDeclaredFields()));
        elements.addAll(List.of(c.getDeclaredMethods()));
        elements.addAll(List.of(c.getDeclaredConstructors()));
        if (c.isRecord()) {
            elements.addAll(List.of(c.getRecordComponents()));
        }
        for (AnnotatedElement e : elements) {
            if (jackson(e.getAnnotations())) {
                return true;
            }
            if (e instanceof Executable x && Stream.of(x.getParameterAnnotations()).anyMatch(ReachabilityMetadata::jackson)) {
                return true;
            }
        }
        return false;
    }

    private static boolean jackson(Annotation[] annotations) {
        return Stream.of(annotations).anyMatch(a -> a.annotationType().getName().startsWith("com.fasterxml.jackson."));
    }
}

package io.azdp.model.nativeimage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Class-path resources an application's code loads at run time ({@code ClassLoader.getResource(AsStream)},
 * {@code Class.getResource(AsStream)}) must be in the native image: each name must match
 * {@code quarkus.native.resources.includes} in the module's {@code application.properties}. A name the code computes
 * (not a constant) is reported too.
 */
public final class NativeResources {
    private NativeResources() {
    }

    /** One line per resource the code loads that the native image would not contain. */
    public static List<String> problems(Path classesDir, Path applicationProperties) {
        List<PathMatcher> includes = new ArrayList<>();
        Properties p = new Properties();
        if (Files.isRegularFile(applicationProperties)) {
            try (InputStream in = Files.newInputStream(applicationProperties)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String glob : p.getProperty("quarkus.native.resources.includes", "").split(",")) {
            if (!glob.isBlank()) {
                includes.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.strip()));
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] use : loads(classesDir)) {
            String name = use[1];
            if (name == null) {
                out.add(use[0] + " loads a resource whose name is not a constant: cannot check it is in the native image");
            } else if (includes.stream().noneMatch(m -> m.matches(Path.of(name.startsWith("/") ? name.substring(1) : name)))) {
                out.add(use[0] + " loads '" + name + "', which quarkus.native.resources.includes in "
                        + applicationProperties + " does not include: the native image would not contain it");
            }
        }
        return out;
    }

    /** {site, resource name or null} for every resource load in the classes. */
    static List<String[]> loads(Path dir) {
        List<String[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!f.toString().endsWith(".class")) {
                    continue;
                }
                ClassNode cn = new ClassNode();
                try (InputStream in = Files.newInputStream(f)) {
                    new ClassReader(in).accept(cn, 0);
                }
                for (MethodNode mn : cn.methods) {
                    loads(cn, mn, out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void loads(ClassNode cn, MethodNode mn, List<String[]> out) {
        if ((mn.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return;
        }
        Frame<SourceValue>[] frames = null;
        for (int i = 0; i < mn.instructions.size(); i++) {
            if (!(mn.instructions.get(i) instanceof MethodInsnNode mi) || !isResourceLoad(mi)) {
                continue;
            }
            if (frames == null) {
                try {
                    frames = new Analyzer<>(new SourceInterpreter()).analyze(cn.name, mn);
                } catch (AnalyzerException e) {
                    out.add(new String[] { cn.name + "." + mn.name, null });
                    return;
                }
            }
            Frame<SourceValue> f = frames[i];
            if (f == null) {
                continue;
            }
            String site = cn.name.replace('/', '.') + "." + mn.name;
            int args = Type.getArgumentTypes(mi.desc).length;
            TreeSet<String> names = new TreeSet<>();
            boolean constant = true;
            for (AbstractInsnNode src : f.getStack(f.getStackSize() - args).insns) {
                if (src instanceof LdcInsnNode ldc && ldc.cst instanceof String s) {
                    names.add(s);
                } else {
                    constant = false;
                }
            }
            if (!constant || names.isEmpty()) {
                out.add(new String[] { site, null });
            }
            names.forEach(n -> out.add(new String[] { site, n }));
        }
    }

    private static boolean isResourceLoad(MethodInsnNode mi) {
        return (mi.owner.equals("java/lang/ClassLoader") || mi.owner.equals("java/lang/Class"))
                && mi.name.startsWith("getResource") && mi.desc.startsWith("(Ljava/lang/String;)");
    }
}

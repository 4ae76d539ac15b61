package io.azdp.model.nativeimage;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JVM generic signature ({@code Ljava/util/List<Lio/azdp/model/job/AzureBackupJobResource;>;}) as a Jackson
 * {@link JavaType}. Type variables and wildcards without an upper bound become {@code Object} (unknown); a class that
 * cannot be loaded makes the whole result null.
 */
final class Signatures {
    private final String sig;
    private final TypeFactory types;
    private final ClassLoader loader;
    private int pos;

    private Signatures(String sig, TypeFactory types, ClassLoader loader) {
        this.sig = sig;
        this.types = types;
        this.loader = loader;
    }

    static JavaType parse(String signature, TypeFactory types, ClassLoader loader) {
        try {
            return new Signatures(signature, types, loader).type();
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return null;
        }
    }

    private JavaType type() throws ClassNotFoundException {
        char c = sig.charAt(pos++);
        switch (c) {
            case 'L':
                return classType();
            case 'T':
                pos = sig.indexOf(';', pos) + 1;
                return types.constructType(Object.class);
            case '[':
                return types.constructArrayType(type());
            case 'Z':
                return types.constructType(boolean.class);
            case 'B':
                return types.constructType(byte.class);
            case 'C':
                return types.constructType(char.class);
            case 'S':
                return types.constructType(short.class);
            case 'I':
                return types.constructType(int.class);
            case 'J':
                return types.constructType(long.class);
            case 'F':
                return types.constructType(float.class);
            case 'D':
                return types.constructType(double.class);
            case 'V':
                return types.constructType(void.class);
            default:
                throw new IllegalArgumentException("bad signature " + sig + " at " + (pos - 1));
        }
    }

    private JavaType classType() throws ClassNotFoundException {
        StringBuilder name = new StringBuilder();
        List<JavaType> args = new ArrayList<>();
        while (true) {
            char c = sig.charAt(pos++);
            if (c == ';') {
                break;
            } else if (c == '<') {
                args.clear();
                while (sig.charAt(pos) != '>') {
                    char w = sig.charAt(pos);
                    if (w == '*') {
                        pos++;
                        args.add(types.constructType(Object.class));
                    } else if (w == '+') {
                        pos++;
                        args.add(type());
                    } else if (w == '-') {
                        pos++;
                        type();
                        args.add(types.constructType(Object.class));
                    } else {
                        args.add(type());
                    }
                }
                pos++;
            } else if (c == '.') {
                name.append('$'); // an inner class of a parameterized outer: keep the inner one's arguments
            } else {
                name.append(c == '/' ? '.' : c);
            }
        }
        Class<?> raw = Class.forName(name.toString(), false, loader);
        if (args.isEmpty() || raw.getTypeParameters().length != args.size()) {
            return types.constructType(raw);
        }
        return types.constructParametricType(raw, args.toArray(JavaType[]::new));
    }
}

package io.azdp.mock.junit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: {@code @ExtendWith(AzdpMockExtension.class)} (or {@link AzdpMock}) gives every test and
 * lifecycle method an {@link AzdpMockServer} parameter. One server per test class, started on first use and stopped
 * after the class; call {@link AzdpMockServer#reset()} in {@code @BeforeEach} for isolated state.
 */
public class AzdpMockExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AzdpMockExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == AzdpMockServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        ExtensionContext classContext = context;
        while (classContext.getParent().isPresent() && classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().get();
        }
        try {
            return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(testClass.getName(),
                    k -> builder(testClass).start(), AzdpMockServer.class);
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("cannot start azdp-mock: " + e.getMessage(), e);
        }
    }

    /** The builder the annotations of {@code testClass} (and its enclosing classes) describe. */
    static AzdpMockServer.Builder builder(Class<?> testClass) {
        AzdpMockServer.Builder b = AzdpMockServer.builder().properties(properties(testClass));
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            AzdpMock annotation = c.getAnnotation(AzdpMock.class);
            if (annotation != null && annotation.https()) {
                return b.https();
            }
        }
        return b;
    }

    static Map<String, String> properties(Class<?> testClass) {
        Map<String, String> props = new LinkedHashMap<>();
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            AzdpMock annotation = c.getAnnotation(AzdpMock.class);
            if (annotation != null) {
                for (String p : annotation.properties()) {
                    int eq = p.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("@AzdpMock(properties): expected key=value, got '" + p + "'");
                    }
                    props.putIfAbsent(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
                }
            }
        }
        return props;
    }
}

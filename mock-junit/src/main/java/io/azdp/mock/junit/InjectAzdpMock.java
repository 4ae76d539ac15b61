package io.azdp.mock.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks an {@link AzdpMockServer} field of a {@code @QuarkusTest} that {@link AzdpMockTestResource} fills in. */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
public @interface InjectAzdpMock {
}

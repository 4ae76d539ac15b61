package io.azdp.mock.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts one azdp-mock per test class and injects {@link AzdpMockServer} into test and lifecycle method parameters.
 * {@code properties} are emulator settings as {@code key=value}, e.g. {@code "azdp.mock.clock.mode=virtual"};
 * {@code https = true} also serves HTTPS ({@link AzdpMockServer#httpsUrl()}, {@link AzdpMockServer#sslContext()},
 * {@link AzdpMockServer#certificateFile()}), as the Azure SDKs need.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(AzdpMockExtension.class)
public @interface AzdpMock {

    String[] properties() default {};

    /** Also serve HTTPS on a free port, with a certificate the test can trust. */
    boolean https() default false;
}

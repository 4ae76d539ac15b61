package io.azdp.cli.testing;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Test-mode only: loads, at start, the one class that a jboss-threads pool loads the first time one of its threads
 * finishes while the pool shuts down.
 *
 * <p>In {@code @QuarkusMainTest} launches classes come from jars opened through a zip file system whose channel is
 * interruptible. Shutdown interrupts the pool's threads, so a thread that loads that class at that moment fails with
 * {@code ClosedByInterruptException} and the JVM prints an uncaught stack trace into the captured stderr (seen once
 * in CI, in a bulk run). The packaged CLI reads its jars through {@code JarFile}, which an interrupt does not close,
 * so only the test launches need this.
 */
@Singleton
class ShutdownClassPreload {
    static final String CLASS = "org.jboss.threads.ContextClassLoaderSavingRunnable";

    void onStart(@Observes StartupEvent event) throws ClassNotFoundException {
        Class.forName(CLASS, false, ShutdownClassPreload.class.getClassLoader());
    }
}

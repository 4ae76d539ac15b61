package io.azdp.mock;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The emulator's entry point. Quarkus's root HTTP handler refuses a URL that {@link java.net.URI} cannot parse
 * ({@code %zz}, a space, {@code |}) with an empty 400 before any route runs; Quarkus 3.33 reads the switch for that
 * check only as the system property {@code vertx.disableURIValidation}, once, when it boots. The emulator turns it off
 * here and makes the same check first thing in {@link io.azdp.mock.gate.RequestGate}, which answers a CloudError.
 */
@QuarkusMain
public final class AzdpMockMain {

    static final String URI_VALIDATION = "vertx.disableURIValidation";

    AzdpMockMain() {
    }

    public static void main(String... args) {
        System.setProperty(URI_VALIDATION, "true");
        Quarkus.run(args);
    }
}

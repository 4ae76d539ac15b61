package io.azdp.cli.common;

import io.azdp.client.error.ArmException;
import io.azdp.client.error.AuthenticationException;
import io.azdp.client.error.NoJobToFollowException;
import io.azdp.client.error.OperationFailedException;
import io.azdp.client.error.OperationTimeoutException;
import io.azdp.client.error.PollingException;
import io.azdp.client.error.PreflightException;
import io.azdp.client.error.ResourceNotFoundException;
import io.azdp.client.error.ServiceUnavailableException;
import io.azdp.client.error.ThrottledException;
import io.azdp.client.error.TlsHandshakeException;
import io.azdp.client.error.UnfollowableOperationException;
import io.azdp.model.InvalidJsonException;
import io.azdp.model.ValidationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Maps exceptions to exit codes and one-line messages. */
public final class ErrorMapper {

    private ErrorMapper() {
    }

    static boolean isValidation(Throwable t) {
        return t instanceof ValidationException || t instanceof InvalidJsonException;
    }

    static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof UncheckedIOException && current.getCause() != null
                || current instanceof picocli.CommandLine.ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    public static ExitCode exitCode(Throwable thrown) {
        Throwable t = unwrap(thrown);
        if (t instanceof CliException c) {
            return c.exitCode();
        }
        if (isValidation(t) || t instanceof PreflightException) {
            return ExitCode.USAGE;
        }
        if (t instanceof ResourceNotFoundException) {
            return ExitCode.NOT_FOUND;
        }
        if (t instanceof AuthenticationException) {
            return ExitCode.AUTH_FAILED;
        }
        if (t instanceof ThrottledException || t instanceof ServiceUnavailableException) {
            return ExitCode.THROTTLED_OR_UNAVAILABLE;
        }
        if (t instanceof OperationFailedException || t instanceof NoJobToFollowException
                || t instanceof UnfollowableOperationException) {
            return ExitCode.OPERATION_FAILED;
        }
        if (t instanceof OperationTimeoutException) {
            return ExitCode.TIMEOUT;
        }
        if (t instanceof PollingException p) {
            return byStatus(p.httpStatus());
        }
        if (t instanceof ArmException a) {
            return byStatus(a.httpStatus());
        }
        if (t instanceof InterruptedException || t instanceof CancellationException) {
            return ExitCode.INTERRUPTED;
        }
        if (t instanceof ConnectException || t instanceof IOException
                || t.getClass().getName().startsWith("io.vertx") || t.getClass().getName().contains("ProcessingException")) {
            return ExitCode.THROTTLED_OR_UNAVAILABLE;
        }
        return ExitCode.INTERNAL_ERROR;
    }

    static ExitCode byStatus(int status) {
        if (status == 404) {
            return ExitCode.NOT_FOUND;
        }
        if (status == 401 || status == 403) {
            return ExitCode.AUTH_FAILED;
        }
        if (status == 429 || status >= 500 || status <= 0) {
            return ExitCode.THROTTLED_OR_UNAVAILABLE;
        }
        if (status >= 400) {
            return ExitCode.SERVICE_REJECTED;
        }
        // a 1xx-3xx the client could not use (an HTML page, garbage, a body of the wrong shape): the service's
        // answer, not a bug in azdp
        return ExitCode.THROTTLED_OR_UNAVAILABLE;
    }

    /** JVM options that make azdp trust the certificates in a truststore. */
    private static final String TRUST_OPTIONS = "-Djavax.net.ssl.trustStore=trust.p12 "
            + "-Djavax.net.ssl.trustStorePassword=PASSWORD";

    /**
     * How to trust a server's certificate, added to the line of a failed TLS handshake (issue 15): the JVM launcher
     * takes JVM options from {@code AZDP_JAVA_OPTS}, the native binary as its first arguments (issue 10).
     */
    static String tlsHint(boolean nativeImage) {
        return "; to trust the server's certificate, import it into a truststore (keytool -importcert -file CERT.pem "
                + "-keystore trust.p12 -storepass PASSWORD) and run " + (nativeImage
                        ? "the native azdp with " + TRUST_OPTIONS + " before the command"
                        : "azdp with AZDP_JAVA_OPTS='" + TRUST_OPTIONS + "'")
                + " (docs/cli.md, TLS)";
    }

    /** Whether this is the native executable (GraalVM sets this property in a native image at run time). */
    static boolean nativeImage() {
        return "runtime".equals(System.getProperty("org.graalvm.nativeimage.imagecode"));
    }

    public static String message(Throwable thrown) {
        Throwable t = unwrap(thrown);
        String message = t.getMessage();
        if (t instanceof ConnectException || (message == null && t.getCause() != null)) {
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            message = (message == null ? "" : message + ": ") + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : " " + root.getMessage());
        }
        if (message == null || message.isBlank()) {
            message = t.getClass().getSimpleName();
        }
        if (TlsHandshakeException.isCause(t)) {
            message = message + tlsHint(nativeImage());
        }
        return message.replace('\n', ' ').replace('\r', ' ');
    }
}

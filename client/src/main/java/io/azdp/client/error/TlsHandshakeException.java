package io.azdp.client.error;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;

import javax.net.ssl.SSLHandshakeException;

/**
 * The TLS handshake with an ARM, token or managed identity endpoint failed (most often a certificate this JVM does not
 * trust, as behind a TLS-inspecting proxy, or one that does not cover the host name). The handshake comes before any
 * byte of the request, so nothing was sent, and it is never retried: an untrusted certificate stays untrusted.
 */
public class TlsHandshakeException extends ServiceUnavailableException {
    private static final long serialVersionUID = 1L;

    public TlsHandshakeException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether {@code t} or one of its causes is a failed TLS handshake (wrapped by this client or not). */
    public static boolean isCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof TlsHandshakeException || c instanceof SSLHandshakeException
                    || c instanceof CertificateException || c instanceof CertPathBuilderException) {
                return true;
            }
        }
        return false;
    }
}

package io.azdp.cli.operation;

import io.azdp.cli.common.CliException;
import io.azdp.client.lro.ResumeToken;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** An operation named by a resume token ({@code azdp1....}) or by its Azure-AsyncOperation / Location URL. */
final class OperationRef {

    private OperationRef() {
    }

    static boolean isToken(String text) {
        return text.strip().startsWith(ResumeToken.PREFIX);
    }

    static URI url(String flag, String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw CliException.usage(flag + ": expected the Azure-AsyncOperation or Location URL (or a resume "
                        + "token azdp1....) printed by --no-wait, got '" + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw CliException.usage(flag + ": expected an absolute URL or a resume token, got '" + text + "'");
        }
    }

    /** A resume token for a bare URL, so the client's poller can follow it. */
    static String tokenFor(String flag, String text) {
        if (isToken(text)) {
            return text.strip();
        }
        URI uri = url(flag, text);
        boolean location = uri.getPath().toLowerCase(Locale.ROOT).contains("/operationresults/");
        String path = uri.getPath();
        String operationId = path.substring(path.lastIndexOf('/') + 1);
        return new ResumeToken(location ? null : uri, location ? uri : null, operationId, null, null, null).encode();
    }
}

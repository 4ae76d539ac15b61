package io.azdp.cli.backup;

import io.azdp.cli.common.Redactor;
import io.azdp.cli.output.Printer;
import io.azdp.client.ClientSettings;
import io.azdp.model.TriggerBackupRequest;
import io.azdp.model.arm.ArmHeaders;
import io.azdp.model.id.BackupInstanceId;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code --what-if} prints: the exact request azdp would send, with the bearer token redacted, and what the
 * read-only pre-flight found ({@code passed: ...}, or {@code not checked (...)}).
 */
@RegisterForReflection
public record HttpPreview(String method, String url, Map<String, String> headers, Object body, String preflight) {

    /** The pre-flight verdict of a request the client checked. */
    static final String PASSED = "passed: the instance allows an adhoc backup and the rule and tag are its policy's";

    static HttpPreview adhocBackup(ClientSettings settings, BackupInstanceId instance, TriggerBackupRequest body,
            String preflight) {
        String url = settings.endpoint() + instance.toString() + "/backup?" + ArmHeaders.API_VERSION + "="
                + settings.apiVersion();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ArmHeaders.AUTHORIZATION, "Bearer " + Redactor.REDACTED);
        headers.put(ArmHeaders.CONTENT_TYPE, "application/json");
        headers.put(ArmHeaders.ACCEPT, "application/json");
        headers.put(ArmHeaders.USER_AGENT, settings.userAgent());
        // generated when sent: one client request id per request (kept on its retries); the correlation id is also
        // sent on the polls of the operation the request starts
        headers.put(ArmHeaders.CLIENT_REQUEST_ID, "<new UUID per request>");
        headers.put(ArmHeaders.CORRELATION_REQUEST_ID, "<new UUID, also sent on the operation's polls>");
        return new HttpPreview("POST", url, headers, Printer.tree(body), preflight);
    }
}

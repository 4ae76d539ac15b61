package io.azdp.cli.backup;

import io.azdp.cli.common.Settings;
import io.azdp.cli.output.Printer;
import io.azdp.model.TriggerBackupRequest;
import io.azdp.model.id.BackupInstanceId;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.LinkedHashMap;
import java.util.Map;

/** What {@code --what-if} prints: the exact request azdp would send, with the bearer token redacted. */
@RegisterForReflection
public record HttpPreview(String method, String url, Map<String, String> headers, Object body) {
    public static final String DEFAULT_API_VERSION = "2024-04-01";

    static HttpPreview adhocBackup(Settings settings, BackupInstanceId instance, TriggerBackupRequest body) {
        String apiVersion = settings.apiVersion() == null ? DEFAULT_API_VERSION : settings.apiVersion();
        String url = settings.endpoint() + instance.toString() + "/backup?api-version=" + apiVersion;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer <redacted>");
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        return new HttpPreview("POST", url, headers, Printer.tree(body));
    }
}

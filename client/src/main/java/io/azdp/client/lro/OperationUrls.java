package io.azdp.client.lro;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.azdp.client.http.HttpResult;
import io.azdp.model.AzdpJson;
import io.azdp.model.OperationJobExtendedInfo;
import io.azdp.model.OperationResource;
import io.azdp.model.ValidationException;
import io.azdp.model.arm.ArmPaths;
import io.azdp.model.id.BackupVaultId;

/** Reading what the service says about an operation: its URLs, its status body, its result. */
final class OperationUrls {

    private OperationUrls() {
    }

    /**
     * The URL of a polling header, resolved against {@code base} (the URL of the request it answered) when relative;
     * null when absent, or when it is not a URL that can be polled (unparsable, not http(s), no host): what the
     * service sends is read tolerantly, and the caller reports the raw value.
     */
    static URI url(URI base, String header) {
        if (!present(header)) {
            return null;
        }
        try {
            URI u = new URI(header.trim());
            URI resolved = u.isAbsolute() || base == null ? u : base.resolve(u);
            String scheme = resolved.getScheme();
            if (!("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) || resolved.getHost() == null
                    || resolved.getRawPath() == null || resolved.getRawPath().isEmpty()) {
                return null;
            }
            return resolved;
        } catch (URISyntaxException | IllegalArgumentException notAUrl) {
            return null;
        }
    }

    static boolean present(String header) {
        return header != null && !header.isBlank();
    }

    /** The {@code jobId} of a response body, if it has one and is JSON at all (never fails). */
    static Optional<OperationJobExtendedInfo> jobInfoIfAny(HttpResult r) {
        try {
            return jobInfo(readTree(r));
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    /** The last path segment of a status or result URL (the operation id as the service wrote it). */
    static String operationIdOf(URI url) {
        if (url == null || url.getRawPath() == null) {
            return null;
        }
        String p = url.getRawPath();
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        int slash = p.lastIndexOf('/');
        return slash < 0 ? p : p.substring(slash + 1);
    }

    /** The vault of a vault-scoped status URL ({@code .../backupVaults/{v}/operationStatus/{id}}). */
    static Optional<BackupVaultId> vaultOf(URI statusUrl) {
        String before = statusUrl == null ? null : ArmPaths.beforeOperationStatus(statusUrl.getPath());
        if (before == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(BackupVaultId.parse(before));
        } catch (ValidationException notAVault) {
            return Optional.empty();
        }
    }

    /** {@code jobId} of an {@code OperationJobExtendedInfo} body, or of {@code properties} of a status body. */
    static Optional<OperationJobExtendedInfo> jobInfo(JsonNode n) {
        if (n == null || !n.isObject()) {
            return Optional.empty();
        }
        if (n.hasNonNull("jobId") && !n.get("jobId").asText().isBlank()) {
            return Optional.of(new OperationJobExtendedInfo(n.get("jobId").asText()));
        }
        JsonNode p = n.get("properties");
        if (p != null && p.hasNonNull("jobId") && !p.get("jobId").asText().isBlank()) {
            return Optional.of(new OperationJobExtendedInfo(p.get("jobId").asText()));
        }
        return Optional.empty();
    }

    static OperationResource readStatus(HttpResult r) {
        if (r.body().isBlank()) {
            return null;
        }
        try {
            return AzdpJson.read(r.body(), OperationResource.class);
        } catch (RuntimeException e) {
            throw AdhocBackupPoller.pollingFailure("the operation status body could not be read: " + e.getMessage(), r);
        }
    }

    static JsonNode readTree(HttpResult r) {
        if (r.body().isBlank()) {
            return null;
        }
        try {
            return AzdpJson.read(r.body(), JsonNode.class);
        } catch (RuntimeException e) {
            throw AdhocBackupPoller.pollingFailure("the operation result body is not JSON: " + e.getMessage(), r);
        }
    }
}

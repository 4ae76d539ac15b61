package io.azdp.mock.arm;

import io.azdp.mock.gate.RequestGate;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * ARM compares path segment names case-insensitively ({@code Backupvaults}, {@code resourcegroups}): rewrite the
 * type segments of ARM paths to canonical casing before JAX-RS matching. Names keep their casing.
 */
public class ArmPaths {

    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("subscriptions", "subscriptions"),
            Map.entry("resourcegroups", "resourceGroups"),
            Map.entry("providers", "providers"),
            Map.entry("microsoft.dataprotection", "Microsoft.DataProtection"),
            Map.entry("backupvaults", "backupVaults"),
            Map.entry("backupinstances", "backupInstances"),
            Map.entry("backuppolicies", "backupPolicies"),
            Map.entry("backupjobs", "backupJobs"),
            Map.entry("operationstatus", "operationStatus"),
            Map.entry("operationresults", "operationResults"),
            Map.entry("locations", "locations"),
            Map.entry("backup", "backup"));

    @ServerRequestFilter(preMatching = true)
    public void canonicalize(ContainerRequestContext ctx, HttpServerRequest request) {
        // the raw Vert.x path: building the request URI would parse it on every call
        String path = request.path();
        if (path == null || !RequestGate.isArm(path)) {
            return;
        }
        String canonical = canonical(path);
        if (canonical != path) {
            URI uri = ctx.getUriInfo().getRequestUri();
            String query = uri.getRawQuery();
            ctx.setRequestUri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + canonical
                    + (query == null ? "" : "?" + query)));
        }
    }

    /** Canonical casing for type segments (even positions, and the namespace after 'providers'). */
    static String canonical(String path) {
        String[] segs = path.split("/", -1);
        boolean changed = false;
        for (int i = 1; i < segs.length; i++) {
            boolean typePosition = (i % 2 == 1) || (i > 1 && "providers".equalsIgnoreCase(segs[i - 1]));
            if (!typePosition) {
                continue;
            }
            String c = CANONICAL.get(segs[i].toLowerCase(Locale.ROOT));
            if (c != null && !c.equals(segs[i])) {
                segs[i] = c;
                changed = true;
            }
        }
        return changed ? String.join("/", segs) : path;
    }
}

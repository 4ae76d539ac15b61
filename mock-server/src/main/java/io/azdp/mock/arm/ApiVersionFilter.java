package io.azdp.mock.arm;

import io.azdp.mock.MockConfig;
import io.azdp.mock.error.ErrorMappers;
import io.azdp.mock.store.MockStore;
import io.azdp.mock.inventory.ResourceGroupEntry;
import io.azdp.mock.inventory.VaultEntry;
import io.azdp.model.arm.ArmHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * ARM's first check on every call the emulated provider serves: the {@code api-version} query parameter must name a
 * version the provider registers ({@code azdp.mock.api-versions}, by default every published one). Runs after routing,
 * so an unknown path still answers {@code InvalidResourceType} / {@code NotFound}.
 */
public class ApiVersionFilter {

    private static final Pattern RESOURCE_GROUP = Pattern.compile("(?i)^/subscriptions/([^/]+)/resourceGroups/([^/]+)");

    private final MockStore store;
    private final List<String> accepted;
    /** The resources of the emulated ARM surface (not the control plane, health or token endpoints). */
    private static final Set<Class<?>> ARM_RESOURCES = Set.of(TriggerResource.class, OperationStatusResource.class,
            JobResource.class, InventoryResource.class);

    public ApiVersionFilter(MockConfig config, MockStore store) {
        this.store = store;
        this.accepted = ApiVersions.accepted(config.apiVersions());
    }

    @ServerRequestFilter
    public Response check(SimpleResourceInfo resource, HttpServerRequest request) {
        if (!ARM_RESOURCES.contains(resource.getResourceClass())) {
            return null;
        }
        String version = request.getParam(ArmHeaders.API_VERSION);
        if (version == null || version.isBlank()) {
            return ErrorMappers.toResponse(ApiVersions.missing());
        }
        if (accepted.contains(version)) {
            return null;
        }
        String path = request.path();
        String type = ApiVersions.resourceType(path, request.method() != HttpMethod.GET);
        return ErrorMappers.toResponse(ApiVersions.unsupported(version, type, location(path), accepted, locations()));
    }

    /** The location ARM would name: the path's {@code locations/x}, else the resource group's, else {@code global}. */
    private String location(String path) {
        String segment = ApiVersions.locationSegment(path);
        if (segment != null) {
            return segment.toLowerCase(Locale.ROOT);
        }
        Matcher m = RESOURCE_GROUP.matcher(path);
        if (m.find()) {
            return store.resourceGroup(m.group(1), m.group(2)).map(ResourceGroupEntry::location).orElse("global");
        }
        return "global";
    }

    /** The locations the seed uses (the emulator serves any). */
    private Set<String> locations() {
        Set<String> out = new TreeSet<>();
        for (VaultEntry v : store.vaults()) {
            out.add(v.location().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}

package io.azdp.mock.arm;

import io.azdp.mock.error.ArmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The api-versions the emulated Microsoft.DataProtection surface accepts, and ARM's answers when a request names none
 * or another one. Whatever version a request names, the emulator answers with the 2024-04-01 shapes
 * ({@link #SERVED_SHAPE}); the version is echoed in the polling URLs and nextLinks it hands out.
 */
public final class ApiVersions {

    /** The keyword in {@code azdp.mock.api-versions} that stands for {@link #PUBLISHED}. */
    public static final String PUBLISHED_KEYWORD = "published";

    /** The api-version whose request and response shapes the emulator implements, for every accepted version. */
    public static final String SERVED_SHAPE = "2024-04-01";

    /**
     * Every Microsoft.DataProtection api-version published in Azure/azure-rest-api-specs, stable and preview, oldest
     * first: the tags of {@code specification/dataprotection/resource-manager/Microsoft.DataProtection/DataProtection/
     * readme.md} (the version folders under {@code stable/} and {@code preview/}), read 2026-12, so whichever
     * version an SDK, az or PowerShell sends by default is accepted.
     */
    public static final List<String> PUBLISHED = List.of(
            "2021-01-01",
            "2021-02-01-preview",
            "2021-06-01-preview",
            "2021-07-01",
            "2021-10-01-preview",
            "2021-12-01-preview",
            "2022-01-01",
            "2022-02-01-preview",
            "2022-03-01",
            "2022-03-31-preview",
            "2022-04-01",
            "2022-05-01",
            "2022-09-01-preview",
            "2022-10-01-preview",
            "2022-11-01-preview",
            "2022-12-01",
            "2023-01-01",
            "2023-04-01-preview",
            "2023-05-01",
            "2023-06-01-preview",
            "2023-08-01-preview",
            "2023-11-01",
            "2023-12-01",
            "2024-02-01-preview",
            "2024-03-01",
            "2024-04-01",
            "2025-01-01",
            "2025-02-01",
            "2025-07-01",
            "2025-09-01",
            "2026-03-01",
            "2026-04-01-preview",
            "2026-06-01",
            "2026-08-31-preview");

    private ApiVersions() {
    }

    /** {@link #PUBLISHED} as a stream, for parameterized tests. */
    public static java.util.stream.Stream<String> published() {
        return PUBLISHED.stream();
    }

    /** The configured list with {@value #PUBLISHED_KEYWORD} expanded, duplicates dropped, order kept. */
    public static List<String> accepted(Collection<String> configured) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : configured) {
            String t = v.trim();
            if (t.equalsIgnoreCase(PUBLISHED_KEYWORD)) {
                out.addAll(PUBLISHED);
            } else if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    /** ARM's answer to a request without {@code ?api-version=}. */
    public static ArmException missing() {
        return ArmException.badRequest("MissingApiVersionParameter",
                "The api-version query parameter (?api-version=) is required for all requests.");
    }

    /**
     * ARM's answer to an api-version the provider does not register for a resource type: 400
     * {@code NoRegisteredProviderFound}, naming the location, the version, the type, the supported versions and
     * locations, as ARM words it.
     */
    public static ArmException unsupported(String apiVersion, String type, String location, List<String> accepted,
            Collection<String> locations) {
        return ArmException.badRequest("NoRegisteredProviderFound", "No registered resource provider found for location '"
                + location + "' and API version '" + apiVersion + "' for type '" + type
                + "'. The supported api-versions are '" + String.join(", ", accepted)
                + "'. The supported locations are '" + String.join(", ", locations) + "'.");
    }

    /**
     * The resource type ARM names for a Microsoft.DataProtection path, e.g. {@code backupVaults/backupInstances} for
     * {@code .../backupVaults/v/backupInstances/bi/backup} (an action's own segment is not a type); null when the path
     * is not under the provider.
     */
    public static String resourceType(String path, boolean action) {
        int at = path.toLowerCase(Locale.ROOT).indexOf("/providers/microsoft.dataprotection/");
        if (at < 0) {
            return null;
        }
        String[] segs = path.substring(at + "/providers/microsoft.dataprotection/".length()).split("/");
        int end = action && segs.length % 2 == 1 && segs.length > 1 ? segs.length - 1 : segs.length;
        List<String> types = new ArrayList<>();
        for (int i = 0; i < end; i += 2) {
            types.add(segs[i]);
        }
        return String.join("/", types);
    }

    /** The {@code locations/{location}} segment of a provider path, or null. */
    public static String locationSegment(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("/providers/microsoft.dataprotection/locations/");
        if (at < 0) {
            return null;
        }
        String rest = path.substring(at + "/providers/microsoft.dataprotection/locations/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}

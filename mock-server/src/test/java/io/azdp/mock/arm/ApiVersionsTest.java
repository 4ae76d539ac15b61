package io.azdp.mock.arm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ApiVersionsTest {

    @Test
    void publishedVersionsAreDatedUniqueAndInOrder() {
        assertThat(ApiVersions.PUBLISHED).allMatch(v -> v.matches("\\d{4}-\\d{2}-\\d{2}(-preview)?"))
                .doesNotHaveDuplicates().isSorted().contains(ApiVersions.SERVED_SHAPE, "2022-12-01");
    }

    /** Every version folder of the reference spec checkout is in the list (skips when the checkout is absent). */
    @Test
    void everyVersionFolderOfTheReferenceSpecIsPublished() throws IOException {
        String dir = System.getProperty("azdp.reference.dir");
        Assumptions.assumeTrue(dir != null, "azdp.reference.dir not set");
        Path provider = Path.of(dir, "azure-rest-api-specs", "specification", "dataprotection", "resource-manager",
                "Microsoft.DataProtection");
        Assumptions.assumeTrue(Files.isDirectory(provider), "dataprotection spec absent");
        Set<String> folders;
        try (Stream<Path> paths = Files.walk(provider, 4)) {
            folders = paths.filter(Files::isDirectory)
                    .filter(p -> p.getParent() != null && Set.of("stable", "preview")
                            .contains(p.getParent().getFileName().toString()))
                    .map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(folders).isNotEmpty();
        assertThat(ApiVersions.PUBLISHED).containsAll(folders);
    }

    @Test
    void publishedKeywordExpandsInPlaceAndExtraVersionsAreKept() {
        assertThat(ApiVersions.accepted(List.of("published"))).isEqualTo(ApiVersions.PUBLISHED);
        assertThat(ApiVersions.accepted(List.of("2099-01-01", " Published ", "2024-04-01")))
                .startsWith("2099-01-01", "2021-01-01").endsWith("2026-08-31-preview").hasSize(35);
        assertThat(ApiVersions.accepted(List.of("2024-04-01"))).containsExactly("2024-04-01");
    }

    @Test
    void resourceTypeIsTheProviderTypeChainWithoutTheActionSegment() {
        String vault = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/v";
        assertThat(ApiVersions.resourceType(vault, false)).isEqualTo("backupVaults");
        assertThat(ApiVersions.resourceType(vault + "/backupInstances/bi/backup", true))
                .isEqualTo("backupVaults/backupInstances");
        assertThat(ApiVersions.resourceType(vault + "/backupJobs", false)).isEqualTo("backupVaults/backupJobs");
        assertThat(ApiVersions.resourceType("/subscriptions/s/providers/microsoft.dataprotection/locations/westus"
                + "/operationResults/x", false)).isEqualTo("locations/operationResults");
        assertThat(ApiVersions.locationSegment("/subscriptions/s/providers/Microsoft.DataProtection/locations/WestUS"
                + "/operationStatus/x")).isEqualTo("WestUS");
        assertThat(ApiVersions.resourceType("/subscriptions/s/resourceGroups/rg", false)).isNull();
    }
}

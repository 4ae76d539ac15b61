package io.azdp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

import io.azdp.client.error.PollingException;

/** How a list's {@code nextLink} is resolved against the URL of the page that named it. */
class NextLinkTest {
    private static final URI PAGE = URI.create("https://management.azure.com/subscriptions/s/resourceGroups/rg"
            + "/providers/Microsoft.DataProtection/backupVaults/v/backupJobs?api-version=2024-04-01");

    private static String resolve(String link) {
        return MutinyDataProtectionClient.resolveNextLink(PAGE, link).toString();
    }

    @Test
    void absoluteLinksAreFollowedAsGiven() {
        assertThat(resolve("https://management.azure.com/x/backupJobs?$skipToken=5"))
                .isEqualTo("https://management.azure.com/x/backupJobs?$skipToken=5");
    }

    @Test
    void relativeLinksResolveAgainstThePageUrlNotTheEndpoint() {
        String vault = "https://management.azure.com/subscriptions/s/resourceGroups/rg/providers/"
                + "Microsoft.DataProtection/backupVaults/v/";
        // RFC 3986: a query-only reference keeps the whole path (java.net.URI alone would drop 'backupJobs')
        assertThat(resolve("?api-version=2024-04-01&$skipToken=5"))
                .isEqualTo(vault + "backupJobs?api-version=2024-04-01&$skipToken=5");
        assertThat(resolve("backupJobs?$skipToken=5")).isEqualTo(vault + "backupJobs?$skipToken=5");
        assertThat(resolve("page2")).isEqualTo(vault + "page2");
        assertThat(resolve("/subscriptions/s/x?$skipToken=5"))
                .isEqualTo("https://management.azure.com/subscriptions/s/x?$skipToken=5");
    }

    @Test
    void unparsableLinksFailNamingTheNextLink() {
        for (String junk : new String[] { "http://[junk", "%zz", "a b", "::", "mailto:someone" }) {
            assertThatThrownBy(() -> resolve(junk)).as(junk).isInstanceOf(PollingException.class)
                    .hasMessageContaining("nextLink");
        }
    }
}

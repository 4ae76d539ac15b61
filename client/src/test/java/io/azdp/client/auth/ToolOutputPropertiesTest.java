package io.azdp.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.azdp.client.error.AuthenticationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What azd, pwsh and the legacy App Service endpoint print, read tolerantly, never echoing a token. */
class ToolOutputPropertiesTest {
    private static final Instant NOW = Instant.parse("2026-12-06T05:00:00Z");

    @Provide
    Arbitrary<Instant> expiries() {
        return Arbitraries.longs().between(0, 4_102_444_800L).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.strings().withCharRange('!', '~').excludeChars('"', '\\').ofMinLength(1).ofMaxLength(200);
    }

    @Property
    void azdTokenAndRfc3339ExpiryAreRead(@ForAll("tokens") String token, @ForAll("expiries") Instant expires,
            @ForAll boolean offset) {
        String on = offset ? expires.atOffset(ZoneOffset.ofHours(2)).toString() : expires.toString();
        AccessToken t = AzureDeveloperCliTokenSource.parse("{\"token\":\"" + token + "\",\"expiresOn\":\"" + on
                + "\",\"unknown\":1}", NOW);
        assertThat(t.token()).isEqualTo(token);
        assertThat(t.expiresAt()).isEqualTo(expires);
    }

    @Property
    void powerShellIsoAndDotNetExpiriesAreRead(@ForAll("tokens") String token, @ForAll("expiries") Instant expires,
            @ForAll boolean dotNet) {
        String on = dotNet ? "/Date(" + expires.toEpochMilli() + ")/" : expires.atOffset(ZoneOffset.UTC).toString();
        AccessToken t = AzurePowerShellTokenSource.parse("\n{\"Token\":\"" + token + "\",\"ExpiresOn\":\"" + on
                + "\"}\r\n", NOW);
        assertThat(t.token()).isEqualTo(token);
        assertThat(t.expiresAt()).isEqualTo(expires);
    }

    @Property
    void anUnreadableExpiryIsUnknownNotAFailure(@ForAll("tokens") String token, @ForAll String junk) {
        String json = "{\"token\":\"" + token + "\",\"expiresOn\":" + com.fasterxml.jackson.databind.node.TextNode
                .valueOf(junk) + "}";
        assertThat(AzureDeveloperCliTokenSource.parse(json, NOW).token()).isEqualTo(token);
    }

    @Property
    void outputThatIsNotATokenFailsWithoutEchoingIt(@ForAll String out) {
        Throwable azd = catchThrowable(() -> AzureDeveloperCliTokenSource.parse(out, NOW));
        Throwable pwsh = catchThrowable(() -> AzurePowerShellTokenSource.parse(out, NOW));
        for (Throwable t : new Throwable[] {azd, pwsh}) {
            if (t != null) {
                assertThat(t).isInstanceOf(AuthenticationException.class);
                if (out.strip().length() > 8) {
                    assertThat(t.getMessage()).doesNotContain(out.strip());
                }
            }
        }
    }

    @Property
    void legacyAppServiceExpiriesAreRead(@ForAll("expiries") Instant expires, @ForAll boolean twelveHour) {
        Instant whole = Instant.ofEpochSecond(expires.getEpochSecond());
        String pattern = twelveHour ? "M/d/yyyy h:mm:ss a XXX" : "M/d/yyyy H:mm:ss XXX";
        String text = DateTimeFormatter.ofPattern(pattern, Locale.US).format(whole.atOffset(ZoneOffset.UTC));
        assertThat(ManagedIdentityTokenSource.legacyExpiry(text)).as(text).isEqualTo(whole);
    }

    @Provide
    Arbitrary<String> tenants() {
        // mostly near-misses of a domain or GUID (leading '-' or '.', empty), so both answers are exercised
        return Arbitraries.oneOf(Arbitraries.strings(), Arbitraries.strings().withChars("aZ09.-").ofMaxLength(6),
                Arbitraries.of("", "-", ".", "-a", ".x", "a-", "a.", "contoso.onmicrosoft.com",
                        "72f988bf-86f1-41af-91ab-2d7cd011db47", "a b", "a'b"));
    }

    @Property
    void theScriptTakesOnlyCheckedResourceAndTenant(@ForAll("tenants") String tenant) {
        Throwable t = catchThrowable(() -> AzurePowerShellTokenSource.script("https://management.azure.com/", tenant));
        // the rule of CredentialSettings.TENANT, written out: a letter or digit first, then letters, digits, '.', '-'
        if (tenant.matches("[A-Za-z0-9][A-Za-z0-9.-]*")) {
            assertThat(t).isNull();
        } else {
            assertThat(t).isInstanceOf(AuthenticationException.class).hasMessageContaining("azdp.tenant-id");
        }
    }
}

package io.azdp.client.auth;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.azdp.client.error.AuthenticationException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Reuses an {@code az login}: runs {@code az account get-access-token --resource <ARM> -o json [--tenant <t>]} (no
 * shell, so nothing is interpolated; the token never appears in a process list, only in az's output) with a timeout,
 * and {@code az account show} for the default subscription. {@code az} missing or not logged in makes the credential
 * unavailable with a message saying what to do; in the chain, the next one is tried.
 */
final class AzureCliTokenSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter EXPIRES_ON = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

    private final ToolProcess az;
    private final String resource;
    private final String tenantId;
    private final Clock clock;

    private AzureCliTokenSource(CredentialSettings c, Clock clock) {
        this.az = new ToolProcess("Azure CLI", "az", c.azureCli(), "azdp.azure-cli-path", c.path(),
                c.azureCliTimeout(), "install the Azure CLI and run az login");
        String scope = c.scope();
        this.resource = scope.endsWith("/.default") ? scope.substring(0, scope.length() - 8) : scope;
        this.tenantId = c.tenantId() == null || c.tenantId().isBlank() ? null : c.tenantId().strip();
        this.clock = clock;
    }

    /** The caching token source, which also knows az's default subscription. */
    static TokenSource create(CredentialSettings c, Clock clock) {
        AzureCliTokenSource s = new AzureCliTokenSource(c, clock);
        CachingTokenSource tokens = new CachingTokenSource(s::fetch, clock, CachingTokenSource.DEFAULT_REFRESH_BEFORE,
                "Azure CLI (az account get-access-token" + (s.tenantId == null ? "" : " --tenant " + s.tenantId) + ")",
                null);
        return new TokenSource() {
            @Override
            public Uni<AccessToken> token() {
                return tokens.token();
            }

            @Override
            public boolean invalidate(AccessToken rejected) {
                return tokens.invalidate(rejected);
            }

            @Override
            public String describe() {
                return tokens.describe();
            }

            @Override
            public Optional<String> defaultSubscription() {
                return s.defaultSubscription();
            }
        };
    }

    private Uni<AccessToken> fetch() {
        List<String> args = new ArrayList<>(List.of("account", "get-access-token", "--resource", resource, "-o",
                "json"));
        if (tenantId != null) {
            args.add("--tenant");
            args.add(tenantId);
        }
        return Uni.createFrom().item(() -> parse(run(args)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** {@code az account show}'s subscription id, if az is there and logged in. */
    Optional<String> defaultSubscription() {
        try {
            JsonNode n = JSON.readTree(run(List.of("account", "show", "-o", "json")));
            return Optional.ofNullable(n.path("id").asText(null)).filter(s -> !s.isBlank());
        } catch (IOException | AuthenticationException e) {
            return Optional.empty();
        }
    }

    private AccessToken parse(String out) {
        JsonNode n;
        try {
            n = JSON.readTree(out);
        } catch (IOException e) {
            throw new AuthenticationException("Azure CLI: az account get-access-token printed something that is not"
                    + " JSON; update az (az upgrade)");
        }
        String token = n.path("accessToken").asText(null);
        if (token == null || token.isBlank()) {
            throw new AuthenticationException("Azure CLI: az account get-access-token printed no accessToken");
        }
        Instant expires = null;
        JsonNode on = n.path("expires_on");
        if (on.canConvertToLong() || on.asText("").matches("\\d+")) {
            expires = Instant.ofEpochSecond(on.asLong());
        } else if (n.hasNonNull("expiresOn")) {
            try {
                expires = LocalDateTime.parse(n.get("expiresOn").asText(), EXPIRES_ON).atZone(ZoneId.systemDefault())
                        .toInstant();
            } catch (DateTimeParseException e) {
                expires = null;
            }
        }
        return new AccessToken(token, expires, clock.instant());
    }

    /** Runs az with {@code args}; stdout, or an exception saying what to do. */
    private String run(List<String> args) {
        ToolProcess.Result r = az.run(args, "az " + args.get(0) + " " + args.get(1));
        if (r.exitCode() != 0) {
            String e = r.stderr().toLowerCase(Locale.ROOT);
            if (e.contains("az login") || e.contains("not logged in") || e.contains("no subscription found")) {
                throw new CredentialUnavailableException("Azure CLI: not logged in; run az login"
                        + (tenantId == null ? "" : " --tenant " + tenantId) + " (or choose another credential with"
                        + " --auth / azdp.auth)");
            }
            throw new AuthenticationException("Azure CLI: az " + args.get(0) + " " + args.get(1) + " failed (exit "
                    + r.exitCode() + "): " + ToolProcess.firstLine(r.stderr()));
        }
        return r.stdout();
    }
}

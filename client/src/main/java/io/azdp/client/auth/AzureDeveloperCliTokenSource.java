package io.azdp.client.auth;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.azdp.client.error.AuthenticationException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Reuses an {@code azd auth login}: runs {@code azd auth token --output json --no-prompt --scope <scope>
 * [--tenant-id <t>]}, as Azure Identity's {@code AzureDeveloperCliCredential} does (the scope as it is, with its
 * {@code /.default}), through {@link ToolProcess} (no shell, a timeout). azd prints
 * {@code {"token": "...", "expiresOn": "2024-01-01T00:00:00Z"}}. {@code azd} missing or not logged in makes the
 * credential unavailable, so the chain moves on.
 */
final class AzureDeveloperCliTokenSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ToolProcess azd;
    private final String scope;
    private final String tenantId;
    private final Clock clock;

    private AzureDeveloperCliTokenSource(CredentialSettings c, Clock clock) {
        this.azd = new ToolProcess("Azure Developer CLI", "azd", c.azureDeveloperCli(),
                "azdp.azure-developer-cli-path", c.path(), c.azureCliTimeout(),
                "install the Azure Developer CLI and run azd auth login");
        this.scope = c.scope();
        this.tenantId = c.tenantId() == null || c.tenantId().isBlank() ? null : c.tenantId().strip();
        this.clock = clock;
    }

    static TokenSource create(CredentialSettings c, Clock clock) {
        AzureDeveloperCliTokenSource s = new AzureDeveloperCliTokenSource(c, clock);
        return new CachingTokenSource(s::fetch, clock, CachingTokenSource.DEFAULT_REFRESH_BEFORE,
                "Azure Developer CLI (azd auth token" + (s.tenantId == null ? "" : " --tenant-id " + s.tenantId)
                        + ")", null);
    }

    private Uni<AccessToken> fetch() {
        List<String> args = new ArrayList<>(List.of("auth", "token", "--output", "json", "--no-prompt", "--scope",
                scope));
        if (tenantId != null) {
            args.add("--tenant-id");
            args.add(tenantId);
        }
        return Uni.createFrom().item(() -> parse(run(args), clock.instant()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private String run(List<String> args) {
        ToolProcess.Result r = azd.run(args, "azd auth token");
        if (r.exitCode() != 0) {
            String all = (r.stdout() + "\n" + r.stderr()).toLowerCase(Locale.ROOT);
            if (all.contains("azd auth login") || all.contains("not logged in")) {
                throw new CredentialUnavailableException("Azure Developer CLI: not logged in; run azd auth login"
                        + (tenantId == null ? "" : " --tenant-id " + tenantId) + " (or choose another credential with"
                        + " --auth / azdp.auth)");
            }
            throw new AuthenticationException("Azure Developer CLI: azd auth token failed (exit " + r.exitCode()
                    + "): " + ToolProcess.firstLine(r.stderr().isBlank() ? r.stdout() : r.stderr()));
        }
        return r.stdout();
    }

    /** azd's JSON: {@code token}, {@code expiresOn} (RFC 3339); an unreadable expiry is treated as unknown. */
    static AccessToken parse(String out, Instant now) {
        JsonNode n;
        try {
            n = JSON.readTree(out);
        } catch (IOException e) {
            throw new AuthenticationException("Azure Developer CLI: azd auth token printed something that is not"
                    + " JSON; update azd");
        }
        String token = n == null ? null : n.path("token").asText(null);
        if (token == null || token.isBlank()) {
            throw new AuthenticationException("Azure Developer CLI: azd auth token printed no token");
        }
        Instant expires = null;
        if (n.hasNonNull("expiresOn")) {
            try {
                expires = OffsetDateTime.parse(n.get("expiresOn").asText().strip()).toInstant();
            } catch (DateTimeParseException e) {
                expires = null;
            }
        }
        return new AccessToken(token, expires, now);
    }
}

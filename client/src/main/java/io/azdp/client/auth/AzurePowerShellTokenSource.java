package io.azdp.client.auth;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.azdp.client.error.AuthenticationException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Reuses a {@code Connect-AzAccount}: runs {@code pwsh -NoProfile -NonInteractive -Command <script>} (no shell around
 * it) where the script imports Az.Accounts (2.2.0 or later), calls {@code Get-AzAccessToken -ResourceUrl <resource>
 * [-TenantId <t>]} as Azure Identity's {@code AzurePowerShellCredential} does, turns a SecureString token (Az.Accounts
 * 5) into text and prints {@code {"Token": ..., "ExpiresOn": ...}}. The resource and tenant are checked before they go
 * into the script, so nothing can be injected. pwsh missing, Az.Accounts missing or not logged in makes the
 * credential unavailable, so the chain moves on.
 */
final class AzurePowerShellTokenSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SAFE_RESOURCE = Pattern.compile("[A-Za-z0-9_.:/-]+");
    private static final Pattern DOTNET_DATE = Pattern.compile("/Date\\((-?\\d{1,15})(?:[+-]\\d{4})?\\)/");
    static final String MODULE_MISSING = "AzdpAzAccountsMissing";

    private final ToolProcess pwsh;
    private final String resource;
    private final String tenantId;
    private final Clock clock;

    private AzurePowerShellTokenSource(CredentialSettings c, Clock clock) {
        this.pwsh = new ToolProcess("Azure PowerShell", "pwsh", c.azurePowerShell(), "azdp.azure-powershell-path",
                c.path(), c.azureCliTimeout(), "install PowerShell 7 and Az.Accounts and run Connect-AzAccount");
        String scope = c.scope();
        this.resource = scope.endsWith("/.default") ? scope.substring(0, scope.length() - 8) : scope;
        this.tenantId = c.tenantId() == null || c.tenantId().isBlank() ? null : c.tenantId().strip();
        this.clock = clock;
    }

    static TokenSource create(CredentialSettings c, Clock clock) {
        AzurePowerShellTokenSource s = new AzurePowerShellTokenSource(c, clock);
        return new CachingTokenSource(s::fetch, clock, CachingTokenSource.DEFAULT_REFRESH_BEFORE,
                "Azure PowerShell (Get-AzAccessToken" + (s.tenantId == null ? "" : " -TenantId " + s.tenantId) + ")",
                null);
    }

    private Uni<AccessToken> fetch() {
        return Uni.createFrom().item(() -> parse(run(), clock.instant()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** The script {@code pwsh -Command} runs. */
    static String script(String resource, String tenantId) {
        if (!SAFE_RESOURCE.matcher(resource).matches()) {
            throw new AuthenticationException("Azure PowerShell: the resource '" + resource + "' has characters"
                    + " other than letters, digits and _ . : / -");
        }
        if (tenantId != null && !CredentialSettings.TENANT.matcher(tenantId).matches()) {
            throw new AuthenticationException("Azure PowerShell: azdp.tenant-id (AZURE_TENANT_ID) '" + tenantId
                    + "' has characters other than letters, digits, . and -");
        }
        return String.join("\n",
                "$ErrorActionPreference = 'Stop'",
                "$ProgressPreference = 'SilentlyContinue'",
                "$WarningPreference = 'SilentlyContinue'",
                "$InformationPreference = 'SilentlyContinue'",
                "$m = Import-Module Az.Accounts -MinimumVersion 2.2.0 -PassThru -ErrorAction SilentlyContinue",
                "if (-not $m) { Write-Output '" + MODULE_MISSING + "'; exit 0 }",
                "$p = @{ ResourceUrl = '" + resource + "'; WarningAction = 'Ignore' }",
                tenantId == null ? "" : "$p['TenantId'] = '" + tenantId + "'",
                "$t = Get-AzAccessToken @p",
                "$v = $t.Token",
                "if ($v -is [System.Security.SecureString]) { $v = ConvertFrom-SecureString -SecureString $v"
                        + " -AsPlainText }",
                "[pscustomobject]@{ Token = $v; ExpiresOn = $t.ExpiresOn } | ConvertTo-Json -Compress");
    }

    private String run() {
        ToolProcess.Result r = pwsh.run(List.of("-NoProfile", "-NonInteractive", "-Command",
                script(resource, tenantId)), "pwsh Get-AzAccessToken");
        String all = r.stdout() + "\n" + r.stderr();
        if (r.stdout().contains(MODULE_MISSING)) {
            throw new CredentialUnavailableException("Azure PowerShell: the Az.Accounts module (2.2.0 or later) is"
                    + " not installed; run Install-Module Az.Accounts in pwsh, or choose another credential with"
                    + " --auth / azdp.auth");
        }
        // a warning that mentions Connect-AzAccount beside a token is not a failure
        if ((r.exitCode() != 0 || !r.stdout().contains("\"Token\"")) && all.contains("Connect-AzAccount")) {
            throw new CredentialUnavailableException("Azure PowerShell: not logged in; run Connect-AzAccount"
                    + (tenantId == null ? "" : " -Tenant " + tenantId) + " in pwsh (or choose another credential with"
                    + " --auth / azdp.auth)");
        }
        if (r.exitCode() != 0) {
            throw new AuthenticationException("Azure PowerShell: Get-AzAccessToken failed (exit " + r.exitCode()
                    + "): " + ToolProcess.firstLine(r.stderr().isBlank() ? r.stdout() : r.stderr()));
        }
        return r.stdout();
    }

    /**
     * The script's JSON: {@code Token}; {@code ExpiresOn} as ISO-8601 with offset (PowerShell 7) or
     * {@code /Date(ms)/} (Windows PowerShell); an unreadable expiry is treated as unknown.
     */
    static AccessToken parse(String out, Instant now) {
        JsonNode n;
        try {
            n = JSON.readTree(out.strip());
        } catch (IOException e) {
            throw new AuthenticationException("Azure PowerShell: Get-AzAccessToken printed something that is not"
                    + " JSON");
        }
        String token = n == null ? null : n.path("Token").asText(null);
        if (token == null || token.isBlank()) {
            throw new AuthenticationException("Azure PowerShell: Get-AzAccessToken printed no Token");
        }
        return new AccessToken(token, expiry(n.path("ExpiresOn").asText("").strip()), now);
    }

    private static Instant expiry(String text) {
        Matcher m = DOTNET_DATE.matcher(text);
        if (m.matches()) {
            return Instant.ofEpochMilli(Long.parseLong(m.group(1)));
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

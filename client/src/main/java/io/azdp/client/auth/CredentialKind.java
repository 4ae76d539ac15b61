package io.azdp.client.auth;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

import io.azdp.model.ValidationException;

/** The credentials {@code azdp.auth} (CLI {@code --auth}) can choose; {@link #DEFAULT} is the chain. */
public enum CredentialKind {
    /**
     * The chain, in DefaultAzureCredential's order: environment, workload identity, managed identity, Azure CLI, Azure
     * PowerShell, Azure Developer CLI.
     */
    DEFAULT("default"),
    /** Client secret, client certificate or client assertion from AZURE_TENANT_ID / AZURE_CLIENT_ID / ... */
    ENVIRONMENT("environment"),
    /** AZURE_FEDERATED_TOKEN_FILE + AZURE_CLIENT_ID + AZURE_TENANT_ID. */
    WORKLOAD_IDENTITY("workload-identity"),
    /** IMDS, or App Service / Functions (IDENTITY_ENDPOINT + IDENTITY_HEADER, or legacy MSI_ENDPOINT + MSI_SECRET). */
    MANAGED_IDENTITY("managed-identity"),
    /** {@code az account get-access-token}. */
    AZURE_CLI("azure-cli"),
    /** {@code Get-AzAccessToken} in {@code pwsh}. */
    AZURE_POWERSHELL("azure-powershell"),
    /** {@code azd auth token}. */
    AZURE_DEVELOPER_CLI("azure-developer-cli"),
    /** A ready-made bearer token (AZURE_ACCESS_TOKEN); cannot be refreshed. */
    ACCESS_TOKEN("access-token");

    private final String key;

    CredentialKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The kind named {@code text} (case-insensitive, {@code _} for {@code -}); else a ValidationException naming origin. */
    public static CredentialKind parse(String text, String origin) {
        String t = text == null ? "default" : text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (CredentialKind k : values()) {
            if (k.key.equals(t)) {
                return k;
            }
        }
        String all = String.join(", ", Arrays.stream(values()).map(CredentialKind::key).toList());
        String closest = Arrays.stream(values()).map(CredentialKind::key)
                .min(Comparator.comparingInt(k -> distance(k, t))).orElse("default");
        throw new ValidationException(origin, "one of " + all, origin + ": expected one of " + all + ", got '" + text
                + "' (did you mean '" + closest + "'?)");
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1),
                        prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            prev = cur;
        }
        return prev[b.length()];
    }
}

package io.azdp.client.internal;

import java.util.Map;
import java.util.Optional;

/**
 * Azure's conventional environment variables, read in code as fallbacks for unset {@code azdp.*} keys. Deliberately
 * not a {@code ConfigSource}: Quarkus may record values of ServiceLoader-registered sources seen while building an
 * application into that application, and a build machine's {@code AZURE_CLIENT_SECRET} must never end up in a jar.
 */
public final class AzureEnvironment {
    public static final String TENANT_ID = "AZURE_TENANT_ID";
    public static final String CLIENT_ID = "AZURE_CLIENT_ID";
    public static final String CLIENT_SECRET = "AZURE_CLIENT_SECRET";
    public static final String SUBSCRIPTION_ID = "AZURE_SUBSCRIPTION_ID";
    public static final String ACCESS_TOKEN = "AZURE_ACCESS_TOKEN";
    public static final String AUTHORITY_HOST = "AZURE_AUTHORITY_HOST";
    public static final String FEDERATED_TOKEN_FILE = "AZURE_FEDERATED_TOKEN_FILE";
    /** Also mapped by MicroProfile Config itself to {@code azdp.endpoint}; read here for the non-Quarkus builder. */
    public static final String AZDP_ENDPOINT = "AZDP_ENDPOINT";

    private final Map<String, String> env;

    public AzureEnvironment(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static AzureEnvironment system() {
        return new AzureEnvironment(System.getenv());
    }

    public static AzureEnvironment none() {
        return new AzureEnvironment(Map.of());
    }

    /** The non-blank value of {@code name}, trimmed. */
    public Optional<String> get(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }
}

package io.azdp.client.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.azdp.client.error.AuthenticationException;
import io.smallrye.mutiny.Uni;

/** Picks the token source from the configured credentials: the one place a credential is chosen. */
public final class TokenSources {

    static final String HINT = "Set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or"
            + " AZURE_CLIENT_CERTIFICATE_PATH, or AZURE_FEDERATED_TOKEN_FILE), run on Azure with a managed identity,"
            + " run az login (or Connect-AzAccount, or azd auth login), or set AZURE_ACCESS_TOKEN; see"
            + " docs/credentials.md";

    private TokenSources() {
    }

    /**
     * The credential {@link CredentialSettings#kind()} names. {@link CredentialKind#DEFAULT}: a fixed access token
     * when one is set, else the chain in DefaultAzureCredential's order: environment (client secret, certificate or
     * assertion), workload identity, managed identity, Azure CLI, Azure PowerShell, Azure Developer CLI (Azure
     * Identity's order, without its IDE and broker credentials). Nothing fails here: a credential that cannot work
     * fails on first use with an {@link AuthenticationException} saying what to set.
     */
    public static TokenSource from(CredentialSettings c, Clock clock) {
        return switch (c.kind()) {
            case ACCESS_TOKEN -> present(c.accessToken()) ? new StaticTokenSource(c.accessToken())
                    : failing("access-token: azdp.access-token (AZURE_ACCESS_TOKEN) is not set");
            case ENVIRONMENT -> environment(c, clock, false);
            case WORKLOAD_IDENTITY -> workloadIdentity(c, clock, false);
            case MANAGED_IDENTITY -> ManagedIdentityTokenSource.create(c, clock, false);
            case AZURE_CLI -> AzureCliTokenSource.create(c, clock);
            case AZURE_POWERSHELL -> AzurePowerShellTokenSource.create(c, clock);
            case AZURE_DEVELOPER_CLI -> AzureDeveloperCliTokenSource.create(c, clock);
            case DEFAULT -> present(c.accessToken()) ? new StaticTokenSource(c.accessToken()) : chain(c, clock);
        };
    }

    private static TokenSource chain(CredentialSettings c, Clock clock) {
        List<TokenSource> chain = new ArrayList<>();
        chain.add(environment(c, clock, true));
        chain.add(workloadIdentity(c, clock, true));
        chain.add(ManagedIdentityTokenSource.create(c, clock, true));
        chain.add(AzureCliTokenSource.create(c, clock));
        chain.add(AzurePowerShellTokenSource.create(c, clock));
        chain.add(AzureDeveloperCliTokenSource.create(c, clock));
        return new ChainedTokenSource(chain, HINT);
    }

    /** Client secret, else client certificate, else client assertion; each needs tenant and client id. */
    private static TokenSource environment(CredentialSettings c, Clock clock, boolean inChain) {
        boolean secret = present(c.clientSecret());
        boolean certificate = present(c.clientCertificatePath());
        boolean assertion = present(c.clientAssertion());
        if (present(c.tenantId()) && present(c.clientId()) && (secret || certificate || assertion)) {
            if (secret) {
                return ClientCredentialsTokenSource.withSecret(c, clock);
            }
            if (certificate) {
                Path file = Path.of(c.clientCertificatePath().strip());
                return lazy(() -> ClientCredentialsTokenSource.withCertificate(c,
                        ClientCertificate.load(file, c.clientCertificatePassword(), c.sendCertificateChain()), clock),
                        "environment (client certificate " + file + ") for client id " + c.clientId());
            }
            return ClientCredentialsTokenSource.withAssertion(c, clock);
        }
        List<String> missing = new ArrayList<>();
        if (!present(c.tenantId())) {
            missing.add("azdp.tenant-id (AZURE_TENANT_ID)");
        }
        if (!present(c.clientId())) {
            missing.add("azdp.client-id (AZURE_CLIENT_ID)");
        }
        if (!secret && !certificate && !assertion) {
            missing.add("azdp.client-secret (AZURE_CLIENT_SECRET) or azdp.client-certificate-path"
                    + " (AZURE_CLIENT_CERTIFICATE_PATH)" + (inChain ? "" : " or azdp.client-assertion"));
        }
        String message = "environment: not configured; set " + String.join(", ", missing);
        return inChain ? unavailable(message) : failing(message);
    }

    private static TokenSource workloadIdentity(CredentialSettings c, Clock clock, boolean inChain) {
        String file = c.federatedTokenFile();
        if (present(file) && present(c.tenantId()) && present(c.clientId())) {
            Path p = Path.of(file.strip());
            if (!Files.isReadable(p)) {
                // a configured but broken workload identity is reported, not skipped
                return failing("azdp.federated-token-file: expected a readable file, got '" + file + "'");
            }
            return ClientCredentialsTokenSource.withFederatedToken(c, p, clock);
        }
        List<String> missing = new ArrayList<>();
        if (!present(file)) {
            missing.add("azdp.federated-token-file (AZURE_FEDERATED_TOKEN_FILE)");
        }
        if (!present(c.tenantId())) {
            missing.add("azdp.tenant-id (AZURE_TENANT_ID)");
        }
        if (!present(c.clientId())) {
            missing.add("azdp.client-id (AZURE_CLIENT_ID)");
        }
        String message = "workload identity: not configured; set " + String.join(", ", missing);
        return inChain ? unavailable(message) : failing(message);
    }

    /** A fixed bearer token (a leading {@code Bearer } is dropped); it cannot be refreshed. */
    public static TokenSource fixed(String bearerToken) {
        return new StaticTokenSource(bearerToken);
    }

    /** A source built on first use, so that a bad file fails the call (with its message), not the client's build. */
    private static TokenSource lazy(java.util.function.Supplier<TokenSource> make, String description) {
        return new TokenSource() {
            private volatile TokenSource made;

            private TokenSource get() {
                TokenSource m = made;
                if (m == null) {
                    synchronized (this) {
                        if (made == null) {
                            made = make.get();
                        }
                        m = made;
                    }
                }
                return m;
            }

            @Override
            public Uni<AccessToken> token() {
                return Uni.createFrom().deferred(() -> get().token());
            }

            @Override
            public boolean invalidate(AccessToken rejected) {
                return made != null && made.invalidate(rejected);
            }

            @Override
            public String describe() {
                return made != null ? made.describe() : description;
            }

            @Override
            public void close() {
                if (made != null) {
                    made.close();
                }
            }
        };
    }

    private static TokenSource failing(String message) {
        return new TokenSource() {
            @Override
            public Uni<AccessToken> token() {
                return Uni.createFrom().failure(() -> new AuthenticationException(message));
            }

            @Override
            public String describe() {
                return "none (" + message + ")";
            }
        };
    }

    private static TokenSource unavailable(String message) {
        return new TokenSource() {
            @Override
            public Uni<AccessToken> token() {
                return Uni.createFrom().failure(() -> new CredentialUnavailableException(message));
            }

            @Override
            public String describe() {
                return message.substring(0, message.indexOf(':'));
            }
        };
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}

package io.azdp.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;

import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

import io.azdp.client.api.BackupInstancesApi;
import io.azdp.client.api.BackupJobsApi;
import io.azdp.client.api.BackupPoliciesApi;
import io.azdp.client.api.BackupVaultsApi;
import io.azdp.client.api.OperationStatusApi;
import io.azdp.client.auth.TokenSource;
import io.azdp.client.auth.TokenSources;
import io.azdp.client.internal.ArmPipeline;
import io.azdp.client.internal.ArmRequestFilter;
import io.azdp.client.internal.AzureEnvironment;
import io.azdp.model.OperationJobExtendedInfo;
import io.azdp.model.OperationResource;
import io.azdp.model.TriggerBackupRequest;
import io.azdp.model.ValidationException;
import io.azdp.model.id.ArmNames;
import io.azdp.model.id.BackupInstanceId;
import io.azdp.model.id.BackupJobId;
import io.azdp.model.id.BackupPolicyId;
import io.azdp.model.id.BackupVaultId;
import io.azdp.model.id.JobId;
import io.azdp.model.instance.BackupInstanceResource;
import io.azdp.model.job.AzureBackupJobResource;
import io.azdp.model.policy.AdhocBackupOptions;
import io.azdp.model.policy.BaseBackupPolicyResource;
import io.azdp.model.vault.BackupVaultResource;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * Client for the DataProtection adhoc backup: start a backup and follow it to the job, read jobs, instances,
 * policies and vaults. Blocking methods here; the same calls returning {@code Uni}/{@code Multi} are on
 * {@link #mutiny()}.
 *
 * <p>In a Quarkus application inject it ({@code @Inject DataProtectionClient client}; configured from {@code azdp.*}
 * and Azure's environment variables), or build one with {@link #builder()}. Close clients you build yourself.
 */
public final class DataProtectionClient implements AutoCloseable {
    private final ClientSettings settings;
    private final TokenSource tokens;
    private final MutinyDataProtectionClient mutiny;
    private final AutoCloseable[] closeables;

    private DataProtectionClient(ClientSettings settings, TokenSource tokens, MutinyDataProtectionClient mutiny,
            AutoCloseable... closeables) {
        this.settings = settings;
        this.tokens = tokens;
        this.mutiny = mutiny;
        this.closeables = closeables;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The {@code Uni}/{@code Multi} twin of this client (same settings, connections and token cache). */
    public MutinyDataProtectionClient mutiny() {
        return mutiny;
    }

    public ClientSettings settings() {
        return settings;
    }

    /** Where tokens come from, without secrets. */
    public String credentialDescription() {
        return tokens.describe();
    }

    // ---------------------------------------------------------------- ids from names

    /** The instance id in the configured subscription ({@code azdp.subscription-id} / AZURE_SUBSCRIPTION_ID). */
    public BackupInstanceId instanceId(String resourceGroupName, String vaultName, String backupInstanceName) {
        return mutiny.instanceId(resourceGroupName, vaultName, backupInstanceName);
    }

    /** The vault id in the configured subscription. */
    public BackupVaultId vaultId(String resourceGroupName, String vaultName) {
        return mutiny.vaultId(resourceGroupName, vaultName);
    }

    // ---------------------------------------------------------------- adhoc backup

    /** Starts an adhoc backup (after the pre-flight check, when enabled); returns the operation's poller. */
    public AdhocBackupPoller beginAdhocBackup(BackupInstanceId instance, TriggerBackupRequest request) {
        return mutiny.beginAdhocBackup(instance, request).await().indefinitely();
    }

    public AdhocBackupPoller beginAdhocBackup(BackupInstanceId instance, String ruleName,
            String retentionTagOverrideOrNull) {
        return beginAdhocBackup(instance, TriggerBackupRequest.of(ruleName, retentionTagOverrideOrNull));
    }

    /** Starts an adhoc backup and waits (at most {@code timeout}) for the operation; returns the started job. */
    public OperationJobExtendedInfo adhocBackup(BackupInstanceId instance, TriggerBackupRequest request,
            Duration timeout) {
        return beginAdhocBackup(instance, request).waitForCompletion(timeout);
    }

    /** {@link #adhocBackup(BackupInstanceId, TriggerBackupRequest, Duration)} with {@code azdp.operation-timeout}. */
    public OperationJobExtendedInfo adhocBackup(BackupInstanceId instance, TriggerBackupRequest request) {
        return adhocBackup(instance, request, settings.operationTimeout());
    }

    /** Continues polling an operation from a resume token (made by this or another process). */
    public AdhocBackupPoller resume(String resumeToken) {
        return mutiny.resume(resumeToken);
    }

    /** Valid rule names and retention tags for an adhoc backup of {@code instance}, from its policy. */
    public AdhocBackupOptions adhocBackupOptions(BackupInstanceId instance) {
        return mutiny.adhocBackupOptions(instance).await().indefinitely();
    }

    /** GET of an absolute operation status URL (as returned in {@code Azure-AsyncOperation}). */
    public OperationResource getOperationStatus(URI absoluteStatusUrl) {
        return mutiny.getOperationStatus(absoluteStatusUrl).await().indefinitely();
    }

    /** GET of the vault-scoped operation status. */
    public OperationResource getOperationStatus(BackupVaultId vault, String operationId) {
        return mutiny.getOperationStatus(vault, operationId).await().indefinitely();
    }

    // ---------------------------------------------------------------- jobs

    public AzureBackupJobResource getJob(BackupVaultId vault, JobId job) {
        return mutiny.getJob(vault, job).await().indefinitely();
    }

    /** A job by its full ARM id (what the operation result carries). */
    public AzureBackupJobResource getJob(JobId job) {
        return mutiny.getJob(job).await().indefinitely();
    }

    public AzureBackupJobResource getJob(BackupJobId job) {
        return mutiny.getJob(job).await().indefinitely();
    }

    /**
     * Follows the job to {@code Completed}, {@code CompletedWithWarnings}, {@code Failed} or {@code Cancelled} and
     * returns its last state; {@code onPoll} (may be null) sees every state read.
     */
    public AzureBackupJobResource waitForJob(BackupVaultId vault, JobId job, Duration timeout,
            Consumer<AzureBackupJobResource> onPoll) {
        return mutiny.waitForJob(vault, job, timeout, onPoll).await().indefinitely();
    }

    public AzureBackupJobResource waitForJob(BackupVaultId vault, JobId job, Duration timeout) {
        return waitForJob(vault, job, timeout, null);
    }

    /** As above for a job given by its full ARM id (what the operation result carries). */
    public AzureBackupJobResource waitForJob(BackupJobId job, Duration timeout,
            Consumer<AzureBackupJobResource> onPoll) {
        return mutiny.waitForJob(job, timeout, onPoll).await().indefinitely();
    }

    /** A job by its ARM id; a bare GUID fails with a {@code ValidationException} (it needs the vault). */
    public AzureBackupJobResource waitForJob(JobId job, Duration timeout) {
        return mutiny.waitForJob(job, timeout).await().indefinitely();
    }

    /** All jobs of the vault, pages fetched lazily as the stream is consumed. */
    public Stream<AzureBackupJobResource> listJobs(BackupVaultId vault) {
        return mutiny.listJobs(vault).subscribe().asStream();
    }

    // ---------------------------------------------------------------- instances, policies, vaults

    public BackupInstanceResource getBackupInstance(BackupInstanceId instance) {
        return mutiny.getBackupInstance(instance).await().indefinitely();
    }

    public BaseBackupPolicyResource getBackupPolicy(BackupPolicyId policy) {
        return mutiny.getBackupPolicy(policy).await().indefinitely();
    }

    public Stream<BaseBackupPolicyResource> listBackupPolicies(BackupVaultId vault) {
        return mutiny.listBackupPolicies(vault).subscribe().asStream();
    }

    public BackupVaultResource getBackupVault(BackupVaultId vault) {
        return mutiny.getBackupVault(vault).await().indefinitely();
    }

    @Override
    public void close() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing is best effort
            }
        }
        tokens.close();
    }

    /**
     * Builds a {@link DataProtectionClient}. Unset values fall back to Azure's environment variables
     * ({@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID}, {@code AZURE_CLIENT_SECRET}, {@code AZURE_SUBSCRIPTION_ID},
     * {@code AZURE_ACCESS_TOKEN}, {@code AZURE_AUTHORITY_HOST}, {@code AZURE_FEDERATED_TOKEN_FILE},
     * {@code AZDP_ENDPOINT}) unless {@link #environment(Map)} replaces them, then to the defaults of
     * {@link AzdpClientConfig}.
     */
    public static final class Builder {
        private String endpoint;
        private String authorityHost;
        private String scope;
        private String apiVersion;
        private String tenantId;
        private String clientId;
        private String clientSecret;
        private String federatedTokenFile;
        private String subscriptionId;
        private String accessToken;
        private Duration pollInterval = Duration.ofSeconds(2);
        private Duration maxPollInterval = Duration.ofSeconds(30);
        private Duration jobPollInterval = Duration.ofSeconds(2);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration operationTimeout = Duration.ofMinutes(10);
        private boolean preflight = true;
        private boolean allowInsecureHttp;
        private int connectionPoolSize = 50;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String userAgent = ClientSettings.USER_AGENT;
        private TokenSource tokenSource;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private AzureEnvironment env = AzureEnvironment.system();

        private Builder() {
        }

        /** Copies every value of a Quarkus configuration mapping ({@code azdp.*}). */
        public Builder config(AzdpClientConfig c) {
            endpoint = c.endpoint();
            authorityHost = c.authorityHost().orElse(null);
            scope = c.scope().orElse(null);
            apiVersion = c.apiVersion();
            tenantId = c.tenantId().orElse(null);
            clientId = c.clientId().orElse(null);
            clientSecret = c.clientSecret().orElse(null);
            federatedTokenFile = c.federatedTokenFile().orElse(null);
            subscriptionId = c.subscriptionId().orElse(null);
            accessToken = c.accessToken().orElse(null);
            pollInterval = c.pollInterval();
            maxPollInterval = c.maxPollInterval();
            jobPollInterval = c.jobPollInterval();
            connectTimeout = c.connectTimeout();
            readTimeout = c.readTimeout();
            operationTimeout = c.operationTimeout();
            preflight = c.preflight();
            allowInsecureHttp = c.allowInsecureHttp();
            connectionPoolSize = c.connectionPoolSize();
            retry = new RetryPolicy(c.retry().maxRetries(), c.retry().baseDelay(), c.retry().maxDelay(),
                    c.retry().maxRetryAfter());
            return this;
        }

        /** {@code public}, {@code usgov}, {@code china} or an absolute URL. */
        public Builder endpoint(String endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder authorityHost(String authorityHost) {
            this.authorityHost = authorityHost;
            return this;
        }

        public Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        public Builder apiVersion(String apiVersion) {
            this.apiVersion = apiVersion;
            return this;
        }

        public Builder tenantId(String tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        public Builder federatedTokenFile(String path) {
            this.federatedTokenFile = path;
            return this;
        }

        public Builder subscriptionId(String subscriptionId) {
            this.subscriptionId = subscriptionId;
            return this;
        }

        /** A ready-made bearer token (takes precedence over client credentials). */
        public Builder accessToken(String accessToken) {
            this.accessToken = accessToken;
            return this;
        }

        public Builder pollInterval(Duration d) {
            this.pollInterval = d;
            return this;
        }

        public Builder maxPollInterval(Duration d) {
            this.maxPollInterval = d;
            return this;
        }

        public Builder jobPollInterval(Duration d) {
            this.jobPollInterval = d;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = d;
            return this;
        }

        public Builder readTimeout(Duration d) {
            this.readTimeout = d;
            return this;
        }

        public Builder operationTimeout(Duration d) {
            this.operationTimeout = d;
            return this;
        }

        /** Turns the pre-flight rule/tag check off (on by default). */
        public Builder preflight(boolean enabled) {
            this.preflight = enabled;
            return this;
        }

        public Builder allowInsecureHttp(boolean allow) {
            this.allowInsecureHttp = allow;
            return this;
        }

        public Builder connectionPoolSize(int size) {
            this.connectionPoolSize = size;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /** An extra header on every request (e.g. the emulator's scenario header). Not for credentials. */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /** Use this token source instead of the configured credentials. */
        public Builder tokenSource(TokenSource tokenSource) {
            this.tokenSource = tokenSource;
            return this;
        }

        /** The clock for Retry-After dates, poll schedules, deadlines and token expiry (tests). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How the client waits (tests inject one that records delays). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Source of jitter in [0, 1) for retry backoff (tests). */
        public Builder jitter(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Replaces the process environment used for fallbacks ({@code Map.of()} disables them). */
        public Builder environment(Map<String, String> environment) {
            this.env = new AzureEnvironment(environment);
            return this;
        }

        /** Resolves the settings without building a client (validates them). */
        public ClientSettings settings() {
            String ep = endpoint != null ? endpoint : env.get(AzureEnvironment.AZDP_ENDPOINT).orElse("public");
            URI endpointUri = ClientSettings.parseEndpoint(ep, allowInsecureHttp);
            AzureCloud cloud = AzureCloud.byName(ep).or(() -> AzureCloud.byEndpoint(endpointUri)).orElse(null);
            String authority = authorityHost != null ? authorityHost
                    : env.get(AzureEnvironment.AUTHORITY_HOST).orElse(null);
            URI authorityUri;
            if (authority != null) {
                authorityUri = ClientSettings.parseUrl("azdp.authority-host", authority,
                        "an absolute URL such as https://login.microsoftonline.com");
            } else if (cloud != null) {
                authorityUri = cloud.authorityHost();
            } else if (ClientSettings.isLoopback(endpointUri)) {
                authorityUri = endpointUri;
            } else {
                authorityUri = AzureCloud.PUBLIC.authorityHost();
            }
            String sc = scope != null ? scope : (cloud != null ? cloud : AzureCloud.PUBLIC).scope();
            String sub = subscriptionId != null ? subscriptionId
                    : env.get(AzureEnvironment.SUBSCRIPTION_ID).orElse(null);
            if (sub != null) {
                sub = ArmNames.requireSubscriptionId(sub.trim());
            }
            if (connectionPoolSize < 1) {
                throw ValidationException.of("azdp.connection-pool-size", "1 or more",
                        String.valueOf(connectionPoolSize));
            }
            return new ClientSettings(endpointUri, cloud, authorityUri, sc,
                    apiVersion != null ? apiVersion : ClientSettings.DEFAULT_API_VERSION,
                    tenantId != null ? tenantId : env.get(AzureEnvironment.TENANT_ID).orElse(null),
                    clientId != null ? clientId : env.get(AzureEnvironment.CLIENT_ID).orElse(null),
                    sub, positive("azdp.poll-interval", pollInterval), positive("azdp.max-poll-interval",
                            maxPollInterval),
                    positive("azdp.job-poll-interval", jobPollInterval), positive("azdp.connect-timeout",
                            connectTimeout),
                    positive("azdp.read-timeout", readTimeout), positive("azdp.operation-timeout", operationTimeout),
                    preflight, connectionPoolSize, retry, headers, userAgent);
        }

        private static Duration positive(String name, Duration d) {
            if (d == null || d.isNegative()) {
                throw ValidationException.of(name, "a duration of 0 or more such as PT2S", String.valueOf(d));
            }
            return d;
        }

        /** Builds the client; needs the Quarkus runtime (REST client). Fails only on invalid settings. */
        public DataProtectionClient build() {
            ClientSettings s = settings();
            TokenSource tokens = tokenSource != null ? tokenSource
                    : TokenSources.from(accessToken != null ? accessToken : env.get(AzureEnvironment.ACCESS_TOKEN)
                            .orElse(null), s.authorityHost(), s.tenantId(), s.clientId(),
                            clientSecret != null ? clientSecret : env.get(AzureEnvironment.CLIENT_SECRET).orElse(null),
                            federatedTokenFile != null ? federatedTokenFile
                                    : env.get(AzureEnvironment.FEDERATED_TOKEN_FILE).orElse(null),
                            s.scope(), clock, s.connectTimeout().plus(s.readTimeout()));
            ArmRequestFilter filter = new ArmRequestFilter(s.headers(), s.userAgent());
            BackupInstancesApi instances = rest(s, filter, BackupInstancesApi.class);
            OperationStatusApi operations = rest(s, filter, OperationStatusApi.class);
            BackupJobsApi jobs = rest(s, filter, BackupJobsApi.class);
            BackupPoliciesApi policies = rest(s, filter, BackupPoliciesApi.class);
            BackupVaultsApi vaults = rest(s, filter, BackupVaultsApi.class);
            ArmPipeline pipeline = new ArmPipeline(tokens, s.retry(), clock, sleeper, random);
            MutinyDataProtectionClient m = new MutinyDataProtectionClient(s, pipeline, instances, operations, jobs,
                    policies, vaults);
            return new DataProtectionClient(s, tokens, m, closeable(instances), closeable(operations),
                    closeable(jobs), closeable(policies), closeable(vaults));
        }

        private static <T> T rest(ClientSettings s, ArmRequestFilter filter, Class<T> api) {
            return QuarkusRestClientBuilder.newBuilder()
                    .baseUri(s.endpoint())
                    .connectTimeout(s.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(s.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .followRedirects(false)
                    .disableDefaultMapper(true)
                    .loggingMaskedHeaders(Set.of("Authorization"))
                    .property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, s.connectionPoolSize())
                    .register(filter)
                    .build(api);
        }

        private static AutoCloseable closeable(Object restClient) {
            return restClient instanceof AutoCloseable c ? c : () -> {
            };
        }
    }
}

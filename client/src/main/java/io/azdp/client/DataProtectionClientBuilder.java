package io.azdp.client;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

import io.azdp.client.api.BackupInstancesApi;
import io.azdp.client.api.BackupJobsApi;
import io.azdp.client.api.BackupPoliciesApi;
import io.azdp.client.api.BackupVaultsApi;
import io.azdp.client.api.OperationStatusApi;
import io.azdp.client.auth.CredentialSettings;
import io.azdp.client.auth.TokenSource;
import io.azdp.client.auth.TokenSources;
import io.azdp.client.http.ProxySettings;
import io.azdp.client.lro.Sleeper;
import io.azdp.model.arm.ArmHeaders;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * Builds a {@link DataProtectionClient}. Each {@link Setting} resolves, in this order, from: a value set here (the
 * typed methods, or {@link #set(Setting, String, String)} naming where it came from, as the CLI does for its flags);
 * the environment ({@link Setting#environmentVariables()}: {@code AZURE_TENANT_ID}, {@code AZDP_ENDPOINT}, ...;
 * {@link #environment} replaces it); each {@link #source(SettingSource)} added, in order (a config file); the default.
 * A value is parsed and validated when the client is built; an error names where the value came from. Credentials
 * given here win over an access token from further down.
 */
public final class DataProtectionClientBuilder {
    private static final Logger LOG = Logger.getLogger(DataProtectionClientBuilder.class);

    private final Map<Setting, SettingsResolver.Value> explicit = new EnumMap<>(Setting.class);
    private SettingSource environment = SettingSource.environment(System.getenv());
    /** The raw environment for what is not a setting: HTTPS_PROXY and friends, PATH (to find az). */
    private Map<String, String> processEnvironment = System.getenv();
    private java.util.Properties systemProperties = System.getProperties();
    private final List<SettingSource> sources = new ArrayList<>();
    private RetryPolicy retry;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String userAgent = ClientSettings.USER_AGENT;
    private TokenSource tokenSource;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
    private Consumer<String> warnings = message -> LOG.warn(message);
    /** Warnings of settings resolution already given, so resolving twice (settings(), build()) warns once. */
    private final Set<String> warned = new java.util.HashSet<>();
    private Consumer<ThrottledResponse> onThrottled = t -> {
    };

    DataProtectionClientBuilder() {
    }

    /**
     * Sets {@code setting} to {@code value} (raw text, parsed as the setting's type when the client is built), or
     * clears it when {@code value} is null. {@code origin} names it in error messages ({@code --endpoint}).
     */
    public DataProtectionClientBuilder set(Setting setting, String value, String origin) {
        if (value == null) {
            explicit.remove(setting);
        } else {
            explicit.put(setting, new SettingsResolver.Value(value.strip(), origin, 0));
        }
        return this;
    }

    private DataProtectionClientBuilder set(Setting setting, Object value) {
        return set(setting, value == null ? null : value.toString(), setting.property());
    }

    /** Copies every value of a Quarkus configuration mapping ({@code azdp.*}). */
    public DataProtectionClientBuilder config(AzdpClientConfig c) {
        set(Setting.ENDPOINT, c.endpoint());
        set(Setting.AUTHORITY_HOST, c.authorityHost().orElse(null));
        set(Setting.SCOPE, c.scope().orElse(null));
        set(Setting.API_VERSION, c.apiVersion());
        set(Setting.TENANT_ID, c.tenantId().orElse(null));
        set(Setting.CLIENT_ID, c.clientId().orElse(null));
        set(Setting.CLIENT_SECRET, c.clientSecret().orElse(null));
        set(Setting.FEDERATED_TOKEN_FILE, c.federatedTokenFile().orElse(null));
        set(Setting.SUBSCRIPTION_ID, c.subscriptionId().orElse(null));
        set(Setting.ACCESS_TOKEN, c.accessToken().orElse(null));
        set(Setting.AUTH, c.auth());
        set(Setting.CLIENT_CERTIFICATE_PATH, c.clientCertificatePath().orElse(null));
        set(Setting.CLIENT_CERTIFICATE_PASSWORD, c.clientCertificatePassword().orElse(null));
        set(Setting.CLIENT_SEND_CERTIFICATE_CHAIN, c.clientSendCertificateChain());
        set(Setting.CLIENT_ASSERTION, c.clientAssertion().orElse(null));
        set(Setting.MANAGED_IDENTITY_OBJECT_ID, c.managedIdentityObjectId().orElse(null));
        set(Setting.MANAGED_IDENTITY_RESOURCE_ID, c.managedIdentityResourceId().orElse(null));
        set(Setting.IMDS_ENDPOINT, c.imdsEndpoint());
        set(Setting.IDENTITY_ENDPOINT, c.identityEndpoint().orElse(null));
        set(Setting.IDENTITY_HEADER, c.identityHeader().orElse(null));
        set(Setting.MSI_ENDPOINT, c.msiEndpoint().orElse(null));
        set(Setting.MSI_SECRET, c.msiSecret().orElse(null));
        set(Setting.AZURE_CLI_PATH, c.azureCliPath().orElse(null));
        set(Setting.AZURE_DEVELOPER_CLI_PATH, c.azureDeveloperCliPath().orElse(null));
        set(Setting.AZURE_POWERSHELL_PATH, c.azurePowershellPath().orElse(null));
        set(Setting.AZURE_CLI_TIMEOUT, c.azureCliTimeout());
        set(Setting.PROXY, c.proxy().orElse(null));
        set(Setting.NO_PROXY, c.noProxy().orElse(null));
        set(Setting.POLL_INTERVAL, c.pollInterval());
        set(Setting.MAX_POLL_INTERVAL, c.maxPollInterval());
        set(Setting.JOB_POLL_INTERVAL, c.jobPollInterval().orElse(null));
        set(Setting.CONNECT_TIMEOUT, c.connectTimeout());
        set(Setting.READ_TIMEOUT, c.readTimeout());
        set(Setting.OPERATION_TIMEOUT, c.operationTimeout());
        set(Setting.PREFLIGHT, c.preflight());
        set(Setting.ALLOW_INSECURE_HTTP, c.allowInsecureHttp());
        set(Setting.CONNECTION_POOL_SIZE, c.connectionPoolSize());
        set(Setting.RETRY_MAX_RETRIES, c.retry().maxRetries());
        set(Setting.RETRY_BASE_DELAY, c.retry().baseDelay());
        set(Setting.RETRY_MAX_DELAY, c.retry().maxDelay());
        return set(Setting.RETRY_MAX_RETRY_AFTER, c.retry().maxRetryAfter());
    }

    /** {@code public} (or {@code azure}), {@code usgov}, {@code china} or an absolute URL. */
    public DataProtectionClientBuilder endpoint(String endpoint) {
        return set(Setting.ENDPOINT, endpoint);
    }

    public DataProtectionClientBuilder authorityHost(String authorityHost) {
        return set(Setting.AUTHORITY_HOST, authorityHost);
    }

    public DataProtectionClientBuilder scope(String scope) {
        return set(Setting.SCOPE, scope);
    }

    public DataProtectionClientBuilder apiVersion(String apiVersion) {
        return set(Setting.API_VERSION, apiVersion);
    }

    public DataProtectionClientBuilder tenantId(String tenantId) {
        return set(Setting.TENANT_ID, tenantId);
    }

    public DataProtectionClientBuilder clientId(String clientId) {
        return set(Setting.CLIENT_ID, clientId);
    }

    public DataProtectionClientBuilder clientSecret(String clientSecret) {
        return set(Setting.CLIENT_SECRET, clientSecret);
    }

    public DataProtectionClientBuilder federatedTokenFile(String path) {
        return set(Setting.FEDERATED_TOKEN_FILE, path);
    }

    public DataProtectionClientBuilder subscriptionId(String subscriptionId) {
        return set(Setting.SUBSCRIPTION_ID, subscriptionId);
    }

    /** A ready-made bearer token (takes precedence over client credentials from the same or a lower layer). */
    public DataProtectionClientBuilder accessToken(String accessToken) {
        return set(Setting.ACCESS_TOKEN, accessToken);
    }

    /**
     * Which credential to use: {@code default} (the chain: environment, workload identity, managed identity, Azure
     * CLI), {@code environment}, {@code workload-identity}, {@code managed-identity}, {@code azure-cli} or
     * {@code access-token}.
     */
    public DataProtectionClientBuilder auth(String kind) {
        return set(Setting.AUTH, kind);
    }

    /** A PEM or PFX file with the client certificate and its private key. */
    public DataProtectionClientBuilder clientCertificate(String path, String password) {
        set(Setting.CLIENT_CERTIFICATE_PATH, path);
        return set(Setting.CLIENT_CERTIFICATE_PASSWORD, password);
    }

    /** A proxy URL ({@code http://[user:pass@]host:port}) for ARM and token calls, instead of HTTPS_PROXY. */
    public DataProtectionClientBuilder proxy(String proxyUrl) {
        return set(Setting.PROXY, proxyUrl);
    }

    public DataProtectionClientBuilder pollInterval(Duration d) {
        return set(Setting.POLL_INTERVAL, d);
    }

    public DataProtectionClientBuilder maxPollInterval(Duration d) {
        return set(Setting.MAX_POLL_INTERVAL, d);
    }

    public DataProtectionClientBuilder jobPollInterval(Duration d) {
        return set(Setting.JOB_POLL_INTERVAL, d);
    }

    public DataProtectionClientBuilder connectTimeout(Duration d) {
        return set(Setting.CONNECT_TIMEOUT, d);
    }

    public DataProtectionClientBuilder readTimeout(Duration d) {
        return set(Setting.READ_TIMEOUT, d);
    }

    public DataProtectionClientBuilder operationTimeout(Duration d) {
        return set(Setting.OPERATION_TIMEOUT, d);
    }

    /** Turns the pre-flight check off (on by default). */
    public DataProtectionClientBuilder preflight(boolean enabled) {
        return set(Setting.PREFLIGHT, enabled);
    }

    public DataProtectionClientBuilder allowInsecureHttp(boolean allow) {
        return set(Setting.ALLOW_INSECURE_HTTP, allow);
    }

    public DataProtectionClientBuilder connectionPoolSize(int size) {
        return set(Setting.CONNECTION_POOL_SIZE, size);
    }

    public DataProtectionClientBuilder retryPolicy(RetryPolicy retry) {
        this.retry = Objects.requireNonNull(retry, "retry");
        return this;
    }

    /** An extra header on every request (e.g. the emulator's scenario header). Not for credentials. */
    public DataProtectionClientBuilder header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public DataProtectionClientBuilder userAgent(String userAgent) {
        this.userAgent = userAgent;
        return this;
    }

    /** Use this token source instead of the configured credentials. */
    public DataProtectionClientBuilder tokenSource(TokenSource tokenSource) {
        this.tokenSource = tokenSource;
        return this;
    }

    /** The clock for Retry-After dates, poll schedules, deadlines and token expiry (tests). */
    public DataProtectionClientBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** How the client waits (tests inject one that records delays). */
    public DataProtectionClientBuilder sleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        return this;
    }

    /** Source of jitter in [0, 1) for retry backoff (tests). */
    public DataProtectionClientBuilder jitter(DoubleSupplier random) {
        this.random = Objects.requireNonNull(random, "random");
        return this;
    }

    /**
     * Where warnings go (a pre-flight that could not check; a poll interval below 1s raised to 1s, once per builder);
     * default: the JBoss log at WARN.
     */
    public DataProtectionClientBuilder warnings(Consumer<String> warnings) {
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        return this;
    }

    /**
     * Told of every 429 the client receives (also those it retries), with the request's ids and Retry-After, e.g. to
     * count throttling across many requests. Called on the I/O thread: keep it short; an exception is ignored.
     */
    public DataProtectionClientBuilder onThrottled(Consumer<ThrottledResponse> listener) {
        this.onThrottled = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Replaces the process environment ({@code Map.of()} disables it). */
    public DataProtectionClientBuilder environment(Map<String, String> environment) {
        this.processEnvironment = Map.copyOf(environment);
        return environment(SettingSource.environment(environment));
    }

    /** Replaces the environment layer, e.g. with {@link SettingSource#microProfileConfig()}. */
    public DataProtectionClientBuilder environment(SettingSource environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
        return this;
    }

    /** Replaces the JVM system properties read for {@code https.proxyHost} and friends (tests). */
    public DataProtectionClientBuilder systemProperties(java.util.Properties properties) {
        this.systemProperties = Objects.requireNonNull(properties, "properties");
        return this;
    }

    /** Adds a layer below the environment (and below any added before), e.g. a config file. */
    public DataProtectionClientBuilder source(SettingSource source) {
        sources.add(Objects.requireNonNull(source, "source"));
        return this;
    }

    private SettingsResolver resolver() {
        List<SettingSource> layers = new ArrayList<>(1 + sources.size());
        layers.add(environment);
        layers.addAll(sources);
        return new SettingsResolver(explicit, layers);
    }

    /** Resolves and validates the settings without building a client ({@code ValidationException} naming a bad one). */
    public ClientSettings settings() {
        return resolved(resolver());
    }

    /** Resolves the settings and passes what resolution warned of (a poll interval raised to 1s) to the warnings. */
    private ClientSettings resolved(SettingsResolver resolver) {
        ClientSettings s = resolver.settings(retry, headers, userAgent);
        for (String w : resolver.warnings()) {
            if (warned.add(w)) {
                warnings.accept(w);
            }
        }
        return s;
    }

    /** The resolved credential settings (secrets inside; for tests of the resolution). */
    CredentialSettings credentials() {
        SettingsResolver resolver = resolver();
        return resolver.credentials(resolver.settings(retry, headers, userAgent), processEnvironment,
                systemProperties);
    }

    /** Builds the client; needs the Quarkus runtime (REST client). Fails only on invalid settings. */
    public DataProtectionClient build() {
        SettingsResolver resolver = resolver();
        ClientSettings s = resolved(resolver);
        CredentialSettings credentials = resolver.credentials(s, processEnvironment, systemProperties);
        TokenSource tokens = tokenSource != null ? tokenSource : TokenSources.from(credentials, clock);
        ArmRequestFilter filter = new ArmRequestFilter(s.headers(), s.userAgent());
        Optional<ProxySettings> proxy = credentials.proxy().apply(s.endpoint());
        proxy.ifPresent(p -> LOG.debugf("ARM requests to %s go through proxy %s", s.endpoint(), p.describe()));
        BackupInstancesApi instances = rest(s, proxy, filter, BackupInstancesApi.class);
        OperationStatusApi operations = rest(s, proxy, filter, OperationStatusApi.class);
        BackupJobsApi jobs = rest(s, proxy, filter, BackupJobsApi.class);
        BackupPoliciesApi policies = rest(s, proxy, filter, BackupPoliciesApi.class);
        BackupVaultsApi vaults = rest(s, proxy, filter, BackupVaultsApi.class);
        ArmPipeline pipeline = new ArmPipeline(tokens, s.retry(), clock, sleeper, random, onThrottled,
                s.endpoint());
        MutinyDataProtectionClient m = new MutinyDataProtectionClient(s, pipeline, instances, operations, jobs,
                policies, vaults, warnings);
        // like az: with no subscription given, the Azure CLI credential's default one (asked when first needed)
        m.subscriptionFallback(tokens::defaultSubscription);
        return new DataProtectionClient(s, tokens, m, closeable(instances), closeable(operations), closeable(jobs),
                closeable(policies), closeable(vaults));
    }

    private static <T> T rest(ClientSettings s, Optional<ProxySettings> proxy, ArmRequestFilter filter, Class<T> api) {
        QuarkusRestClientBuilder b = QuarkusRestClientBuilder.newBuilder();
        if (proxy.isPresent()) {
            ProxySettings p = proxy.get();
            b.proxyAddress(p.host(), p.port());
            if (p.user() != null) {
                b.proxyUser(p.user()).proxyPassword(p.password() == null ? "" : p.password());
            }
        }
        return b
                .baseUri(s.endpoint())
                .connectTimeout(s.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(s.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .disableDefaultMapper(true)
                .loggingMaskedHeaders(Set.of(ArmHeaders.AUTHORIZATION))
                .property(QuarkusRestClientProperties.CONNECTION_POOL_SIZE, s.connectionPoolSize())
                .register(filter)
                .build(api);
    }

    private static AutoCloseable closeable(Object restClient) {
        return restClient instanceof AutoCloseable c ? c : () -> {
        };
    }
}

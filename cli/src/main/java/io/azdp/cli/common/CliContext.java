package io.azdp.cli.common;

import io.azdp.cli.output.ControlChars;
import io.azdp.client.AzureCloud;
import io.azdp.client.ClientSettings;
import io.azdp.client.DataProtectionClient;
import io.azdp.client.DataProtectionClientBuilder;
import io.azdp.client.RetryPolicy;
import io.azdp.client.Setting;
import io.azdp.client.SettingSource;
import io.azdp.client.ThrottledResponse;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Per-invocation state shared by a command's steps: streams, and the client's builder fed from the flags (the client
 * resolves them with the environment, the config file's profile and its defaults: the CLI resolves nothing itself);
 * settings and client are made lazily.
 */
public final class CliContext {
    /** The User-Agent of every request azdp sends. */
    public static final String USER_AGENT = "azdp-cli";
    /** Held so the level set for --debug is not garbage-collected with the logger. */
    private static Logger clientLogger;

    private final CommandSpec spec;
    private final ConnectionMixin connection;
    private final DiagnosticsMixin diagnostics;
    private DataProtectionClientBuilder builder;
    private ConfigFile configFile;
    private Boolean quiet;
    private ClientSettings settings;
    private DataProtectionClient client;
    private String pollInterval;

    public CliContext(CommandSpec spec, ConnectionMixin connection, DiagnosticsMixin diagnostics) {
        this.spec = spec;
        this.connection = connection;
        this.diagnostics = diagnostics;
    }

    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    public PrintWriter err() {
        return spec.commandLine().getErr();
    }

    public DiagnosticsMixin diagnostics() {
        return diagnostics;
    }

    /** {@code ~/.config/azdp/config.yaml}, or {@code $AZDP_CONFIG} (also as a Quarkus config key, for tests). */
    static Path configPath() {
        Config config = ConfigProvider.getConfig();
        for (String name : new String[] { "AZDP_CONFIG", "azdp-cli.config" }) {
            ConfigValue value = config.getConfigValue(name);
            if (value != null && value.getValue() != null && !value.getValue().isBlank()
                    && value.getSourceOrdinal() >= 100) {
                return Path.of(value.getValue().strip());
            }
        }
        return Path.of(System.getProperty("user.home", "."), ".config", "azdp", "config.yaml");
    }

    /**
     * {@code --only-show-errors}, {@code AZDP_ONLY_SHOW_ERRORS} or the config file's {@code only-show-errors}: stderr
     * carries errors only (no progress, no warnings), for pipelines that fail on any stderr output.
     */
    public boolean quiet() {
        if (quiet == null) {
            quiet = diagnostics.onlyShowErrors() || cliSetting("only-show-errors").map(v -> {
                if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(v);
                }
                throw CliException.usage(cliSettingSource("only-show-errors") + ": expected true or false, got '" + v
                        + "'");
            }).orElse(false);
        }
        return quiet;
    }

    /** A warning on stderr, unless {@link #quiet()}. */
    public void warn(String message) {
        if (!quiet()) {
            err().println("warning: " + ControlChars.escape(Redactor.redact(message)));
            err().flush();
        }
    }

    /** The config file (read and checked once per run: an unknown key is exit 2 naming the closest valid one). */
    public ConfigFile configFile() {
        if (configFile == null) {
            configFile = ConfigFile.load(configPath());
        }
        return configFile;
    }

    /**
     * A setting of the CLI itself, not of the client ({@code output}, {@code only-show-errors}): the environment
     * ({@code AZDP_<KEY>}, or the config key {@code azdp.<key>}), else the config file's active profile.
     */
    public Optional<String> cliSetting(String key) {
        return environment(key).or(() -> configFile().get(configFile().activeProfile(connection.profile()), key));
    }

    /** Where {@link #cliSetting(String)} found its value, for error messages. */
    public String cliSettingSource(String key) {
        if (environment(key).isPresent()) {
            return "AZDP_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        }
        return (configFile().path() == null ? "config file" : configFile().path().toString()) + ": " + key;
    }

    private static Optional<String> environment(String key) {
        ConfigValue value = ConfigProvider.getConfig().getConfigValue("azdp." + key);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? Optional.empty()
                : Optional.of(value.getValue().strip());
    }

    /** The client's builder with this run's flags, made on first use. */
    private DataProtectionClientBuilder builder() {
        if (builder == null) {
            ConfigFile file = configFile();
            String profile = file.activeProfile(connection.profile());
            if (connection.clientSecret() != null) {
                warn("--client-secret on the command line is visible in shell history and process lists; prefer "
                        + "AZURE_CLIENT_SECRET or the config file");
            }
            builder = DataProtectionClient.builder()
                    .environment(redacting(SettingSource.microProfileConfig()))
                    .source(redacting(file.source(profile)))
                    .userAgent(USER_AGENT)
                    .warnings(this::warn)
                    .set(Setting.ENDPOINT, connection.endpoint(), "--endpoint")
                    .set(Setting.API_VERSION, connection.apiVersion(), "--api-version")
                    .set(Setting.SUBSCRIPTION_ID, connection.subscriptionId(), "--subscription-id")
                    .set(Setting.TENANT_ID, connection.tenantId(), "--tenant-id")
                    .set(Setting.CLIENT_ID, connection.clientId(), "--client-id")
                    .set(Setting.CLIENT_SECRET, connection.clientSecret(), "--client-secret")
                    .set(Setting.AUTH, connection.auth(), "--auth")
                    .set(Setting.POLL_INTERVAL, pollInterval, "--poll-interval");
            Redactor.register(connection.clientSecret());
            if (pollInterval != null) {
                builder.set(Setting.JOB_POLL_INTERVAL, pollInterval, "--poll-interval");
            }
            verbose("config file: " + (file.path() == null ? "none" : file.path()) + ", profile " + profile);
        }
        return builder;
    }

    /** A layer that registers every secret it hands out with the {@link Redactor}, so stderr never shows it. */
    private static SettingSource redacting(SettingSource source) {
        return new SettingSource() {
            @Override
            public Optional<String> get(Setting setting) {
                Optional<String> value = source.get(setting);
                if (setting.secret()) {
                    value.ifPresent(Redactor::register);
                }
                return value;
            }

            @Override
            public String describe(Setting setting) {
                return source.describe(setting);
            }
        };
    }

    /** The resolved settings (no secrets); a bad value is exit 2 naming where it came from. */
    public ClientSettings settings() {
        if (settings == null) {
            settings = builder().settings();
            verbose("settings: " + settings);
        }
        return settings;
    }

    /** The subscription id from flags, env or config; exit 2 when there is none. */
    public String requireSubscriptionId() {
        String subscription = subscriptionIdIfAny();
        if (subscription == null) {
            throw CliException.usage("--subscription-id: expected a subscription id (or set AZURE_SUBSCRIPTION_ID, "
                    + "or subscription-id in the config file)");
        }
        return subscription;
    }

    /** The subscription from flags, env or config, else the credential's default (az account show), else null. */
    public String subscriptionIdIfAny() {
        String subscription = settings().subscriptionId();
        if (subscription == null) {
            subscription = client().defaultSubscriptionId().orElse(null);
            if (subscription != null) {
                verbose("subscription: " + subscription + " (the Azure CLI's default, az account show)");
            }
        }
        return subscription;
    }

    /** Applies {@code --poll-interval} (before the client is created): operations and jobs alike. */
    public CliContext pollInterval(String interval) {
        this.pollInterval = interval;
        return this;
    }

    /** {@code --skip-preflight}: send the request as given. */
    public CliContext skipPreflight(boolean skip) {
        if (skip) {
            builder().preflight(false);
        }
        return this;
    }

    /**
     * Bulk runs, before the client is made: every 429 the client receives goes to {@code listener}, and the client
     * itself waits for a Retry-After of at most {@code maxWait} (a longer one fails that request at once, so the bulk
     * run can report it instead of one request sleeping).
     */
    public CliContext throttling(Duration maxWait, Consumer<ThrottledResponse> listener) {
        if (client != null) {
            throw new IllegalStateException("throttling(...) must come before client()");
        }
        RetryPolicy r = settings().retry();
        Duration capped = r.maxRetryAfter().compareTo(maxWait) > 0 ? maxWait : r.maxRetryAfter();
        builder().onThrottled(listener)
                .retryPolicy(new RetryPolicy(r.maxRetries(), r.baseDelay(), r.maxDelay(), capped));
        return this;
    }

    public DataProtectionClient client() {
        if (client == null) {
            settings();
            // the client logs each exchange at DEBUG with the Authorization header and signed URL parts redacted
            clientLogger = Logger.getLogger("io.azdp.client");
            clientLogger.setLevel(diagnostics.debug() ? Level.FINE : null);
            client = builder().build();
            if (diagnostics.verbose()) {
                // obtains the first token now, so the chain can name the credential it chose
                var info = client.credentialInfo();
                verbose("credential: " + info.credential() + "; tenant " + info.tenantId() + ", client id "
                        + info.clientId() + ", object id " + info.objectId() + ", token expires " + info.expiresAt());
            }
        }
        return client;
    }

    /** {@code command} as the user can run it later: with {@code --endpoint} when this run is not on the public cloud. */
    public String followUp(String command) {
        return AzureCloud.PUBLIC.endpoint().equals(settings().endpoint()) ? command
                : command + " --endpoint " + settings().endpoint();
    }

    public void verbose(String message) {
        if (diagnostics.verbose()) {
            err().println(Redactor.redact(message));
            err().flush();
        }
    }
}

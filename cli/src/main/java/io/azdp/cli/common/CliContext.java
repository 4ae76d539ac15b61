package io.azdp.cli.common;

import io.azdp.client.DataProtectionClient;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** Per-invocation state shared by a command's steps: streams, resolved settings, the client (created lazily). */
public final class CliContext {
    private final CommandSpec spec;
    private final ConnectionMixin connection;
    private final DiagnosticsMixin diagnostics;
    private Settings settings;
    private DataProtectionClient client;
    private java.time.Duration pollInterval;

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

    public Settings settings() {
        if (settings == null) {
            settings = SettingsResolver.resolve(connection, err());
            Redactor.register(settings.clientSecret());
            Redactor.register(settings.accessToken());
            verbose("settings: " + settings);
        }
        return settings;
    }

    /** The subscription id from flags, env or config; exit 2 when there is none. */
    public String requireSubscriptionId() {
        String subscription = settings().subscriptionId();
        if (subscription == null) {
            throw CliException.usage("--subscription-id: expected a subscription id (or set AZURE_SUBSCRIPTION_ID, "
                    + "or subscription-id in the config file)");
        }
        return subscription;
    }

    /** Applies {@code --poll-interval} (before the client is created). */
    public CliContext pollInterval(java.time.Duration interval) {
        this.pollInterval = interval;
        return this;
    }

    public DataProtectionClient client() {
        if (client == null) {
            java.time.Duration poll = pollInterval != null ? pollInterval : settings().pollInterval();
            client = ClientFactory.create(settings(), poll, diagnostics, err());
        }
        return client;
    }

    /** {@code command} as the user can run it later: with {@code --endpoint} when this run is not on the public cloud. */
    public String followUp(String command) {
        return SettingsResolver.PUBLIC.equals(settings().endpoint()) ? command
                : command + " --endpoint " + settings().endpoint();
    }

    public void verbose(String message) {
        if (diagnostics.verbose()) {
            err().println(Redactor.redact(message));
            err().flush();
        }
    }
}

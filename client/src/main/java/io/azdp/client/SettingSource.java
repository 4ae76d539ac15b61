package io.azdp.client;

import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * One layer of {@link Setting} values (the environment, a config file, ...) for {@link DataProtectionClientBuilder}.
 * Values are raw text; the builder parses and validates them and names {@link #describe(Setting)} when one is wrong.
 */
@FunctionalInterface
public interface SettingSource {

    /** The non-blank value of {@code setting} in this layer. */
    Optional<String> get(Setting setting);

    /** How an error message names the setting in this layer, e.g. {@code AZURE_TENANT_ID}. */
    default String describe(Setting setting) {
        return setting.property();
    }

    /** No values. */
    static SettingSource none() {
        return s -> Optional.empty();
    }

    /**
     * Environment variables ({@code System.getenv()} or a test's map): each setting's {@link
     * Setting#environmentVariables()} in order. Read in code at run time, deliberately not a MicroProfile
     * {@code ConfigSource}: Quarkus may record values of ServiceLoader-registered sources seen while building an
     * application into it, and a build machine's {@code AZURE_CLIENT_SECRET} must never end up in a jar.
     */
    static SettingSource environment(Map<String, String> env) {
        Map<String, String> copy = Map.copyOf(env);
        return new SettingSource() {
            @Override
            public Optional<String> get(Setting setting) {
                return setting.environmentVariables().stream().map(copy::get).filter(SettingSource::present)
                        .map(String::strip).findFirst();
            }

            @Override
            public String describe(Setting setting) {
                return setting.environmentVariables().stream().filter(n -> present(copy.get(n))).findFirst()
                        .orElse(setting.environmentVariables().get(0));
            }
        };
    }

    /**
     * The environment as MicroProfile Config sees it at run time: a setting's Azure variable name, then its
     * {@code azdp.<key>} (which also covers {@code AZDP_<KEY>}, system properties and {@code application.properties}).
     * Only values someone set count, never a mapping's default. Lets {@code -D} and test resources stand in for
     * environment variables.
     */
    static SettingSource microProfileConfig() {
        return new SettingSource() {
            @Override
            public Optional<String> get(Setting setting) {
                Config config = ConfigProvider.getConfig();
                for (String name : names(setting)) {
                    Optional<String> v = explicit(config, name);
                    if (v.isPresent()) {
                        return v;
                    }
                }
                return Optional.empty();
            }

            @Override
            public String describe(Setting setting) {
                Config config = ConfigProvider.getConfig();
                for (String name : names(setting)) {
                    if (explicit(config, name).isPresent()) {
                        return name;
                    }
                }
                return setting.environmentVariables().get(0);
            }

            private java.util.List<String> names(Setting setting) {
                return setting.environmentVariables().size() > 1
                        ? java.util.List.of(setting.environmentVariables().get(0), setting.property())
                        : java.util.List.of(setting.property());
            }

            private Optional<String> explicit(Config config, String name) {
                ConfigValue value = config.getConfigValue(name);
                if (value == null || !present(value.getValue()) || value.getSourceOrdinal() < 100) {
                    return Optional.empty();
                }
                return Optional.of(value.getValue().strip());
            }
        };
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}

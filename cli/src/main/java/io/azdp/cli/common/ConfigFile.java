package io.azdp.cli.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.azdp.client.Setting;
import io.azdp.client.SettingSource;

/**
 * {@code ~/.config/azdp/config.yaml} (or {@code $AZDP_CONFIG}):
 *
 * <pre>
 * profile: default          # the profile used without --profile
 * endpoint: public          # top-level keys apply to every profile
 * profiles:
 *   default:
 *     subscription-id: 00000000-0000-0000-0000-000000000000
 *   emulator:
 *     endpoint: http://localhost:8089
 *     tenant-id: 00000000-0000-0000-0000-00000000feed
 *     client-id: azdp-mock-client
 *     client-secret: azdp-mock-secret
 * </pre>
 *
 * Keys: those of the client's {@link Setting} table ({@code endpoint}, {@code authority}, {@code subscription-id},
 * {@code tenant-id}, {@code client-id}, {@code client-secret}, {@code access-token}, {@code api-version},
 * {@code poll-interval}, ...). The file is one {@link SettingSource} of the client's resolution, below the environment;
 * {@link #source(String)} is the layer of a profile.
 */
public final class ConfigFile {
    private final Path path;
    private final JsonNode root;

    private ConfigFile(Path path, JsonNode root) {
        this.path = path;
        this.root = root;
    }

    public static ConfigFile load(Path path) {
        if (path != null && Files.isDirectory(path)) {
            // a directory where the file belongs was silently read as "no config file" (issue 15)
            throw CliException.usage("config file " + path + ": expected a YAML file, got a directory (set "
                    + "AZDP_CONFIG to the file)");
        }
        if (path == null || !Files.isRegularFile(path)) {
            return new ConfigFile(path, null);
        }
        try {
            JsonNode node = new YAMLMapper().readTree(path.toFile());
            if (node != null && !node.isNull() && !node.isMissingNode() && !node.isObject()) {
                throw CliException.usage(path + ": expected a YAML mapping of settings and profiles");
            }
            if (node != null && node.isObject()) {
                checkKeys(path, node);
            }
            return new ConfigFile(path, node);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw CliException.usage(path + (line > 0 ? ":" + line : "") + ": expected valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw CliException.usage(path + ": could not read the config file: " + e.getMessage());
        }
    }

    /** The keys a profile may set: the client's settings, and the CLI's own ({@link #CLI_KEYS}). */
    static final List<String> CLI_KEYS = List.of("output", "only-show-errors");

    static List<String> settingKeys() {
        List<String> keys = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            keys.addAll(setting.configFileKeys());
        }
        keys.addAll(CLI_KEYS);
        return keys;
    }

    /**
     * Strict reading of what the user wrote: an unknown key ({@code endpont: usgov} quietly meant the public cloud) is
     * exit 2 naming it and the closest valid key, at the top level and in every profile.
     */
    private static void checkKeys(Path path, JsonNode root) {
        List<String> settings = settingKeys();
        List<String> topLevel = new ArrayList<>(List.of("profile", "profiles"));
        topLevel.addAll(settings);
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!topLevel.contains(field.getKey())) {
                throw unknownKey(path, field.getKey(), field.getKey(), topLevel);
            }
        }
        JsonNode profiles = root.path("profiles");
        if (profiles.isMissingNode() || profiles.isNull()) {
            return;
        }
        if (!profiles.isObject()) {
            throw CliException.usage(path + ": profiles: expected a mapping of profile names to settings");
        }
        for (Map.Entry<String, JsonNode> profile : profiles.properties()) {
            JsonNode keys = profile.getValue();
            if (keys.isNull()) {
                continue;
            }
            if (!keys.isObject()) {
                throw CliException.usage(path + ": profiles." + profile.getKey() + ": expected a mapping of settings");
            }
            for (Map.Entry<String, JsonNode> field : keys.properties()) {
                if (!settings.contains(field.getKey())) {
                    throw unknownKey(path, "profiles." + profile.getKey() + "." + field.getKey(), field.getKey(),
                            settings);
                }
            }
        }
    }

    private static CliException unknownKey(Path path, String where, String key, List<String> valid) {
        return CliException.usage(path + ": " + where + ": unknown key; " + ClosestName.hint(key, valid));
    }

    public Path path() {
        return path;
    }

    /** The active profile: the flag, else the file's {@code profile} key, else {@code default}. */
    public String activeProfile(String flag) {
        if (flag != null && !flag.isBlank()) {
            if (root == null || !root.path("profiles").has(flag)) {
                throw CliException.usage("--profile: expected a profile defined under 'profiles:' in "
                        + (path == null ? "the config file" : path) + ", got '" + flag + "'");
            }
            return flag;
        }
        if (root != null && root.path("profile").isTextual()) {
            return root.path("profile").asText();
        }
        return "default";
    }

    /** The settings of {@code profile} as a layer of the client's resolution; errors name the file and key. */
    public SettingSource source(String profile) {
        return new SettingSource() {
            @Override
            public Optional<String> get(Setting setting) {
                return setting.configFileKeys().stream().map(k -> ConfigFile.this.get(profile, k))
                        .flatMap(Optional::stream).findFirst();
            }

            @Override
            public String describe(Setting setting) {
                String key = setting.configFileKeys().stream().filter(k -> ConfigFile.this.get(profile, k).isPresent())
                        .findFirst().orElse(setting.key());
                return (path == null ? "config file" : path.toString()) + ": " + key;
            }
        };
    }

    public Optional<String> get(String profile, String key) {
        if (root == null) {
            return Optional.empty();
        }
        JsonNode value = root.path("profiles").path(profile).path(key);
        if (value.isMissingNode() || value.isNull()) {
            value = root.path(key);
        }
        if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            return Optional.empty();
        }
        String text = value.asText().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}

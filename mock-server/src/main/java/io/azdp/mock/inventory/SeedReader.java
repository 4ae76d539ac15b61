package io.azdp.mock.inventory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.azdp.mock.error.ArmException;
import io.azdp.model.AzdpJson;
import io.azdp.model.instance.Datasource;
import io.azdp.model.policy.AdhocBackupOptions;
import io.azdp.model.policy.BaseBackupPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a seed (YAML or JSON; the built-in one or {@code azdp.mock.seed-file}) strictly and builds the immutable
 * {@link Inventory} it describes. Every mistake is a 400 InvalidSeed naming the field and what was expected.
 */
public final class SeedReader {

    public static final String DEFAULT_SEED = "azdp-mock-seed.yaml";
    private static final Pattern UUID_RE =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final int maxSeedInstances;

    /** @param maxSeedInstances {@code azdp.mock.max-seed-instances}: the most backup instances a seed may expand to */
    public SeedReader(int maxSeedInstances) {
        this.maxSeedInstances = maxSeedInstances;
    }

    public Seed defaultSeed() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DEFAULT_SEED)) {
            if (in == null) {
                throw new IllegalStateException("default seed " + DEFAULT_SEED + " missing from the classpath");
            }
            return parseSeed(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Seed readSeedFile(Path file) {
        try {
            return parseSeed(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalStateException("azdp.mock.seed-file: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses YAML or JSON; a bad document is a 400 InvalidSeed naming the problem. */
    public Seed parseSeed(byte[] content) {
        try {
            Seed seed = yaml.readValue(content, Seed.class);
            if (seed == null || seed.subscriptions() == null) {
                throw new ArmException(400, "InvalidSeed", "seed: expected an object with 'subscriptions'");
            }
            return seed;
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new ArmException(400, "InvalidSeed", "seed: " + msg);
        }
    }

    /** Refuses, before building anything, a seed whose instances ({@code count} expanded) exceed the limit. */
    private void checkSize(Seed seed) {
        long total = 0;
        Seed.Instance largest = null;
        for (Seed.Subscription sub : nn(seed.subscriptions())) {
            for (Seed.ResourceGroup rg : nn(sub == null ? null : sub.resourceGroups())) {
                for (Seed.Vault v : nn(rg == null ? null : rg.vaults())) {
                    for (Seed.Instance i : nn(v == null ? null : v.instances())) {
                        int n = i == null || i.count() == null || i.count() <= 0 ? 1 : i.count();
                        total += n;
                        if (i != null && (largest == null || n > (largest.count() == null ? 1 : largest.count()))) {
                            largest = i;
                        }
                    }
                }
            }
        }
        if (total > maxSeedInstances) {
            throw new ArmException(400, "InvalidSeed", "seed: the instances expand to " + total
                    + " backup instances (the largest, '" + largest.name() + "', has count " + largest.count()
                    + "); azdp-mock holds at most " + maxSeedInstances + " (azdp.mock.max-seed-instances)");
        }
    }

    /** The immutable inventory a seed describes; a bad seed is a 400 InvalidSeed naming the field. */
    public Inventory build(Seed seed) {
        checkSize(seed);
        Map<String, ResourceGroupEntry> rgs = new LinkedHashMap<>();
        Map<String, VaultEntry> vaults = new LinkedHashMap<>();
        Map<String, Map<String, PolicyEntry>> policies = new LinkedHashMap<>();
        Map<String, Map<String, InstanceEntry>> instances = new LinkedHashMap<>();
        for (Seed.Subscription sub : nn(seed.subscriptions())) {
            present(sub, "subscriptions[]");
            String s = require(sub.subscriptionId(), "subscriptions[].subscriptionId");
            if (!UUID_RE.matcher(s).matches()) {
                throw new ArmException(400, "InvalidSeed", "seed: subscriptionId: expected a UUID, got '" + s + "'");
            }
            for (Seed.ResourceGroup rg : nn(sub.resourceGroups())) {
                present(rg, "resourceGroups[]");
                String rgName = require(rg.name(), "resourceGroups[].name");
                String location = rg.location() == null ? "westus" : rg.location();
                rgs.put(Inventory.key(s, rgName), new ResourceGroupEntry(s, rgName, location));
                for (Seed.Vault v : nn(rg.vaults())) {
                    present(v, "vaults[]");
                    String vName = require(v.name(), "vaults[].name");
                    VaultEntry vault = new VaultEntry(s, rgName, vName, v.location() == null ? location : v.location(),
                            v.tags(), v.identity(), v.properties());
                    vaults.put(vault.key(), vault);
                    Map<String, PolicyEntry> ps = policies.computeIfAbsent(vault.key(), k -> new LinkedHashMap<>());
                    for (Seed.Policy p : nn(v.policies())) {
                        present(p, "policies[]");
                        String pName = require(p.name(), "policies[].name");
                        if (p.properties() == null || !p.properties().isObject()) {
                            throw new ArmException(400, "InvalidSeed",
                                    "seed: policy '" + pName + "': expected 'properties' with the BaseBackupPolicy JSON");
                        }
                        BaseBackupPolicy model;
                        try {
                            model = AzdpJson.convert(p.properties(), BaseBackupPolicy.class);
                        } catch (RuntimeException e) {
                            throw new ArmException(400, "InvalidSeed", "seed: policy '" + pName + "': "
                                    + e.getMessage());
                        }
                        ps.put(pName.toLowerCase(Locale.ROOT), new PolicyEntry(vault, pName, p.properties(), model,
                                AdhocBackupOptions.from(model)));
                    }
                    Map<String, InstanceEntry> is = instances.computeIfAbsent(vault.key(), k -> new LinkedHashMap<>());
                    for (Seed.Instance i : nn(v.instances())) {
                        present(i, "instances[]");
                        String iName = require(i.name(), "instances[].name");
                        String policy = require(i.policy(), "instances[" + iName + "].policy");
                        if (!ps.containsKey(policy.toLowerCase(Locale.ROOT))) {
                            throw new ArmException(400, "InvalidSeed", "seed: instance '" + iName + "': policy '"
                                    + policy + "' is not a policy of vault '" + vName + "'; expected one of "
                                    + ps.values().stream().map(PolicyEntry::name).toList());
                        }
                        int count = i.count() == null ? 0 : i.count();
                        List<String> names = new ArrayList<>();
                        if (count <= 0) {
                            names.add(iName);
                        } else {
                            for (int n = 1; n <= count; n++) {
                                names.add(iName + "-" + n);
                            }
                        }
                        for (String name : names) {
                            JsonNode ds = or(i.dataSourceInfo(), datasource(vault, name, "Datasource"));
                            JsonNode dss = or(i.dataSourceSetInfo(), datasource(vault, name, "DatasourceSet"));
                            InstanceEntry entry = new InstanceEntry(vault, name, ps.get(policy.toLowerCase(Locale.ROOT))
                                    .name(), i.friendlyName() == null ? name : i.friendlyName(),
                                    or(i.currentProtectionState(), "ProtectionConfigured"),
                                    or(i.protectionStatus(), or(i.currentProtectionState(), "ProtectionConfigured")),
                                    or(i.provisioningState(), "Succeeded"), i.tags(), ds, dss,
                                    datasourceModel(ds, iName), datasourceModel(dss, iName));
                            is.put(name.toLowerCase(Locale.ROOT), entry);
                        }
                    }
                }
            }
        }
        Set<String> subs = new HashSet<>();
        rgs.values().forEach(g -> subs.add(g.subscriptionId().toLowerCase(Locale.ROOT)));
        for (Seed.Subscription sub : nn(seed.subscriptions())) {
            subs.add(sub.subscriptionId().toLowerCase(Locale.ROOT));
        }
        return new Inventory(Map.copyOf(rgs), Map.copyOf(vaults), copy(policies), copy(instances), seed,
                Set.copyOf(subs));
    }

    private static <V> Map<String, Map<String, V>> copy(Map<String, Map<String, V>> in) {
        Map<String, Map<String, V>> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        return Collections.unmodifiableMap(out);
    }

    private static JsonNode datasource(VaultEntry vault, String instance, String objectType) {
        String account = instance.replaceAll("[^a-zA-Z0-9]", "").toLowerCase(Locale.ROOT);
        if (account.length() > 20) {
            account = account.substring(0, 20);
        }
        String accountId = "/subscriptions/" + vault.subscriptionId() + "/resourceGroups/" + vault.resourceGroup()
                + "/providers/Microsoft.Storage/storageAccounts/" + account + "sa";
        ObjectNode ds = JsonNodeFactory.instance.objectNode();
        ds.put("datasourceType", "Microsoft.Storage/storageAccounts/blobServices");
        ds.put("objectType", objectType);
        ds.put("resourceID", accountId);
        ds.put("resourceLocation", vault.location());
        ds.put("resourceName", account + "sa");
        ds.put("resourceType", "Microsoft.Storage/storageAccounts");
        ds.put("resourceUri", accountId);
        return ds;
    }

    private static Datasource datasourceModel(JsonNode json, String instance) {
        try {
            return AzdpJson.convert(json, Datasource.class);
        } catch (RuntimeException e) {
            throw new ArmException(400, "InvalidSeed", "seed: instance '" + instance + "': " + e.getMessage());
        }
    }

    private static <T> List<T> nn(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <T> T or(T a, T b) {
        return a != null ? a : b;
    }

    private static void present(Object item, String field) {
        if (item == null) {
            throw new ArmException(400, "InvalidSeed", "seed: " + field + ": expected an object, got null");
        }
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ArmException(400, "InvalidSeed", "seed: " + field + ": expected a non-empty string");
        }
        return value;
    }
}

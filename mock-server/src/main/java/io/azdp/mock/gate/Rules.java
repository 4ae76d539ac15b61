package io.azdp.mock.gate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.azdp.mock.MockConfig;
import io.azdp.mock.error.ArmException;
import io.azdp.mock.lro.Scenario;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Registered rules and named scenarios. Thread-safe; {@code times} is consumed atomically. */
@ApplicationScoped
public class Rules {

    private final MockConfig config;
    private final CopyOnWriteArrayList<Active> active = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();

    public Rules(MockConfig config) {
        this.config = config;
        loadConfigured();
    }

    /** Registers the rules of azdp.mock.rules-file (if set); called at start and by reset. */
    public final void loadConfigured() {
        if (config.rulesFile().isEmpty()) {
            return;
        }
        Path file = Path.of(config.rulesFile().get());
        List<Rule> fromFile;
        try {
            fromFile = YAMLMapper.builder().build().readValue(Files.readAllBytes(file), new TypeReference<List<Rule>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException("azdp.mock.rules-file: cannot read rules from " + file + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        for (Rule r : fromFile) {
            try {
                add(r);
            } catch (ArmException e) {
                throw new IllegalStateException("azdp.mock.rules-file " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** A registered rule with its compiled patterns and counters. */
    public static final class Active {
        final Rule rule;
        final Pattern path;
        final Pattern headerValue;
        final AtomicInteger remaining;
        final AtomicInteger hits = new AtomicInteger();

        Active(Rule rule) {
            this.rule = rule;
            try {
                this.path = rule.path() == null ? null : Pattern.compile(rule.path());
                this.headerValue = rule.headerValue() == null ? null : Pattern.compile(rule.headerValue());
            } catch (PatternSyntaxException e) {
                throw ArmException.badRequest("InvalidMockRule", "rule '" + rule.name() + "': path/headerValue: "
                        + "expected a Java regular expression: " + e.getDescription());
            }
            this.remaining = new AtomicInteger(rule.times() == null ? -1 : rule.times());
        }

        /** Whether the rule's match fields fit {@code req} (its count is not looked at). */
        boolean applies(HttpServerRequest req) {
            Rule r = rule;
            if (r.method() != null && !r.method().equalsIgnoreCase(req.method().name())) {
                return false;
            }
            if (path != null && !path.matcher(req.path()).find()) {
                return false;
            }
            if (r.header() != null) {
                String v = req.getHeader(r.header());
                if (v == null || headerValue != null && !headerValue.matcher(v).find()) {
                    return false;
                }
            }
            return true;
        }

        /** Takes one use of the rule; false when it has none left. */
        boolean consume() {
            while (true) {
                int left = remaining.get();
                if (left == 0) {
                    return false;
                }
                if (left < 0 || remaining.compareAndSet(left, left - 1)) {
                    hits.incrementAndGet();
                    return true;
                }
            }
        }

        public Map<String, Object> describe() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", rule);
            m.put("remaining", remaining.get() < 0 ? null : remaining.get());
            m.put("hits", hits.get());
            return m;
        }
    }

    public Rule add(Rule rule) {
        if (rule == null) {
            throw ArmException.badRequest("InvalidMockRule", "$: expected a rule object");
        }
        if (rule.name() == null || rule.name().isBlank()) {
            if (!rule.hasMatch()) {
                throw ArmException.badRequest("InvalidMockRule", "name: a named scenario (no method/path/header)"
                        + " needs a name");
            }
            rule = new Rule("rule-" + counter.incrementAndGet(), rule.method(), rule.path(), rule.header(),
                    rule.headerValue(), rule.times(), rule.fault(), rule.scenario());
        }
        if (rule.name().contains("=") || rule.name().contains(";")) {
            throw ArmException.badRequest("InvalidMockRule", "name: expected no '=' or ';', got '" + rule.name() + "'");
        }
        if (!rule.hasMatch() && rule.scenario() == null) {
            throw ArmException.badRequest("InvalidMockRule", "rule '" + rule.name()
                    + "': expected match fields (method, path, header) with a fault or scenario, or a scenario to name");
        }
        if (rule.hasMatch() && rule.fault() == null && rule.scenario() == null) {
            throw ArmException.badRequest("InvalidMockRule", "rule '" + rule.name() + "': expected a fault or a scenario");
        }
        if (rule.times() != null && rule.times() < 0) {
            throw ArmException.badRequest("InvalidMockRule", "times: expected a non-negative integer");
        }
        Rule.Fault f = rule.fault();
        if (f != null && f.status() != null && (f.status() < 400 || f.status() > 599)) {
            throw ArmException.badRequest("InvalidMockRule", "fault.status: expected 400-599, got " + f.status());
        }
        if (rule.scenario() != null) {
            Scenario.parse(rule.scenario(), named());
        }
        Active a = new Active(rule);
        String name = rule.name();
        active.removeIf(x -> x.rule.name().equals(name));
        active.add(a);
        return rule;
    }

    public boolean remove(String name) {
        return active.removeIf(x -> x.rule.name().equals(name));
    }

    public void clear() {
        active.clear();
    }

    public List<Map<String, Object>> describe() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Active a : active) {
            out.add(a.describe());
        }
        return out;
    }

    /** Named scenarios: configuration plus registered rules without match fields. */
    public Map<String, String> named() {
        Map<String, String> all = new LinkedHashMap<>(config.scenarios());
        for (Active a : active) {
            if (!a.rule.hasMatch()) {
                all.put(a.rule.name(), a.rule.scenario());
            }
        }
        return all;
    }

    /**
     * The one rule served to this request, or null: the first rule in registration order whose match fields fit and
     * that has uses left. Only that rule's {@code times} is consumed and only its hits counted, so two rules on the
     * same requests (503 x3, then 500 x3) are served one after the other.
     */
    public Rule match(HttpServerRequest req) {
        for (Active a : active) {
            if (a.rule.hasMatch() && a.applies(req) && a.consume()) {
                return a.rule;
            }
        }
        return null;
    }
}

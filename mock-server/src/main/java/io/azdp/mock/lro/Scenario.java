package io.azdp.mock.lro;

import io.azdp.mock.error.ArmException;
import io.azdp.model.mock.ControlPlane;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How one adhoc-backup trigger plays out, parsed from {@code k=v;k=v} (header {@code x-azdp-mock-scenario}, a named
 * scenario, a rule or {@code azdp.mock.default-scenario}). Unset fields (null) fall back to the configuration.
 */
@RegisterForReflection
public record Scenario(
        String mode,
        Integer polls,
        String outcome,
        String errorCode,
        String errorMessage,
        String jobOutcome,
        String headers,
        Integer retryAfter,
        String statusCasing,
        Duration opDuration,
        Duration jobDuration,
        Integer latencyMs,
        Integer httpStatus,
        Boolean drop,
        Boolean signedUrls) {

    public static final String HEADER = ControlPlane.SCENARIO_HEADER;

    public static final Scenario EMPTY =
            new Scenario(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** Keys accepted in {@code k=v;k=v}, in documentation order. */
    public static final List<String> KEYS = List.of("mode", "polls", "outcome", "errorCode", "errorMessage",
            "jobOutcome", "headers", "retryAfter", "statusCasing", "opDuration", "jobDuration", "latencyMs",
            "httpStatus", "drop", "signedUrls");

    public boolean sync() {
        return "sync".equals(mode);
    }

    public String outcomeOrDefault() {
        return outcome == null ? "Succeeded" : outcome;
    }

    public String jobOutcomeOrDefault() {
        return jobOutcome == null ? "Completed" : jobOutcome;
    }

    public String headersOrDefault() {
        return headers == null ? "both" : headers;
    }

    /** Polling URLs with the real service's signed query parameters ({@code &t=&c=&s=&h=}, about 3 KB). */
    public boolean signedUrlsOrDefault() {
        return Boolean.TRUE.equals(signedUrls);
    }

    public String runningStatus() {
        return statusCasing == null ? "Inprogress" : statusCasing;
    }

    /** Fields set in {@code over} win over this scenario's. */
    public Scenario overlay(Scenario over) {
        if (over == null || over == EMPTY) {
            return this;
        }
        return new Scenario(
                pick(over.mode, mode), pick(over.polls, polls), pick(over.outcome, outcome),
                pick(over.errorCode, errorCode), pick(over.errorMessage, errorMessage),
                pick(over.jobOutcome, jobOutcome), pick(over.headers, headers), pick(over.retryAfter, retryAfter),
                pick(over.statusCasing, statusCasing), pick(over.opDuration, opDuration),
                pick(over.jobDuration, jobDuration), pick(over.latencyMs, latencyMs),
                pick(over.httpStatus, httpStatus), pick(over.drop, drop), pick(over.signedUrls, signedUrls));
    }

    private static <T> T pick(T a, T b) {
        return a != null ? a : b;
    }

    /**
     * Parses {@code k=v;k=v} (also {@code ,} as separator). A value without {@code =} is looked up in {@code named}.
     * Throws a 400 {@code InvalidMockScenario} naming the bad key or value.
     */
    public static Scenario parse(String text, Map<String, String> named) {
        return parse(text, named, 0);
    }

    private static Scenario parse(String text, Map<String, String> named, int depth) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        if (depth > 5) {
            throw invalid("scenario names refer to each other in a loop: '" + text + "'");
        }
        Scenario result = EMPTY;
        Map<String, String> values = new LinkedHashMap<>();
        for (String part : text.split("[;,]")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq < 0) {
                String body = named.get(item);
                if (body == null) {
                    throw invalid("unknown scenario name '" + item + "'; expected k=v pairs (" + String.join(", ", KEYS)
                            + ") or one of the named scenarios " + named.keySet());
                }
                result = result.overlay(parse(body, named, depth + 1));
                continue;
            }
            values.put(item.substring(0, eq).trim().toLowerCase(Locale.ROOT), item.substring(eq + 1).trim());
        }
        return result.overlay(fromValues(values));
    }

    private static Scenario fromValues(Map<String, String> v) {
        String mode = null;
        Integer polls = null;
        String outcome = null;
        String errorCode = null;
        String errorMessage = null;
        String jobOutcome = null;
        String headers = null;
        Integer retryAfter = null;
        String statusCasing = null;
        Duration opDuration = null;
        Duration jobDuration = null;
        Integer latencyMs = null;
        Integer httpStatus = null;
        Boolean drop = null;
        Boolean signedUrls = null;
        for (Map.Entry<String, String> e : v.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            switch (key) {
                case "mode" -> mode = oneOf(key, value, "sync", "async").toLowerCase(Locale.ROOT);
                case "polls" -> polls = nonNegative(key, value);
                case "outcome" -> outcome = oneOf(key, value, "Succeeded", "Failed", "Canceled");
                case "errorcode" -> errorCode = value;
                case "errormessage" -> errorMessage = value;
                case "joboutcome" -> jobOutcome = oneOf(key, value, "Completed", "CompletedWithWarnings", "Failed",
                        "Cancelled");
                case "headers" -> headers = oneOf(key, value, "both", "location-only", "async-only")
                        .toLowerCase(Locale.ROOT);
                case "retryafter" -> retryAfter = "none".equalsIgnoreCase(value) ? -1 : nonNegative(key, value);
                case "statuscasing" -> statusCasing = oneOf(key, value, "Inprogress", "InProgress");
                case "opduration" -> opDuration = duration(key, value);
                case "jobduration" -> jobDuration = duration(key, value);
                case "latencyms" -> latencyMs = nonNegative(key, value);
                case "httpstatus" -> {
                    int status = nonNegative(key, value);
                    if (status < 400 || status > 599) {
                        throw invalid("httpStatus: expected an HTTP error status 400-599, got '" + value + "'");
                    }
                    httpStatus = status;
                }
                case "drop" -> drop = Boolean.parseBoolean(oneOf(key, value, "true", "false"));
                case "signedurls" -> signedUrls = Boolean.parseBoolean(oneOf(key, value, "true", "false"));
                default -> throw invalid("unknown key '" + key + "'; expected one of " + String.join(", ", KEYS));
            }
        }
        return new Scenario(mode, polls, outcome, errorCode, errorMessage, jobOutcome, headers, retryAfter,
                statusCasing, opDuration, jobDuration, latencyMs, httpStatus, drop, signedUrls);
    }

    private static String oneOf(String key, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return a;
            }
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value)) {
                return a;
            }
        }
        throw invalid(key + ": expected one of " + String.join("|", allowed) + ", got '" + value + "'");
    }

    private static int nonNegative(String key, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw invalid(key + ": expected a non-negative integer, got '" + value + "'");
    }

    private static Duration duration(String key, String value) {
        try {
            if (value.matches("\\d{1,12}")) {
                return checked(Duration.ofSeconds(Long.parseLong(value)));
            }
            if (value.matches("\\d{1,15}ms")) {
                return checked(Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2))));
            }
            Duration d = Duration.parse(value);
            if (!d.isNegative() && d.compareTo(MAX_DURATION) <= 0) {
                return d;
            }
        } catch (DateTimeParseException | ArithmeticException ignored) {
            // fall through
        }
        throw invalid(key + ": expected seconds, '<n>ms' or an ISO-8601 duration such as PT2S, at most P3650D, got '"
                + value + "'");
    }

    /** Ten years: longer durations would only overflow the clock arithmetic. */
    static final Duration MAX_DURATION = Duration.ofDays(3650);

    private static Duration checked(Duration d) {
        if (d.compareTo(MAX_DURATION) > 0) {
            throw new ArithmeticException("too long");
        }
        return d;
    }

    private static ArmException invalid(String message) {
        return ArmException.badRequest("InvalidMockScenario", HEADER + ": " + message);
    }
}

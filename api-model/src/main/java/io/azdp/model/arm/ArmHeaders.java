package io.azdp.model.arm;

/**
 * Names of the HTTP headers and query parameters of the ARM surface the client sends and reads and the emulator
 * serves. Header names are case-insensitive on the wire; these are the spellings ARM documents.
 */
public final class ArmHeaders {
    public static final String AUTHORIZATION = "Authorization";
    public static final String USER_AGENT = "User-Agent";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String ACCEPT = "Accept";
    /** Chosen by the client per request (kept on its retries); echoed by the service. */
    public static final String CLIENT_REQUEST_ID = "x-ms-client-request-id";
    /** Shared by every request of one operation (the POST and its polls). */
    public static final String CORRELATION_REQUEST_ID = "x-ms-correlation-request-id";
    /** The service's id of one request, for support cases. */
    public static final String REQUEST_ID = "x-ms-request-id";
    public static final String RETURN_CLIENT_REQUEST_ID = "x-ms-return-client-request-id";
    /** The status URL of a long-running operation (ARM's first choice to poll). */
    public static final String AZURE_ASYNC_OPERATION = "Azure-AsyncOperation";
    /** The result URL of a long-running operation (polled when there is no status URL). */
    public static final String LOCATION = "Location";
    /** Seconds or an HTTP-date. */
    public static final String RETRY_AFTER = "Retry-After";
    /** Milliseconds; wins over {@link #RETRY_AFTER_MS} and {@link #RETRY_AFTER}. */
    public static final String MS_RETRY_AFTER_MS = "x-ms-retry-after-ms";
    /** Milliseconds; wins over {@link #RETRY_AFTER}. */
    public static final String RETRY_AFTER_MS = "retry-after-ms";
    /** The query parameter every ARM request carries. */
    public static final String API_VERSION = "api-version";
    /** ARM's remaining request budget of the subscription, per kind ({@code reads}, {@code writes}). */
    public static final String RATE_LIMIT_REMAINING_PREFIX = "x-ms-ratelimit-remaining-subscription-";
    public static final String RATE_LIMIT_REMAINING_READS = RATE_LIMIT_REMAINING_PREFIX + "reads";
    public static final String RATE_LIMIT_REMAINING_WRITES = RATE_LIMIT_REMAINING_PREFIX + "writes";
    /** Set by ARM's gateway on failures it produced itself (not the resource provider). */
    public static final String FAILURE_CAUSE = "x-ms-failure-cause";

    private ArmHeaders() {
    }
}

package io.azdp.client.api;

/** Names of the HTTP headers the client sends and reads. */
public final class ArmHeaders {
    public static final String AUTHORIZATION = "Authorization";
    public static final String CLIENT_REQUEST_ID = "x-ms-client-request-id";
    public static final String CORRELATION_REQUEST_ID = "x-ms-correlation-request-id";
    public static final String REQUEST_ID = "x-ms-request-id";
    public static final String RETURN_CLIENT_REQUEST_ID = "x-ms-return-client-request-id";
    public static final String AZURE_ASYNC_OPERATION = "Azure-AsyncOperation";
    public static final String LOCATION = "Location";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String API_VERSION = "api-version";

    /** Path prefix of everything under a vault; the segment names are matched case-insensitively by ARM. */
    static final String VAULT = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}"
            + "/providers/Microsoft.DataProtection/backupVaults/{vaultName}";

    private ArmHeaders() {
    }
}

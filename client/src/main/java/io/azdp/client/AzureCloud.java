package io.azdp.client;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** The Azure clouds the client knows by name, with their ARM endpoint, Entra ID authority host and token scope. */
public enum AzureCloud {
    PUBLIC("https://management.azure.com", "https://login.microsoftonline.com", "public", "azurecloud", "azure"),
    USGOV("https://management.usgovcloudapi.net", "https://login.microsoftonline.us", "usgov", "azureusgovernment"),
    CHINA("https://management.chinacloudapi.cn", "https://login.chinacloudapi.cn", "china", "azurechinacloud");

    private final URI endpoint;
    private final URI authorityHost;
    private final String[] names;

    AzureCloud(String endpoint, String authorityHost, String... names) {
        this.endpoint = URI.create(endpoint);
        this.authorityHost = URI.create(authorityHost);
        this.names = names;
    }

    public URI endpoint() {
        return endpoint;
    }

    public URI authorityHost() {
        return authorityHost;
    }

    /** The ARM token scope of this cloud, e.g. {@code https://management.azure.com/.default}. */
    public String scope() {
        return endpoint + "/.default";
    }

    /**
     * The cloud called {@code name}, case-insensitively: {@code public} (also {@code azure}), {@code usgov},
     * {@code china}, or the Azure CLI's cloud names ({@code AzureCloud}, {@code AzureUSGovernment}, {@code AzureChinaCloud}).
     */
    public static Optional<AzureCloud> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (AzureCloud cloud : values()) {
            for (String candidate : cloud.names) {
                if (candidate.equals(n)) {
                    return Optional.of(cloud);
                }
            }
        }
        return Optional.empty();
    }

    /** The cloud whose ARM endpoint has the host of {@code endpoint}, if any. */
    public static Optional<AzureCloud> byEndpoint(URI endpoint) {
        for (AzureCloud cloud : values()) {
            if (cloud.endpoint.getHost().equalsIgnoreCase(endpoint.getHost())) {
                return Optional.of(cloud);
            }
        }
        return Optional.empty();
    }
}

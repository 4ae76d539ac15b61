package io.azdp.cli.auth;

import io.azdp.cli.testing.Emulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * A config file with one profile per credential, each pointing at the emulator's counterpart: {@code cert} (the demo
 * client certificate), {@code wi} (a federated token file from the emulator's issuer), {@code mi} (its IMDS),
 * {@code appsvc} (its App Service endpoint), {@code msi} (the same endpoint as legacy {@code MSI_ENDPOINT} +
 * {@code MSI_SECRET}), {@code az} (a stand-in {@code az} script printing an emulator token), {@code azd} (a stand-in
 * {@code azd} likewise), {@code pwsh} (a stand-in {@code pwsh} that is not logged in),
 * {@code chain} (nothing but the IMDS endpoint), {@code down} (a token endpoint nothing listens on).
 */
public class CredentialsResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Emulator emulator = Emulator.shared();
        try {
            Path dir = Files.createTempDirectory("azdp-cli-creds");
            dir.toFile().deleteOnExit();
            Path pem = write(dir.resolve("client.pem"), emulator.send("GET", "/_mock/credentials/client-certificate",
                    null));
            Path federated = write(dir.resolve("federated-token"), emulator.send("POST",
                    "/_mock/credentials/federated-token", "").strip());
            Path az = write(dir.resolve("az"), "#!/bin/sh\n"
                    + "if [ \"$2\" = show ]; then echo '{\"id\":\"" + Emulator.SUBSCRIPTION + "\"}'; exit 0; fi\n"
                    + "echo '{\"accessToken\":\"" + emulator.mintToken() + "\",\"expires_on\":"
                    + (System.currentTimeMillis() / 1000 + 3000) + ",\"tokenType\":\"Bearer\"}'\n");
            Files.setPosixFilePermissions(az, PosixFilePermissions.fromString("rwx------"));
            long expires = System.currentTimeMillis() / 1000 + 3000;
            Path azd = write(dir.resolve("azd"), "#!/bin/sh\n"
                    + "echo '{\"token\":\"" + emulator.mintToken() + "\",\"expiresOn\":\""
                    + java.time.Instant.ofEpochSecond(expires) + "\"}'\n");
            Files.setPosixFilePermissions(azd, PosixFilePermissions.fromString("rwx------"));
            Path pwsh = write(dir.resolve("pwsh"), "#!/bin/sh\n"
                    + "echo 'Get-AzAccessToken: Run Connect-AzAccount to login.' >&2\nexit 1\n");
            Files.setPosixFilePermissions(pwsh, PosixFilePermissions.fromString("rwx------"));
            int closed;
            try (ServerSocket s = new ServerSocket(0)) {
                closed = s.getLocalPort();
            }
            String base = emulator.baseUrl();
            String ids = "      tenant-id: " + Emulator.TENANT + "\n      client-id: " + Emulator.CLIENT_ID + "\n";
            String config = "profiles:\n"
                    + "  cert:\n" + ids + "      client-certificate-path: " + pem + "\n"
                    + "  wi:\n" + ids + "      federated-token-file: " + federated + "\n"
                    + "  mi:\n      auth: managed-identity\n      imds-endpoint: " + base + "\n"
                    + "  appsvc:\n      auth: managed-identity\n      identity-endpoint: " + base + "/msi/token\n"
                    + "      identity-header: azdp-mock-identity-header\n"
                    + "  az:\n      auth: azure-cli\n      azure-cli-path: " + az + "\n"
                    + "  azd:\n      auth: azure-developer-cli\n      azure-developer-cli-path: " + azd + "\n"
                    + "  pwsh:\n      auth: azure-powershell\n      azure-powershell-path: " + pwsh + "\n"
                    + "  msi:\n      auth: managed-identity\n      msi-endpoint: " + base + "/msi/token\n"
                    + "      msi-secret: azdp-mock-identity-header\n"
                    + "  chain:\n      imds-endpoint: " + base + "\n      azure-cli-path: " + dir.resolve("no-az") + "\n"
                    + "  down:\n" + ids + "      client-secret: " + Emulator.CLIENT_SECRET + "\n"
                    + "      authority-host: http://127.0.0.1:" + closed + "\n";
            Path file = write(dir.resolve("config.yaml"), config);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return Map.of("azdp.endpoint", base, "azdp.subscription-id", Emulator.SUBSCRIPTION, "azdp.access-token", "",
                    "AZDP_CONFIG", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        file.toFile().deleteOnExit();
        return file;
    }

    @Override
    public void stop() {
        // the shared emulator outlives a single launch
    }
}

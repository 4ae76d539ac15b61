package io.azdp.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar starts through AzdpMockMain, which hands the URL check to the emulator's gate: a URL that is not a
 * valid URI gets a CloudError, not the empty 400 of Quarkus's root handler (a @QuarkusTest never runs that main).
 */
@AzdpMock
class EntryPointTest {

    @Test
    void anUndecodableUrlGetsACloudError(AzdpMockServer mock) throws Exception {
        URI base = URI.create(mock.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + mock.vaultId() + "/backupJobs/%zz?api-version=2024-04-01 HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\nAuthorization: Bearer " + mock.accessToken() + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 400 ").contains("\"code\":\"InvalidRequestUri\"");
        }
    }
}

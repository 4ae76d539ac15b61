package io.azdp.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The packaged emulator, as launched: loopback only by default; bound wider, it warns and locks /_mock with a key. */
class BindAddressTest {

    private static final Pattern KEY = Pattern.compile("generated at start: ([0-9a-f]{36})");
    private final HttpClient http = HttpClient.newHttpClient();

    /** An IPv4 address of this machine that is not loopback, if it has one. */
    private static Optional<InetAddress> externalAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean reachable(InetAddress address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void listensOnLoopbackOnlyByDefault() throws Exception {
        Optional<InetAddress> external = externalAddress();
        assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to try");
        try (AzdpMockServer server = AzdpMockServer.builder().start()) {
            assertThat(reachable(InetAddress.getLoopbackAddress(), server.port())).isTrue();
            assertThat(reachable(external.get(), server.port())).as("reachable on " + external.get()).isFalse();
            assertThat(server.logTail()).doesNotContain("beyond loopback");
            // loopback without a configured key: the control plane is open, as before
            server.reset();
        }
    }

    @Test
    void boundBeyondLoopbackItWarnsAndTheControlPlaneNeedsThePrintedKey() throws Exception {
        try (AzdpMockServer server = AzdpMockServer.builder().property("quarkus.http.host", "0.0.0.0").start()) {
            String log = server.logTail();
            assertThat(log).contains("azdp-mock listens beyond loopback (quarkus.http.host=0.0.0.0)");
            Matcher m = KEY.matcher(log);
            assertThat(m.find()).as("the start log prints the generated key: " + log).isTrue();
            String key = m.group(1);
            HttpRequest.Builder reset = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/_mock/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody());
            HttpResponse<String> refused = http.send(reset.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("AuthenticationFailed").doesNotContain(key);
            HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/_mock/token"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(token.statusCode()).as("no token minted without the key").isEqualTo(401);
            HttpResponse<String> accepted = http.send(reset.header("x-azdp-mock-key", key).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).isEqualTo(200);
            Optional<InetAddress> external = externalAddress();
            if (external.isPresent()) {
                assertThat(reachable(external.get(), server.port())).isTrue();
            }
        }
    }

    @Test
    void aConfiguredKeyIsRequiredOnLoopbackTooAndTheAdminClientSendsIt() throws Exception {
        try (AzdpMockServer server = AzdpMockServer.builder().property("azdp.mock.admin-key", "junit-key").start()) {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "/_mock/state")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
            server.reset();
            assertThat(server.admin().state()).contains("azdp-demo-vault");
            AzdpMockServer.Response raw = server.admin().get("/_mock/state");
            assertThat(raw.status()).isEqualTo(200);
            assertThat(server.logTail()).doesNotContain("junit-key");
        }
    }
}

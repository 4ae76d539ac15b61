package io.azdp.mock.junit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small HTTP forward proxy on loopback for tests: forwards absolute-form requests ({@code GET http://host/path}) and
 * tunnels {@code CONNECT host:port}, optionally demands Basic proxy credentials (407 otherwise), and records what
 * passed ({@link #requests()}: {@code "GET http://127.0.0.1:8080/..."}, {@code "CONNECT host:443"}). One thread per
 * connection; for tests only.
 */
public final class ForwardProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String expectedAuthorization;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile boolean closed;

    private ForwardProxy(String user, String password) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.expectedAuthorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.acceptor = new Thread(this::acceptLoop, "forward-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy that needs no credentials. */
    public static ForwardProxy start() throws IOException {
        return new ForwardProxy(null, null);
    }

    /** A proxy that answers 407 unless the request carries these Basic credentials. */
    public static ForwardProxy withCredentials(String user, String password) throws IOException {
        return new ForwardProxy(user, password);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** Request lines that were forwarded or tunnelled, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Request lines refused with 407. */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> handle(client), "forward-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            List<String> head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String requestLine = head.get(0);
            String[] parts = requestLine.split(" ");
            if (parts.length < 3) {
                out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                return;
            }
            if (expectedAuthorization != null && !expectedAuthorization.equals(header(head, "proxy-authorization"))) {
                refused.add(parts[0] + " " + parts[1]);
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return;
            }
            if (parts[0].equalsIgnoreCase("CONNECT")) {
                String[] hostPort = parts[1].split(":");
                try (Socket upstream = new Socket()) {
                    upstream.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 5000);
                    requests.add("CONNECT " + parts[1]);
                    out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    pipe(client, upstream);
                }
                return;
            }
            URI target = URI.create(parts[1]);
            int port = target.getPort() > 0 ? target.getPort() : 80;
            try (Socket upstream = new Socket()) {
                upstream.connect(new InetSocketAddress(target.getHost(), port), 5000);
                requests.add(parts[0] + " " + parts[1]);
                StringBuilder b = new StringBuilder();
                String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
                b.append(parts[0]).append(' ').append(path.isEmpty() ? "/" : path).append(' ').append(parts[2])
                        .append("\r\n");
                for (String h : head.subList(1, head.size())) {
                    String name = h.substring(0, Math.max(0, h.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
                    if (!name.equals("proxy-authorization") && !name.equals("proxy-connection")
                            && !name.equals("connection")) {
                        b.append(h).append("\r\n");
                    }
                }
                b.append("Connection: close\r\n\r\n");
                upstream.getOutputStream().write(b.toString().getBytes(StandardCharsets.ISO_8859_1));
                upstream.getOutputStream().flush();
                pipe(client, upstream);
            }
        } catch (IOException | RuntimeException e) {
            // a test proxy: a broken connection just ends
        }
    }

    /** Copies both ways until the upstream side ends. */
    private static void pipe(Socket client, Socket upstream) throws IOException {
        Thread up = new Thread(() -> {
            try {
                client.getInputStream().transferTo(upstream.getOutputStream());
                upstream.shutdownOutput();
            } catch (IOException e) {
                // closed
            }
        }, "forward-proxy-up");
        up.setDaemon(true);
        up.start();
        upstream.getInputStream().transferTo(client.getOutputStream());
        client.getOutputStream().flush();
    }

    private static String header(List<String> head, String name) {
        for (String h : head.subList(1, head.size())) {
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return h.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** The request line and header lines, up to the empty line. */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String l = line.toString(StandardCharsets.ISO_8859_1);
                if (l.endsWith("\r")) {
                    l = l.substring(0, l.length() - 1);
                }
                if (l.isEmpty()) {
                    return lines;
                }
                lines.add(l);
                line.reset();
            } else {
                line.write(c);
            }
        }
        return lines;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }
}

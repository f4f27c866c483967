package dev.backstack.panel.installer.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP CONNECT proxy for tests. It records every CONNECT target and its
 * {@code Proxy-Authorization} header, and tunnels each accepted CONNECT to one upstream port on
 * loopback, whatever host the client named (so a server URL with a host that does not resolve
 * can only be reached through it). It answers 407 while {@link #requireAuthorization} is set and
 * the header differs, or always after {@link #denyAll()}.
 */
final class ConnectProxy implements AutoCloseable {

    /** One CONNECT as the proxy saw it. */
    record Tunnel(String target, String authorization) {}

    private final int upstreamPort;
    private final ServerSocket listener;
    private final List<Tunnel> tunnels = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile String requiredAuthorization;
    private volatile boolean denyAll;

    ConnectProxy(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop, "connect-proxy-accept");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** CONNECTs without exactly this {@code Proxy-Authorization} value get a 407. */
    ConnectProxy requireAuthorization(String headerValue) {
        this.requiredAuthorization = headerValue;
        return this;
    }

    /** Every CONNECT gets a 407. */
    ConnectProxy denyAll() {
        this.denyAll = true;
        return this;
    }

    List<Tunnel> tunnels() {
        return new ArrayList<>(tunnels);
    }

    List<String> targets() {
        return tunnels.stream().map(Tunnel::target).toList();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                Thread t = new Thread(() -> serve(client), "connect-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String head = readHead(in);
            String[] lines = head.split("\r\n");
            String[] request = lines[0].split(" ");
            String authorization = null;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0
                        && lines[i].substring(0, colon)
                                .trim()
                                .toLowerCase(Locale.ROOT)
                                .equals("proxy-authorization")) {
                    authorization = lines[i].substring(colon + 1).trim();
                }
            }
            if (request.length < 2 || !request[0].equals("CONNECT")) {
                out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                client.close();
                return;
            }
            tunnels.add(new Tunnel(request[1], authorization));
            if (denyAll || (requiredAuthorization != null && !requiredAuthorization.equals(authorization))) {
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                                + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                client.close();
                return;
            }
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
            sockets.add(upstream);
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            pump(upstream, client);
            pump(client, upstream);
        } catch (IOException e) {
            close(client);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the request head ended");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    byte[] buffer = new byte[16384];
                    try {
                        InputStream in = from.getInputStream();
                        OutputStream out = to.getOutputStream();
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // the other side closed
                    } finally {
                        close(from);
                        close(to);
                    }
                },
                "connect-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // best effort
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(ConnectProxy::close);
    }
}

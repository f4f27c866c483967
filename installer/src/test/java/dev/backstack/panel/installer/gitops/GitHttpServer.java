package dev.backstack.panel.installer.gitops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser.PacketLineOutRefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * Git's smart HTTP protocol on loopback for one bare repository ({@code /repo.git}), served by
 * JGit's own UploadPack and ReceivePack: optional Basic authentication, an optional refusal of
 * every push (as a server-side pre-receive hook does), and a callback run while a push arrives.
 */
final class GitHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final Repository repo;
    private volatile String basic;
    private volatile String refusal;
    private volatile Runnable onPush = () -> {};
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    GitHttpServer(java.nio.file.Path bare) throws IOException {
        repo = new FileRepositoryBuilder().setGitDir(bare.toFile()).setBare().build();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/repo.git/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/repo.git";
    }

    GitHttpServer requireBasic(String user, String password) {
        basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    GitHttpServer refusePushes(String message) {
        refusal = message;
        return this;
    }

    GitHttpServer onPush(Runnable r) {
        onPush = r;
        return this;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String query = String.valueOf(ex.getRequestURI().getQuery());
            requests.add(ex.getRequestMethod() + " " + path + "?" + query);
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                authorizations.add(auth);
            }
            if (basic != null && !basic.equals(auth)) {
                ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
                ex.sendResponseHeaders(401, -1);
                return;
            }
            if (path.endsWith("/info/refs")) {
                advertise(ex, query.contains("git-receive-pack") ? "git-receive-pack" : "git-upload-pack");
            } else if (path.endsWith("/git-upload-pack")) {
                ex.getResponseHeaders().add("Content-Type", "application/x-git-upload-pack-result");
                ex.sendResponseHeaders(200, 0);
                UploadPack up = new UploadPack(repo);
                up.setBiDirectionalPipe(false);
                up.upload(body(ex), ex.getResponseBody(), null);
            } else if (path.endsWith("/git-receive-pack")) {
                onPush.run();
                ex.getResponseHeaders().add("Content-Type", "application/x-git-receive-pack-result");
                ex.sendResponseHeaders(200, 0);
                receivePack().receive(body(ex), ex.getResponseBody(), null);
            } else {
                ex.sendResponseHeaders(404, -1);
            }
        }
    }

    private void advertise(HttpExchange ex, String service) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "application/x-" + service + "-advertisement");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        PacketLineOut pck = new PacketLineOut(out);
        pck.writeString("# service=" + service + "\n");
        pck.end();
        if (service.equals("git-receive-pack")) {
            receivePack().sendAdvertisedRefs(new PacketLineOutRefAdvertiser(pck));
        } else {
            UploadPack up = new UploadPack(repo);
            up.setBiDirectionalPipe(false);
            up.sendAdvertisedRefs(new PacketLineOutRefAdvertiser(pck));
        }
        out.flush();
    }

    private ReceivePack receivePack() {
        ReceivePack rp = new ReceivePack(repo);
        rp.setBiDirectionalPipe(false);
        String no = refusal;
        if (no != null) {
            rp.setPreReceiveHook((pack, commands) ->
                    commands.forEach(c -> c.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, no)));
        }
        return rp;
    }

    private static InputStream body(HttpExchange ex) throws IOException {
        InputStream in = ex.getRequestBody();
        return "gzip".equals(ex.getRequestHeaders().getFirst("Content-Encoding")) ? new GZIPInputStream(in) : in;
    }

    @Override
    public void close() {
        server.stop(0);
        repo.close();
    }
}

package dev.backstack.panel.installer.connect;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves one context against the merged clusters and users (first file wins for each name) and
 * collects everything that would stop it from connecting. Reads certificate files to check them;
 * never writes.
 */
final class ContextResolver {

    private record ClusterPart(
            Path source,
            String server,
            boolean insecure,
            String caData,
            Path caFile,
            String proxyUrl,
            String tlsServerName) {}

    private static final ClusterPart NO_CLUSTER = new ClusterPart(null, "", false, null, null, null, null);

    private final Map<String, NamedEntry> clusters;
    private final UserResolver users;

    ContextResolver(Map<String, NamedEntry> clusters, Map<String, NamedEntry> users) {
        this.clusters = clusters;
        this.users = new UserResolver(users);
    }

    ContextEntry resolve(NamedEntry context) {
        List<String> problems = new ArrayList<>();
        if (context.body() == null || !context.body().isObject()) {
            problems.add("the context has no `context:` section with a cluster and a user");
        }
        String clusterName = context.text("cluster");
        String userName = context.text("user");
        ClusterPart cluster = cluster(clusterName, problems);
        UserResolver.UserPart user = users.resolve(userName, problems);
        ConnectionDetails details = new ConnectionDetails(
                cluster.source(),
                user.source(),
                cluster.caData(),
                cluster.caFile(),
                user.certData(),
                user.certFile(),
                user.keyData(),
                user.keyFile(),
                user.token(),
                user.tokenFile(),
                cluster.proxyUrl(),
                cluster.tlsServerName());
        return new ContextEntry(
                context.name(),
                context.file(),
                clusterName,
                cluster.server(),
                userName,
                context.text("namespace"),
                cluster.insecure(),
                user.exec(),
                problems,
                details);
    }

    private ClusterPart cluster(String name, List<String> problems) {
        if (name.isEmpty()) {
            problems.add("the context names no cluster; add `cluster: <name>` to it");
            return NO_CLUSTER;
        }
        NamedEntry entry = clusters.get(name);
        if (entry == null) {
            problems.add("cluster `" + name + "` is not defined in any of the kubeconfig files");
            return NO_CLUSTER;
        }
        if (entry.body() == null || !entry.body().isObject()) {
            problems.add(entry.describe("cluster") + " has no `cluster:` section");
            return NO_CLUSTER;
        }
        String server = entry.text("server");
        serverProblem(server).ifPresent(p -> problems.add(entry.describe("cluster") + ": " + p));
        String caData = entry.text("certificate-authority-data");
        Path caFile = entry.path("certificate-authority");
        if (!caData.isEmpty()) {
            caDataProblem(caData).ifPresent(p -> problems.add(entry.describe("cluster") + ": " + p));
        } else if (caFile != null) {
            fileProblem(caFile, "certificate-authority")
                    .ifPresent(p -> problems.add(entry.describe("cluster") + ": " + p));
        }
        String proxyUrl = entry.text("proxy-url");
        proxyProblem(proxyUrl).ifPresent(p -> problems.add(entry.describe("cluster") + ": " + p));
        return new ClusterPart(
                entry.file(),
                server,
                Yaml.flag(entry.body(), "insecure-skip-tls-verify"),
                caData.isEmpty() ? null : caData,
                caData.isEmpty() ? caFile : null,
                proxyUrl.isEmpty() ? null : proxyUrl,
                emptyToNull(entry.text("tls-server-name")));
    }

    /** Why a server URL cannot be used, or empty when it is an https URL with a host. */
    static Optional<String> serverProblem(String server) {
        if (server == null || server.isBlank()) {
            return Optional.of("no server URL is set; add `server: https://<host>:<port>`");
        }
        String lower = server.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://")) {
            return Optional.of("server `" + server + "` uses plain http://; change it to https:// in the kubeconfig"
                    + " (the panel never sends credentials in clear text)");
        }
        if (!lower.startsWith("https://")) {
            return Optional.of("server `" + server + "` has no https:// scheme; write it as `https://" + server
                    + "` in the kubeconfig (the panel never guesses, because a guess of http would send"
                    + " credentials in clear text)");
        }
        try {
            URI uri = new URI(server);
            if (uri.getHost() == null) {
                return Optional.of("server `" + server + "` has no host name");
            }
        } catch (URISyntaxException e) {
            return Optional.of("server `" + server + "` is not a valid URL (" + e.getReason() + ")");
        }
        return Optional.empty();
    }

    static Optional<String> caDataProblem(String caData) {
        byte[] pem = Yaml.decodeBase64(caData);
        if (pem == null) {
            return Optional.of("certificate-authority-data is not valid base64; paste the base64 of the CA"
                    + " certificate PEM, or use `certificate-authority: <file>`");
        }
        return certificateProblem(pem, "certificate-authority-data");
    }

    private static Optional<String> certificateProblem(byte[] pem, String what) {
        try (InputStream in = new ByteArrayInputStream(pem)) {
            if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                return Optional.of(what + " contains no certificate");
            }
            return Optional.empty();
        } catch (CertificateException | IOException e) {
            return Optional.of(what + " does not contain a valid PEM certificate");
        }
    }

    /** Why a referenced file cannot be used (missing, unreadable, or an invalid CA file), or empty. */
    static Optional<String> fileProblem(Path file, String field) {
        if (!Files.exists(file)) {
            return Optional.of(field + " file " + file + " does not exist");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return Optional.of(field + " file " + file + " cannot be read");
        }
        if (!"certificate-authority".equals(field)) {
            return Optional.empty();
        }
        try {
            return certificateProblem(Files.readAllBytes(file), field + " file " + file);
        } catch (IOException e) {
            return Optional.of(field + " file " + file + " cannot be read");
        }
    }

    private static Optional<String> proxyProblem(String proxyUrl) {
        if (proxyUrl.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(proxyUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (List.of("http", "https", "socks5").contains(scheme) && uri.getHost() != null) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        return Optional.of("proxy-url `" + Redactor.redact(proxyUrl)
                + "` must look like http://host:port, https://host:port or socks5://host:port");
    }

    static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}

package dev.backstack.panel.installer.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The JSON side of client-go credential plugins: {@code KUBERNETES_EXEC_INFO} in, ExecCredential out. */
final class ExecCredentials {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A bearer token from a plugin; toString never shows it. */
    record Token(String value, Optional<Instant> expiry) {
        @Override
        public String toString() {
            return "Token[" + Redactor.MASK + ", expiry="
                    + expiry.map(Instant::toString).orElse("none") + "]";
        }
    }

    private ExecCredentials() {}

    /** The {@code KUBERNETES_EXEC_INFO} value: non-interactive, with the cluster when asked for. */
    static String execInfo(ExecSpec spec, Optional<ExecCredentialProvider.ClusterInfo> cluster) {
        ObjectNode root = JSON.createObjectNode();
        root.put("apiVersion", spec.apiVersion());
        root.put("kind", "ExecCredential");
        ObjectNode specNode = root.putObject("spec");
        specNode.put("interactive", false);
        if (spec.provideClusterInfo() && cluster.isPresent()) {
            ExecCredentialProvider.ClusterInfo info = cluster.get();
            ObjectNode node = specNode.putObject("cluster");
            node.put("server", info.server());
            putIfPresent(node, "tls-server-name", info.tlsServerName());
            node.put("insecure-skip-tls-verify", info.insecureSkipTlsVerify());
            putIfPresent(node, "certificate-authority-data", info.certificateAuthorityData());
            putIfPresent(node, "proxy-url", info.proxyUrl());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write KUBERNETES_EXEC_INFO", e);
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }

    /**
     * Reads the plugin's stdout. Error messages describe the problem without quoting the output,
     * which may contain the token.
     */
    static Token parse(byte[] stdout, ExecSpec spec, String plugin) {
        JsonNode root = readJson(stdout, plugin);
        String apiVersion = Yaml.text(root, "apiVersion");
        String kind = Yaml.text(root, "kind");
        if (!kind.isEmpty() && !"ExecCredential".equals(kind)) {
            throw bad(plugin + " returned kind `" + Redactor.redact(kind) + "` instead of ExecCredential");
        }
        if (!apiVersion.equals(spec.apiVersion())) {
            throw bad(plugin + " returned apiVersion `" + Redactor.redact(apiVersion)
                    + "`, but the kubeconfig expects `" + spec.apiVersion()
                    + "`; update the plugin or change exec.apiVersion in the kubeconfig");
        }
        JsonNode status = root.get("status");
        if (status == null || !status.isObject()) {
            throw bad(plugin + " returned an ExecCredential without a status");
        }
        String token = Yaml.text(status, "token");
        if (token.isEmpty()) {
            boolean certificate = !Yaml.text(status, "clientCertificateData").isEmpty()
                    || !Yaml.text(status, "clientKeyData").isEmpty();
            if (certificate) {
                throw new ConnectionException(
                        ConnectionException.Reason.UNSUPPORTED,
                        plugin + " returned a client certificate; the panel only supports plugins that return a token");
            }
            throw bad(plugin + " returned neither a token nor a client certificate");
        }
        return new Token(token, expiry(status, plugin));
    }

    private static JsonNode readJson(byte[] stdout, String plugin) {
        try {
            JsonNode root = JSON.readTree(stdout);
            if (root == null || root.isMissingNode()) {
                throw bad(plugin + " printed nothing on stdout; expected an ExecCredential JSON object");
            }
            if (!root.isObject()) {
                throw bad(plugin + " printed JSON that is not an object; expected an ExecCredential");
            }
            return root;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")";
            throw bad(plugin + " printed invalid JSON on stdout" + where + "; expected an ExecCredential object");
        } catch (IOException e) {
            throw bad(plugin + " printed output that cannot be read as JSON");
        }
    }

    private static Optional<Instant> expiry(JsonNode status, String plugin) {
        String text = Yaml.text(status, "expirationTimestamp");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            throw bad(plugin + " returned expirationTimestamp `" + Redactor.redact(text)
                    + "`, which is not an RFC 3339 time");
        }
    }

    private static ConnectionException bad(String message) {
        return new ConnectionException(ConnectionException.Reason.PLUGIN_BAD_OUTPUT, message);
    }
}

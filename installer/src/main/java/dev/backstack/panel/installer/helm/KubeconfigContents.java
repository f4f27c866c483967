package dev.backstack.panel.installer.helm;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the single-context kubeconfig that Helm gets as {@link KubeAccess}, in memory only: from a
 * server URL and a bearer token (a ServiceAccount token, or a test server's), or from one context
 * of a user's kubeconfig file, minified to that context with its cluster and user. Exec and
 * auth-provider entries are kept as they are; relative certificate and token file paths are made
 * absolute against the file's folder (as client-go resolves them). Nothing is written to disk and
 * no contents appear in exception messages.
 *
 * <p>Stateless; safe on any thread. {@link #fromFile} reads a file, so call it off the FX thread.
 */
public final class KubeconfigContents {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Keys whose values are credentials, anywhere in a kubeconfig. */
    private static final Set<String> SECRET_KEYS = Set.of(
            "token",
            "client-key-data",
            "password",
            "id-token",
            "refresh-token",
            "access-token",
            "client-secret",
            "client-certificate-data");

    private static final List<String> CLUSTER_FILES = List.of("certificate-authority");
    private static final List<String> USER_FILES = List.of("client-certificate", "client-key", "tokenFile");

    /**
     * How the client trusts the API server's certificate: the system roots, a CA in PEM, or (only
     * with the user's explicit consent, or in tests) not at all.
     */
    public record ServerTrust(boolean insecureSkipTlsVerify, String caPem) {

        public ServerTrust {
            if (insecureSkipTlsVerify && caPem != null) {
                throw new IllegalArgumentException("either a CA or insecure-skip-tls-verify, not both");
            }
        }

        public static ServerTrust systemRoots() {
            return new ServerTrust(false, null);
        }

        public static ServerTrust ca(String pem) {
            return new ServerTrust(false, Objects.requireNonNull(pem, "pem"));
        }

        public static ServerTrust insecure() {
            return new ServerTrust(true, null);
        }
    }

    private KubeconfigContents() {}

    /** A kubeconfig with one context {@code contextName} for {@code serverUrl}, authenticated by {@code token}. */
    public static KubeAccess fromToken(String contextName, String serverUrl, String token, ServerTrust trust) {
        Objects.requireNonNull(contextName, "contextName");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(trust, "trust");
        URI server = URI.create(Objects.requireNonNull(serverUrl, "serverUrl"));
        if (!"https".equals(server.getScheme()) && !"http".equals(server.getScheme())) {
            throw new IllegalArgumentException("server URL must start with https:// (got " + server.getScheme() + ")");
        }
        ObjectNode cluster = NODES.objectNode().put("server", serverUrl);
        if (trust.insecureSkipTlsVerify()) {
            cluster.put("insecure-skip-tls-verify", true);
        } else if (trust.caPem() != null) {
            cluster.put(
                    "certificate-authority-data",
                    Base64.getEncoder().encodeToString(trust.caPem().getBytes(StandardCharsets.UTF_8)));
        }
        ObjectNode user = NODES.objectNode().put("token", token);
        ObjectNode context = NODES.objectNode().put("cluster", contextName).put("user", contextName);
        return new KubeAccess(
                contextName,
                write(config(
                        contextName,
                        named(contextName, "cluster", cluster),
                        named(contextName, "context", context),
                        Optional.of(named(contextName, "user", user)))));
    }

    /**
     * The context {@code contextName} of the kubeconfig file {@code file}, minified to it.
     *
     * @throws IOException              when the file cannot be read or is not YAML
     * @throws IllegalArgumentException when it has no such context, or not the cluster or user
     *                                  the context names
     */
    public static KubeAccess fromFile(Path file, String contextName) throws IOException {
        Objects.requireNonNull(contextName, "contextName");
        JsonNode root = readTree(file);
        ObjectNode context = find(root, "contexts", contextName)
                .orElseThrow(() ->
                        new IllegalArgumentException("kubeconfig " + file + " has no context '" + contextName + "'"));
        String clusterName = context.path("context").path("cluster").asText("");
        String userName = context.path("context").path("user").asText("");
        ObjectNode cluster = find(root, "clusters", clusterName)
                .orElseThrow(() -> new IllegalArgumentException("context '" + contextName + "' of " + file
                        + " names cluster '" + clusterName + "', which the file does not define"));
        Optional<ObjectNode> user = userName.isEmpty()
                ? Optional.empty()
                : Optional.of(find(root, "users", userName)
                        .orElseThrow(() -> new IllegalArgumentException("context '" + contextName + "' of " + file
                                + " names user '" + userName + "', which the file does not define")));
        Path base = file.toAbsolutePath().getParent();
        absolutePaths(cluster.path("cluster"), CLUSTER_FILES, base);
        user.ifPresent(u -> absolutePaths(u.path("user"), USER_FILES, base));
        return new KubeAccess(contextName, write(config(contextName, cluster, context, user)));
    }

    /** The credential values in a kubeconfig's contents (tokens, keys, passwords), to redact from messages. */
    static Set<String> secretValues(String kubeconfigYaml) {
        Set<String> found = new LinkedHashSet<>();
        try {
            collectSecrets(YAML.readTree(kubeconfigYaml), found);
        } catch (JsonProcessingException e) {
            // not YAML: nothing to collect, and Helm will refuse it anyway
        }
        return found;
    }

    private static void collectSecrets(JsonNode node, Set<String> found) {
        if (node == null) {
            return;
        }
        node.properties().forEach(e -> {
            if (SECRET_KEYS.contains(e.getKey())
                    && e.getValue().isTextual()
                    && !e.getValue().asText().isBlank()) {
                found.add(e.getValue().asText());
            }
            collectSecrets(e.getValue(), found);
        });
        if (node.isArray()) {
            node.forEach(child -> collectSecrets(child, found));
        }
    }

    private static JsonNode readTree(Path file) throws IOException {
        try {
            JsonNode root = YAML.readTree(Files.readString(file));
            if (root == null || !root.isObject()) {
                throw new IOException("kubeconfig " + file + " is empty or not a mapping");
            }
            return root;
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the offending line, which may hold a credential: give only the place.
            JsonLocation at = e.getLocation();
            throw new IOException("kubeconfig " + file + " is not valid YAML"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    private static Optional<ObjectNode> find(JsonNode root, String list, String name) {
        for (JsonNode entry : root.path(list)) {
            if (entry.isObject() && name.equals(entry.path("name").asText(null))) {
                return Optional.of(((ObjectNode) entry).deepCopy());
            }
        }
        return Optional.empty();
    }

    private static void absolutePaths(JsonNode holder, List<String> keys, Path base) {
        if (!(holder instanceof ObjectNode object) || base == null) {
            return;
        }
        for (String key : keys) {
            String value = object.path(key).asText("");
            if (!value.isEmpty() && !Path.of(value).isAbsolute()) {
                object.put(key, base.resolve(value).normalize().toString());
            }
        }
    }

    private static ObjectNode named(String name, String field, ObjectNode body) {
        ObjectNode entry = NODES.objectNode().put("name", name);
        entry.set(field, body);
        return entry;
    }

    private static ObjectNode config(
            String current, ObjectNode cluster, ObjectNode context, Optional<ObjectNode> user) {
        ObjectNode root = NODES.objectNode().put("apiVersion", "v1").put("kind", "Config");
        root.putArray("clusters").add(cluster);
        root.putArray("contexts").add(context);
        user.ifPresentOrElse(u -> root.putArray("users").add(u), () -> root.putArray("users"));
        root.put("current-context", current);
        root.putObject("preferences");
        return root;
    }

    private static String write(ObjectNode root) {
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a kubeconfig tree", e);
        }
    }
}

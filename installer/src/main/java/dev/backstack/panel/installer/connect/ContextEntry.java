package dev.backstack.panel.installer.connect;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One kubeconfig context, resolved against the merged clusters and users of the
 * {@code KUBECONFIG} list. Identified by {@link #source()} and {@link #name()}. A context with
 * {@link #problems()} cannot be connected; the others in the same set stay usable. Immutable, use
 * on any thread; {@link #toString()} never shows credentials.
 *
 * @param name                  the context name
 * @param source                the kubeconfig file that defines the context (first one wins)
 * @param clusterName           the cluster the context refers to
 * @param server                the cluster's server URL as written in the kubeconfig, or empty
 * @param user                  the user the context refers to, or empty for anonymous
 * @param namespace             the context's namespace, {@code default} when unset
 * @param insecureSkipTlsVerify the cluster's {@code insecure-skip-tls-verify}
 * @param exec                  the user's credential plugin, if any
 * @param problems              why the context cannot be used; empty when it can
 * @param details               TLS and credential material for {@link ClientFactory}
 */
public record ContextEntry(
        String name,
        Path source,
        String clusterName,
        String server,
        String user,
        String namespace,
        boolean insecureSkipTlsVerify,
        Optional<ExecSpec> exec,
        List<String> problems,
        ConnectionDetails details) {

    public ContextEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        clusterName = clusterName == null ? "" : clusterName;
        server = server == null ? "" : server;
        user = user == null ? "" : user;
        namespace = namespace == null || namespace.isBlank() ? "default" : namespace;
        exec = exec == null ? Optional.empty() : exec;
        problems = List.copyOf(problems);
        details = details == null ? ConnectionDetails.none() : details;
    }

    /** A context without TLS material or static credentials (for tests and hand-made entries). */
    public ContextEntry(
            String name,
            Path source,
            String clusterName,
            String server,
            String user,
            String namespace,
            boolean insecureSkipTlsVerify,
            Optional<ExecSpec> exec,
            List<String> problems) {
        this(
                name,
                source,
                clusterName,
                server,
                user,
                namespace,
                insecureSkipTlsVerify,
                exec,
                problems,
                ConnectionDetails.none());
    }

    /** True when the context has no problems and can be handed to {@link ClientFactory}. */
    public boolean usable() {
        return problems.isEmpty();
    }
}

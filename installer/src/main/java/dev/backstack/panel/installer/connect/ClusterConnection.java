package dev.backstack.panel.installer.connect;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;

/**
 * A client built for one kubeconfig context, with what the user should be told about it (for
 * example that TLS verification is off) and, for exec users, the credential provider so the UI
 * can cancel a pending browser login or force a new token. Closing it cancels a running plugin
 * and closes the client. Thread-safe, like the client.
 *
 * @param context     the context the client was built from
 * @param client      the fabric8 client; owned by this connection
 * @param warnings    messages to show before or while using the client
 * @param credentials the exec credential provider, when the user has an exec plugin
 */
public record ClusterConnection(
        ContextEntry context,
        KubernetesClient client,
        List<String> warnings,
        Optional<ExecCredentialProvider> credentials)
        implements AutoCloseable {

    public ClusterConnection {
        warnings = List.copyOf(warnings);
    }

    @Override
    public void close() {
        credentials.ifPresent(ExecCredentialProvider::cancel);
        client.close();
    }
}

package dev.backstack.panel.installer.helm;

import dev.backstack.panel.installer.connect.Redactor;
import java.util.Set;

/**
 * Turns what helm-java throws into {@link HelmException}s whose message names the operation, the
 * release and the chart, with Helm's own reason cleaned: the credentials of the kubeconfig in use
 * and whatever {@link Redactor} recognises (bearer tokens, keys, PEM blocks) masked, whitespace
 * collapsed, length capped. The original exception is not attached as the cause, since its
 * message is not cleaned.
 *
 * <p>Stateless; safe on any thread.
 */
final class HelmFailures {

    private static final int MAX_REASON = 800;

    private HelmFailures() {}

    /** {@code "Helm install of release ns/name (chart c 1.0 from r) failed: reason"}. */
    static HelmException failed(
            String operation, String name, String namespace, ChartRef chart, RuntimeException e, KubeAccess kube) {
        return new HelmException("Helm " + operation + " of release " + namespace + "/" + name
                + (chart == null ? "" : " (chart " + chart + ")") + " failed: " + clean(e, secretsOf(kube)));
    }

    static Set<String> secretsOf(KubeAccess kube) {
        return kube == null ? Set.of() : KubeconfigContents.secretValues(kube.kubeconfigYaml());
    }

    /** The exception's message, without the given secrets, other secret-looking text or runs of whitespace. */
    static String clean(Exception e, Set<String> secrets) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        for (String secret : secrets) {
            if (secret.length() >= 4) {
                message = message.replace(secret, Redactor.MASK);
            }
        }
        message = Redactor.redact(message);
        message = message.replaceAll("\\s+", " ").strip();
        return message.length() <= MAX_REASON ? message : message.substring(0, MAX_REASON) + " ...";
    }
}

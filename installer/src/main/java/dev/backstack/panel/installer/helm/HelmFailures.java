package dev.backstack.panel.installer.helm;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns what helm-java throws into {@link HelmException}s whose message names the operation, the
 * release and the chart, with Helm's own reason cleaned: credentials of the kubeconfig in use and
 * anything after {@code Bearer } replaced by {@code [redacted]}, whitespace collapsed, length
 * capped. The original exception is not attached as the cause, since its message is not cleaned.
 *
 * <p>Stateless; safe on any thread.
 */
final class HelmFailures {

    static final String REDACTED = "[redacted]";
    private static final int MAX_REASON = 800;
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)\\S+");

    private HelmFailures() {
    }

    /** {@code "Helm install of release ns/name (chart c 1.0 from r) failed: reason"}. */
    static HelmException failed(String operation, String name, String namespace, ChartRef chart, RuntimeException e,
            KubeAccess kube) {
        return new HelmException("Helm " + operation + " of release " + namespace + "/" + name
                + (chart == null ? "" : " (chart " + chart + ")") + " failed: " + clean(e, secretsOf(kube)));
    }

    static Set<String> secretsOf(KubeAccess kube) {
        return kube == null ? Set.of() : KubeconfigContents.secretValues(kube.kubeconfigYaml());
    }

    /** The exception's message, without the given secrets, bearer tokens or runs of whitespace. */
    static String clean(Exception e, Set<String> secrets) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        for (String secret : secrets) {
            if (secret.length() >= 4) {
                message = message.replace(secret, REDACTED);
            }
        }
        message = BEARER.matcher(message).replaceAll("$1" + REDACTED);
        message = message.replaceAll("\\s+", " ").strip();
        return message.length() <= MAX_REASON ? message : message.substring(0, MAX_REASON) + " ...";
    }
}

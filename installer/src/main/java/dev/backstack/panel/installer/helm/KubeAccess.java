package dev.backstack.panel.installer.helm;

import java.util.Objects;

/**
 * The kubeconfig Helm uses for one cluster, as contents held in memory (never a file), holding
 * exactly one context. {@link #toString()} never shows the contents.
 */
public final class KubeAccess {

    private final String contextName;
    private final String kubeconfigYaml;

    public KubeAccess(String contextName, String kubeconfigYaml) {
        this.contextName = Objects.requireNonNull(contextName, "contextName");
        this.kubeconfigYaml = Objects.requireNonNull(kubeconfigYaml, "kubeconfigYaml");
    }

    public String contextName() {
        return contextName;
    }

    /** The kubeconfig contents; pass them to Helm only, never to a log or a file. */
    public String kubeconfigYaml() {
        return kubeconfigYaml;
    }

    @Override
    public String toString() {
        return "KubeAccess[" + contextName + ", contents redacted]";
    }
}

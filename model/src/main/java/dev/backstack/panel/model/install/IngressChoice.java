package dev.backstack.panel.model.install;

/** How the hub's web UIs are exposed. */
public enum IngressChoice {
    /** Use the IngressClass or Gateway the cluster already has. */
    EXISTING("Use the cluster's existing ingress class or Gateway", false),
    /** Install Envoy Gateway, a maintained Gateway API controller. */
    GATEWAY_API("Install Envoy Gateway (Gateway API)", false),
    /** Install ingress-nginx, retired upstream in March 2026: only as an explicit choice. */
    INGRESS_NGINX("Install ingress-nginx (retired upstream in March 2026, no security fixes)", true);

    private final String label;
    private final boolean retired;

    IngressChoice(String label, boolean retired) {
        this.label = label;
        this.retired = retired;
    }

    public String label() {
        return label;
    }

    public boolean retired() {
        return retired;
    }
}

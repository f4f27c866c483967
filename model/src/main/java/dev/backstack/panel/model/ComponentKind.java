package dev.backstack.panel.model;

import java.util.List;

/**
 * The hub components the panel knows. Each has the namespaces where its installations live (the
 * reference implementation's first), the Helm chart names that install it, and the name of its
 * main workload (whose version labels the component).
 */
public enum ComponentKind {
    BACKSTAGE("Backstage", true, List.of("backstage"), List.of("backstage"), "backstage"),
    ARGO_CD("Argo CD", true, List.of("argocd", "argo-cd"), List.of("argo-cd"), "argocd-server"),
    CROSSPLANE("Crossplane", true, List.of("crossplane-system"), List.of("crossplane"), "crossplane"),
    KYVERNO("Kyverno", true, List.of("kyverno"), List.of("kyverno"), "kyverno-admission-controller"),
    INGRESS("Ingress NGINX", false, List.of("ingress-nginx"), List.of("ingress-nginx"), "ingress-nginx-controller"),
    CERT_MANAGER("cert-manager", false, List.of("cert-manager"), List.of("cert-manager"), "cert-manager"),
    VAULT("Vault", false, List.of("vault"), List.of("vault"), "vault");

    private final String displayName;
    private final boolean back;
    private final List<String> namespaces;
    private final List<String> charts;
    private final String mainWorkload;

    ComponentKind(String displayName, boolean back, List<String> namespaces, List<String> charts, String mainWorkload) {
        this.displayName = displayName;
        this.back = back;
        this.namespaces = namespaces;
        this.charts = charts;
        this.mainWorkload = mainWorkload;
    }

    public String displayName() {
        return displayName;
    }

    /** One of the four BACK components (the others are supporting pieces). */
    public boolean isBack() {
        return back;
    }

    public List<String> namespaces() {
        return namespaces;
    }

    public List<String> charts() {
        return charts;
    }

    public String mainWorkload() {
        return mainWorkload;
    }

    /** Every namespace any component lives in: what the workload informers watch. */
    public static List<String> allNamespaces() {
        return java.util.Arrays.stream(values())
                .flatMap(k -> k.namespaces.stream())
                .distinct()
                .toList();
    }
}

package dev.backstack.panel.bench.scale;

import java.util.List;

/**
 * The size of the simulated large fleet, shared by the load side ({@link MockHub}) and the panel
 * side ({@link ScaleBench}): spokes (Argo CD cluster secrets), Applications per spoke,
 * PolicyReports in team namespaces and Deployments in the component namespaces, plus one
 * sentinel Application whose message carries a wall-clock stamp once a second.
 */
record HubShape(int spokes, int appsPerSpoke, int reports, int deployments) {

    static final String SENTINEL = "sentinel";
    static final int TEAM_NAMESPACES = 50;
    /** Where the panel's workload informers look (ComponentKind.allNamespaces()). */
    static final List<String> COMPONENT_NAMESPACES =
            List.of("argocd", "crossplane-system", "kyverno", "backstage", "ingress-nginx", "cert-manager", "vault");

    static HubShape defaults() {
        return new HubShape(300, 60, 1000, 700);
    }

    int applications() {
        return spokes * appsPerSpoke + 1;
    }

    int objects() {
        return spokes + applications() + reports + deployments;
    }

    String spokeName(int i) {
        return String.format("spoke-%03d", i);
    }

    String spokeServer(int i) {
        return "https://" + spokeName(i) + ".clusters.example:6443";
    }

    String appName(int spoke, int j) {
        return String.format("%s-app-%02d", spokeName(spoke), j);
    }

    String reportNamespace(int i) {
        return "team-" + (i % TEAM_NAMESPACES);
    }

    String reportName(int i) {
        return String.format("polr-%04d", i);
    }

    String deploymentNamespace(int i) {
        return COMPONENT_NAMESPACES.get(i % COMPONENT_NAMESPACES.size());
    }

    String deploymentName(int i) {
        return String.format("workload-%04d", i);
    }

    List<String> args() {
        return List.of(
                "--spokes",
                "" + spokes,
                "--apps-per-spoke",
                "" + appsPerSpoke,
                "--reports",
                "" + reports,
                "--deployments",
                "" + deployments);
    }

    /** Parses the flags of {@link #args()} from a command line, defaults for the rest. */
    static HubShape parse(String[] args) {
        HubShape s = defaults();
        int spokes = s.spokes;
        int apps = s.appsPerSpoke;
        int reports = s.reports;
        int deployments = s.deployments;
        for (int i = 0; i < args.length - 1; i++) {
            switch (args[i]) {
                case "--spokes" -> spokes = Integer.parseInt(args[i + 1]);
                case "--apps-per-spoke" -> apps = Integer.parseInt(args[i + 1]);
                case "--reports" -> reports = Integer.parseInt(args[i + 1]);
                case "--deployments" -> deployments = Integer.parseInt(args[i + 1]);
                default -> {}
            }
        }
        return new HubShape(spokes, apps, reports, deployments);
    }
}

package dev.backstack.panel.installer.live;

import dev.backstack.panel.model.ComponentKind;
import dev.backstack.panel.model.KindRef;
import dev.backstack.panel.model.Kinds;
import dev.backstack.panel.model.kinds.KindInfo;
import dev.backstack.panel.model.kinds.KindRegistry;
import dev.backstack.panel.model.rules.SpokeDetector;
import java.util.ArrayList;
import java.util.List;

/**
 * What a BACK hub (or spoke) holds, as the kinds to watch: workloads and ingresses, pods in the
 * component namespaces, Argo CD cluster secrets, and the custom kinds of Crossplane, the BACK
 * Stack APIs, provider-helm, provider-kubernetes, Argo CD and Kyverno (its policies, and its reports
 * in both API groups: {@code wgpolicyk8s.io} and {@code openreports.io}).
 */
public final class WatchCatalog {

    private WatchCatalog() {}

    /** Built-in kinds, started at once. */
    public static List<KindSpec> builtIns() {
        List<KindSpec> out = new ArrayList<>();
        for (String kind : List.of("Deployment", "StatefulSet", "DaemonSet")) {
            out.add(builtIn("apps/v1", kind));
        }
        out.add(builtIn("networking.k8s.io/v1", "Ingress"));
        for (String ns : ComponentKind.allNamespaces()) {
            out.add(builtIn("v1", "Pod").inNamespace(ns));
        }
        out.add(builtIn("v1", "Secret").inNamespace("argocd").withLabels(SpokeDetector.SECRET_TYPE_LABEL + "=cluster"));
        return out;
    }

    /** Custom kinds, each started while its CRD is Established. */
    public static List<KindSpec> customs() {
        return CUSTOM.stream()
                .map(ref -> {
                    KindInfo k = KindRegistry.standard().require(ref);
                    return KindSpec.custom(k.group(), k.kind(), k.plural(), k.namespaced());
                })
                .toList();
    }

    private static KindSpec builtIn(String apiVersion, String kind) {
        KindInfo k = KindRegistry.standard().require(apiVersion, kind);
        return KindSpec.builtIn(k.group(), k.version(), k.kind(), k.plural(), k.namespaced());
    }

    /** The custom kinds the live view watches, resolved through the one {@link KindRegistry}. */
    private static final List<KindRef> CUSTOM = List.of(
            Kinds.PROVIDER,
            Kinds.FUNCTION,
            Kinds.CONFIGURATION,
            Kinds.XRD,
            Kinds.RELEASE,
            Kinds.K8S_OBJECT,
            Kinds.HUB,
            Kinds.XHUB,
            Kinds.AKS_CLUSTER,
            Kinds.EKS_CLUSTER,
            Kinds.XAKS_CLUSTER,
            Kinds.XEKS_CLUSTER,
            Kinds.APPLICATION,
            Kinds.APPLICATION_SET,
            Kinds.CLUSTER_POLICY,
            Kinds.POLICY,
            Kinds.VALIDATING_POLICY,
            Kinds.POLICY_REPORT,
            Kinds.CLUSTER_POLICY_REPORT,
            Kinds.REPORT,
            Kinds.CLUSTER_REPORT);

    /** Kyverno's report kinds of both API groups ({@code wgpolicyk8s.io} and {@code openreports.io}). */
    public static final List<KindRef> REPORTS =
            List.of(Kinds.POLICY_REPORT, Kinds.CLUSTER_POLICY_REPORT, Kinds.REPORT, Kinds.CLUSTER_REPORT);
}

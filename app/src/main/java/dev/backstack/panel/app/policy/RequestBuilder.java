package dev.backstack.panel.app.policy;

import dev.backstack.panel.installer.policy.PolicyClusters;
import dev.backstack.panel.model.policy.PolicyRequest;
import dev.backstack.panel.model.policy.PolicySelection;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code --to}, {@code --gitops} and {@code --selector} flags as a {@link PolicyRequest}. */
final class RequestBuilder {

    private static final DateTimeFormatter BRANCH_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RequestBuilder() {}

    static PolicyRequest of(PoliciesOptions o, List<PolicySelection> selections, PolicyClusters clusters) {
        boolean hub = o.to().contains("hub") || o.to().contains(clusters.hub());
        boolean allSpokes = o.to().contains("spokes");
        List<String> named = o.to().stream()
                .filter(t -> !t.equals("hub") && !t.equals("spokes") && !t.equals(clusters.hub()))
                .toList();
        for (String n : named) {
            if (!clusters.spokes().contains(n)) {
                throw new IllegalArgumentException("--to " + n + ": no such spoke in the fleet (spokes: "
                        + String.join(", ", clusters.spokes()) + ")");
            }
        }
        if (o.gitops().isEmpty()) {
            List<String> spokes = allSpokes ? clusters.spokes() : named;
            return new PolicyRequest(selections, hub, spokes, Map.of(), PolicyRequest.Delivery.APPLY, null);
        }
        if (!named.isEmpty()) {
            throw new IllegalArgumentException(
                    "--gitops delivers to spokes by label (--to spokes, --selector K=V), " + "not by name: " + named);
        }
        Map<String, String> selector =
                !o.selector().isEmpty() ? o.selector() : allSpokes ? PolicyRequest.SPOKES : Map.of();
        String branch =
                o.branch().orElse("backstack/policies-" + LocalDateTime.now().format(BRANCH_TIME));
        return new PolicyRequest(
                selections,
                hub,
                new ArrayList<>(),
                selector,
                PolicyRequest.Delivery.GITOPS,
                new PolicyRequest.GitOpsChoice(o.gitops().get(), o.base(), branch));
    }
}

package dev.backstack.panel.app.policy;

import dev.backstack.panel.installer.policy.PolicyImpact;
import dev.backstack.panel.installer.policy.cel.NamespaceImpact;
import dev.backstack.panel.installer.policy.cel.ObjectImpact;
import java.util.List;

/** The impact preview as {@code policies apply --impact} prints it: per cluster and policy, per namespace, each refused object. */
final class ImpactPrinter {

    private ImpactPrinter() {}

    static String table(List<PolicyImpact> impact) {
        StringBuilder s =
                new StringBuilder("Impact preview (what Enforce would refuse among the objects that exist now):\n");
        for (PolicyImpact i : impact) {
            s.append("  ").append(i.summary()).append('\n');
            if (i.evaluated() == null) {
                continue;
            }
            for (NamespaceImpact n : i.evaluated().byNamespace()) {
                if (n.blockedCount() > 0) {
                    s.append("    ")
                            .append(n.namespace().isEmpty() ? "(cluster)" : n.namespace())
                            .append(": ")
                            .append(n.blockedCount())
                            .append(" of ")
                            .append(n.matched())
                            .append('\n');
                }
            }
            for (ObjectImpact o : i.evaluated().blockedObjects()) {
                s.append("      ")
                        .append(o.label())
                        .append(": ")
                        .append(o.message())
                        .append('\n');
            }
            i.reported()
                    .forEach(r -> s.append("      reported in Audit: ")
                            .append(r.namespace())
                            .append('/')
                            .append(r.name())
                            .append(": ")
                            .append(r.message())
                            .append('\n'));
        }
        return s.toString();
    }
}

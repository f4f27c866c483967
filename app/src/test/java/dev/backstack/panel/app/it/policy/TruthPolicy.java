package dev.backstack.panel.app.it.policy;

import dev.backstack.panel.model.policy.CelTemplate;
import dev.backstack.panel.model.policy.CelValidation;
import dev.backstack.panel.model.policy.CelVariable;
import dev.backstack.panel.model.policy.PolicyEntry;
import dev.backstack.panel.model.policy.ResourceMatch;
import java.util.List;
import java.util.Map;

/**
 * A policy as the truth test installs it: rendered CEL (no placeholders left), the kinds it
 * matches and the namespaces it leaves alone.
 *
 * @param name a Kubernetes name; the ValidatingAdmissionPolicy and its binding are {@code truth-<name>}
 */
public record TruthPolicy(
        String name,
        List<ResourceMatch> matches,
        List<CelVariable> variables,
        List<CelValidation> validations,
        List<String> excludedNamespaces) {

    public TruthPolicy {
        matches = List.copyOf(matches);
        variables = List.copyOf(variables);
        validations = List.copyOf(validations);
        excludedNamespaces = List.copyOf(excludedNamespaces);
    }

    /** A catalog entry rendered with these parameter values (expressions and messages). */
    public static TruthPolicy of(PolicyEntry entry, Map<String, Object> values, List<String> excludedNamespaces) {
        return new TruthPolicy(
                entry.id(),
                entry.matches(),
                entry.variables().stream()
                        .map(v -> new CelVariable(v.name(), CelTemplate.render(v.expression(), values)))
                        .toList(),
                entry.validations().stream()
                        .map(v -> new CelValidation(
                                CelTemplate.render(v.expression(), values),
                                v.message() == null ? null : CelTemplate.renderMessage(v.message(), values)))
                        .toList(),
                excludedNamespaces);
    }

    public String objectName() {
        return "truth-" + name;
    }
}

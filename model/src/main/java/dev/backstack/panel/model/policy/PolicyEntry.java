package dev.backstack.panel.model.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One guardrail of the panel's catalog: what it checks (CEL templates over the matched kinds),
 * its parameters, and sample objects that pass and fail it (used by the tests and shown in the
 * wizard).
 *
 * @param matches     the kinds it applies to (on create and update)
 * @param variables   CEL variables, templates
 * @param validations CEL rules, templates; messages may name parameters too
 * @param passing     objects the rule admits (with its default parameters)
 * @param failing     objects the rule refuses (with its default parameters)
 */
public record PolicyEntry(
        String id,
        String title,
        String description,
        PolicyCategory category,
        Severity severity,
        PolicyMode defaultMode,
        List<PolicyParameter> parameters,
        List<ResourceMatch> matches,
        List<CelVariable> variables,
        List<CelValidation> validations,
        List<Map<String, Object>> passing,
        List<Map<String, Object>> failing) {

    public PolicyEntry {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
            throw new IllegalArgumentException("policy id " + id + " is not a Kubernetes name");
        }
        parameters = List.copyOf(parameters);
        matches = List.copyOf(matches);
        variables = List.copyOf(variables);
        validations = List.copyOf(validations);
        passing = List.copyOf(passing);
        failing = List.copyOf(failing);
        for (PolicyParameter p : parameters) {
            ParamCheck d = p.check(p.defaultValue());
            if (!d.valid()) {
                throw new IllegalArgumentException(
                        "policy " + id + ": default of " + p.name() + " is not valid: " + d.error());
            }
        }
        if (matches.isEmpty() || validations.isEmpty()) {
            throw new IllegalArgumentException("policy " + id + " needs at least one kind and one validation");
        }
    }

    public Optional<PolicyParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The default value of every parameter. */
    public Map<String, Object> defaults() {
        Map<String, Object> out = new LinkedHashMap<>();
        parameters.forEach(p -> out.put(p.name(), p.defaultValue()));
        return out;
    }

    /** Whether any matched kind is namespaced (namespace exclusions mean something). */
    public boolean namespaced() {
        return matches.stream().anyMatch(ResourceMatch::namespaced);
    }
}

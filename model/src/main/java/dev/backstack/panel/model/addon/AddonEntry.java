package dev.backstack.panel.model.addon;

import dev.backstack.panel.model.policy.PolicyParameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One add-on of the panel's catalog: something the fleet's Argo CD installs on every matching
 * spoke through an ApplicationSet. Pure and immutable.
 *
 * @param id          a DNS label, unique in the catalog; also the ApplicationSet's name
 * @param source      a Helm chart or a folder of the GitOps repository
 * @param namespace   where the add-on is installed on each spoke
 * @param parameters  typed parameters; each one's {@code name} is a dotted path into the chart's values
 *                    ({@code prometheus.prometheusSpec.retention})
 * @param needs       ids of the add-ons that must be installed first
 * @param createsCrds whether the add-on installs CustomResourceDefinitions (others may use them)
 * @param syncOptions Argo CD sync options beyond the ones every add-on gets
 * @param values      fixed Helm values every install gets (the parameters' values are merged over them)
 */
public record AddonEntry(String id, String title, String description, AddonSource source, String namespace,
        List<PolicyParameter> parameters, List<String> needs, boolean createsCrds, List<String> syncOptions,
        Map<String, Object> values) {

    private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

    public AddonEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(namespace, "namespace");
        if (!id.matches(DNS_LABEL) || id.length() > 63) {
            throw new IllegalArgumentException("add-on id \"" + id + "\" is not a DNS label");
        }
        if (!namespace.matches(DNS_LABEL) || namespace.length() > 63) {
            throw new IllegalArgumentException("add-on " + id + ": namespace \"" + namespace + "\" is not a namespace name");
        }
        title = title == null ? id : title;
        description = description == null ? "" : description;
        parameters = List.copyOf(parameters);
        needs = List.copyOf(new java.util.LinkedHashSet<>(needs));
        syncOptions = List.copyOf(syncOptions);
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        if (needs.contains(id)) {
            throw new IllegalArgumentException("add-on " + id + " needs itself");
        }
    }

    /** The parameter with this name, if the entry has it. */
    public java.util.Optional<PolicyParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Every parameter's default, in catalog order. */
    public Map<String, Object> defaults() {
        Map<String, Object> out = new LinkedHashMap<>();
        parameters.forEach(p -> out.put(p.name(), p.defaultValue()));
        return java.util.Collections.unmodifiableMap(out);
    }
}

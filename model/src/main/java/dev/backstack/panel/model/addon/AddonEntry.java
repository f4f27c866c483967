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
public record AddonEntry(
        String id,
        String title,
        String description,
        AddonSource source,
        String namespace,
        List<PolicyParameter> parameters,
        List<String> needs,
        boolean createsCrds,
        List<String> syncOptions,
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
            throw new IllegalArgumentException(
                    "add-on " + id + ": namespace \"" + namespace + "\" is not a namespace name");
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

    /**
     * An add-on the user adds by chart coordinates: {@code REPOSITORY/CHART@VERSION}, the
     * repository an {@code https://} Helm repository or an {@code oci://} registry path, the version
     * pinned exactly. It has no typed parameters (its chart's defaults apply) and needs nothing.
     *
     * @throws IllegalArgumentException what is wrong with the coordinates, said for the user
     */
    public static AddonEntry ofChart(String id, String coordinates, String namespace) {
        String c = coordinates == null ? "" : coordinates.trim();
        int at = c.lastIndexOf('@');
        int slash = at < 0 ? -1 : c.lastIndexOf('/', at);
        if (at < 0 || slash < 0 || at == c.length() - 1 || slash == at - 1) {
            throw new IllegalArgumentException("add-on " + id + ": chart \"" + c + "\" is not REPOSITORY/CHART@VERSION "
                    + "(for example https://charts.jetstack.io/cert-manager@v1.16.1)");
        }
        String repository = c.substring(0, slash);
        if (!repository.matches("(https|oci)://[^\\s/]+.*")) {
            throw new IllegalArgumentException("add-on " + id + ": the chart repository " + repository
                    + " is not an https:// Helm repository or an oci:// registry path");
        }
        String version = c.substring(at + 1);
        if (version.matches(".*[*^~<>= ].*") || version.equals("latest")) {
            throw new IllegalArgumentException("add-on " + id + ": pin the chart to one version, not " + version);
        }
        return new AddonEntry(
                id,
                id,
                "added by chart coordinates",
                new AddonSource.Chart(c.substring(slash + 1, at), repository, version, "", "added by the user"),
                namespace == null ? id : namespace,
                List.of(),
                List.of(),
                false,
                List.of(),
                Map.of());
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

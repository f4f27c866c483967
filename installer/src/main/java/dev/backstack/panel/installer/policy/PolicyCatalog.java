package dev.backstack.panel.installer.policy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.backstack.panel.model.policy.CelValidation;
import dev.backstack.panel.model.policy.CelVariable;
import dev.backstack.panel.model.policy.PolicyCategory;
import dev.backstack.panel.model.policy.PolicyEntry;
import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.model.policy.PolicyParameter;
import dev.backstack.panel.model.policy.ResourceMatch;
import dev.backstack.panel.model.policy.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The panel's catalog of guardrails, read from {@code resources} ({@code policies/catalog.yaml})
 * into the model's {@link PolicyEntry} records. Immutable; load once.
 */
public final class PolicyCatalog {

    static final String RESOURCE = "/dev/backstack/panel/resources/policies/catalog.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final List<PolicyEntry> entries;

    private PolicyCatalog(List<PolicyEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The catalog the panel ships. */
    public static PolicyCatalog load() {
        return parse(CatalogYaml.read(PolicyCatalog.class, RESOURCE, "policy catalog"));
    }

    static PolicyCatalog parse(JsonNode root) {
        List<PolicyEntry> out = new ArrayList<>();
        for (JsonNode e : root.path("entries")) {
            String id = e.path("id").asText();
            try {
                out.add(entry(e));
            } catch (RuntimeException ex) {
                throw new IllegalStateException("policy catalog entry " + id + ": " + ex.getMessage(), ex);
            }
        }
        return new PolicyCatalog(out);
    }

    public List<PolicyEntry> entries() {
        return entries;
    }

    public Optional<PolicyEntry> entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Entries whose id, title, description or category contain the text (case-insensitive). */
    public List<PolicyEntry> search(String text) {
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return entries.stream()
                .filter(e -> q.isEmpty()
                        || (e.id() + " " + e.title() + " " + e.description() + " "
                                        + e.category().title())
                                .toLowerCase(Locale.ROOT)
                                .contains(q))
                .toList();
    }

    private static PolicyEntry entry(JsonNode e) {
        List<PolicyParameter> params = new ArrayList<>();
        e.path("parameters").forEach(p -> params.add(CatalogYaml.parameter(p)));
        List<ResourceMatch> matches = new ArrayList<>();
        e.path("matches")
                .forEach(m -> matches.add(new ResourceMatch(
                        m.path("group").asText(),
                        m.path("version").asText(),
                        m.path("kind").asText(),
                        m.path("plural").asText(),
                        m.path("namespaced").asBoolean(true))));
        List<CelVariable> variables = new ArrayList<>();
        e.path("variables")
                .forEach(v -> variables.add(new CelVariable(
                        v.path("name").asText(), v.path("expression").asText())));
        List<CelValidation> validations = new ArrayList<>();
        e.path("validations")
                .forEach(v -> validations.add(new CelValidation(
                        v.path("expression").asText(), v.path("message").asText())));
        return new PolicyEntry(
                e.path("id").asText(),
                e.path("title").asText(),
                e.path("description").asText(),
                PolicyCategory.valueOf(e.path("category").asText()),
                Severity.valueOf(e.path("severity").asText()),
                PolicyMode.valueOf(e.path("defaultMode").asText()),
                params,
                matches,
                variables,
                validations,
                objects(e.path("passing")),
                objects(e.path("failing")));
    }

    private static List<Map<String, Object>> objects(JsonNode list) {
        List<Map<String, Object>> out = new ArrayList<>();
        list.forEach(o -> out.add(YAML.convertValue(o, OBJECT)));
        return out;
    }
}

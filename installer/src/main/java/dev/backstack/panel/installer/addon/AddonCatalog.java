package dev.backstack.panel.installer.addon;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.backstack.panel.installer.policy.CatalogYaml;
import dev.backstack.panel.model.addon.AddonEntry;
import dev.backstack.panel.model.addon.AddonSource;
import dev.backstack.panel.model.policy.PolicyParameter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The panel's add-on catalog, read from {@code resources} ({@code addons/catalog.yaml}) into
 * {@link AddonEntry} records. Loading refuses duplicate ids, a {@code needs} naming no entry and
 * a cycle of needs, so every catalog that loads has {@link #waves()}. Immutable; load once, then
 * use from any thread.
 */
public final class AddonCatalog {

    static final String RESOURCE = "/dev/backstack/panel/resources/addons/catalog.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final List<AddonEntry> entries;
    private final Map<String, Integer> waves;

    AddonCatalog(List<AddonEntry> entries) {
        this.entries = List.copyOf(entries);
        Set<String> seen = new HashSet<>();
        for (AddonEntry e : entries) {
            if (!seen.add(e.id())) {
                throw new IllegalStateException("add-on catalog: id " + e.id() + " appears twice");
            }
        }
        for (AddonEntry e : entries) {
            for (String need : e.needs()) {
                if (!seen.contains(need)) {
                    throw new IllegalStateException(
                            "add-on catalog: " + e.id() + " needs " + need + ", which is not in the catalog");
                }
            }
        }
        this.waves = SyncWaves.of(entries);
    }

    /** The catalog the panel ships. */
    public static AddonCatalog load() {
        return parse(CatalogYaml.read(AddonCatalog.class, RESOURCE, "add-on catalog"));
    }

    static AddonCatalog parse(JsonNode root) {
        List<AddonEntry> out = new ArrayList<>();
        for (JsonNode e : root.path("entries")) {
            try {
                out.add(entry(e));
            } catch (RuntimeException ex) {
                throw new IllegalStateException(
                        "add-on catalog entry " + e.path("id").asText() + ": " + ex.getMessage(), ex);
            }
        }
        return new AddonCatalog(out);
    }

    /** This catalog and the add-ons the user added by chart coordinates (an id already taken is refused). */
    public AddonCatalog with(List<AddonEntry> added) {
        if (added.isEmpty()) {
            return this;
        }
        for (AddonEntry e : added) {
            if (entry(e.id()).isPresent()) {
                throw new IllegalArgumentException(
                        "add-on " + e.id() + " is already in the catalog: choose another id " + "for your chart");
            }
        }
        List<AddonEntry> all = new java.util.ArrayList<>(entries);
        all.addAll(added);
        return new AddonCatalog(all);
    }

    public List<AddonEntry> entries() {
        return entries;
    }

    public Optional<AddonEntry> entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Each entry's Argo CD sync wave: 0 without needs, else one more than the latest of its needs. */
    public Map<String, Integer> waves() {
        return waves;
    }

    private static AddonEntry entry(JsonNode e) {
        List<PolicyParameter> params = new ArrayList<>();
        e.path("parameters").forEach(p -> params.add(CatalogYaml.parameter(p)));
        List<String> needs = new ArrayList<>();
        e.path("needs").forEach(n -> needs.add(n.asText()));
        List<String> syncOptions = new ArrayList<>();
        e.path("syncOptions").forEach(n -> syncOptions.add(n.asText()));
        Map<String, Object> values = e.has("values") ? YAML.convertValue(e.get("values"), OBJECT) : Map.of();
        return new AddonEntry(
                e.path("id").asText(),
                e.path("title").asText(),
                e.path("description").asText(""),
                source(e),
                e.path("namespace").asText(),
                params,
                needs,
                e.path("createsCrds").asBoolean(false),
                syncOptions,
                values);
    }

    private static AddonSource source(JsonNode e) {
        JsonNode c = e.path("chart");
        if (c.isObject()) {
            return new AddonSource.Chart(
                    c.path("name").asText(),
                    c.path("repository").asText(),
                    c.path("version").asText(),
                    c.path("appVersion").asText(""),
                    c.path("source").asText(""));
        }
        JsonNode g = e.path("git");
        if (g.isObject()) {
            return new AddonSource.Git(g.path("path").asText(), g.path("source").asText(""));
        }
        throw new IllegalStateException("needs a chart or a git source");
    }
}

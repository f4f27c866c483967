package dev.backstack.panel.app.addon;

import dev.backstack.panel.app.install.PlanExits;
import dev.backstack.panel.installer.addon.AddonCatalog;
import dev.backstack.panel.installer.addon.AddonRenderer;
import dev.backstack.panel.model.addon.AddonEntry;
import dev.backstack.panel.model.addon.AddonSelection;
import dev.backstack.panel.model.addon.AddonSource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code addons list|render}: the add-on catalog, and its ApplicationSets as YAML. No cluster is
 * needed. Exit codes are the install command's: 0 done, 2 usage (an unknown add-on or parameter,
 * a value its parameter refuses).
 */
public final class AddonsCommand {

    private final AddonsOptions options;
    private final PrintStream out;
    private final PrintStream err;

    public AddonsCommand(AddonsOptions options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    public int run() {
        AddonCatalog catalog = AddonCatalog.load();
        if (options.action().equals("list")) {
            out.print(table(catalog));
            return PlanExits.OK;
        }
        try {
            List<AddonSelection> selections = selections(catalog);
            AddonRenderer.render(catalog, selections, options.gitops().orElse(null), options.base())
                    .forEach(a -> out.print(Serialization.asYaml(a)));
            return PlanExits.OK;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return PlanExits.USAGE;
        }
    }

    private List<AddonSelection> selections(AddonCatalog catalog) {
        if (options.addons().isEmpty()) {
            throw new IllegalArgumentException("choose add-ons with --addon ID (addons list shows them)");
        }
        for (String key : options.values().keySet()) {
            String id = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
            if (!options.addons().contains(id)) {
                throw new IllegalArgumentException("--set " + key + ": not ID.PARAM of a chosen --addon");
            }
        }
        List<AddonSelection> out = new ArrayList<>();
        for (String id : options.addons()) {
            AddonEntry entry = catalog.entry(id).orElseThrow(() -> new IllegalArgumentException(
                    "no add-on " + id + " in the catalog (addons list shows them)"));
            AddonSelection s = AddonSelection.ofDefaults(entry);
            if (!options.spokes().isEmpty()) {
                s = s.withSpokes(options.spokes());
            } else if (!options.selector().isEmpty()) {
                s = s.withSelector(options.selector());
            }
            for (Map.Entry<String, String> v : options.values().entrySet()) {
                if (v.getKey().startsWith(id + ".")) {
                    s = s.withText(v.getKey().substring(id.length() + 1), v.getValue());
                }
            }
            out.add(s);
        }
        return out;
    }

    static String table(AddonCatalog catalog) {
        String row = "%-22s %-50s %-21s %-18s %s%n";
        StringBuilder s = new StringBuilder(String.format(row, "ID", "SOURCE", "NAMESPACE", "NEEDS",
                "PARAMETERS (defaults)"));
        for (AddonEntry e : catalog.entries()) {
            String source = e.source() instanceof AddonSource.Chart c ? c.name() + " " + c.version()
                    : "git: " + ((AddonSource.Git) e.source()).path();
            s.append(String.format(row, e.id(), source, e.namespace(), e.needs().isEmpty() ? "-" : String.join(",", e.needs()),
                    String.join("; ", e.parameters().stream().map(p -> p.name() + "=" + p.format(p.defaultValue())).toList())));
        }
        return s.toString();
    }
}

package dev.backstack.panel.model.addon;

import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.Fleet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Every spoke against every add-on, from the hub's Argo CD Applications: an ApplicationSet names
 * the Application it makes for a spoke {@code <spoke>-<add-on>} (the reference's and the panel's
 * pattern), so the add-ons are the suffixes found after a spoke's name. Pure and immutable; built
 * from a {@link Fleet} on any thread.
 *
 * @param addons the columns, sorted
 * @param rows   one per spoke, in the fleet's order
 */
public record AddonMatrix(List<String> addons, List<Row> rows) {

    /** One spoke: its cell per add-on (empty where the add-on has no Application for it). */
    public record Row(String spoke, Map<String, ApplicationStatus> cells) {
        public Row {
            cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        }

        public Optional<ApplicationStatus> cell(String addon) {
            return Optional.ofNullable(cells.get(addon));
        }
    }

    public AddonMatrix {
        addons = List.copyOf(addons);
        rows = List.copyOf(rows);
    }

    public static AddonMatrix of(Fleet fleet) {
        List<ApplicationStatus> apps =
                fleet.hub() == null ? List.of() : fleet.hub().applications();
        Map<String, Map<String, ApplicationStatus>> bySpoke = new LinkedHashMap<>();
        fleet.spokes().forEach(s -> bySpoke.put(s.name(), new LinkedHashMap<>()));
        TreeSet<String> addons = new TreeSet<>();
        for (ApplicationStatus a : apps) {
            // the longest spoke name followed by a dash owns it: eu-west's Applications are not eu's
            String name = a.name();
            for (int dash = name.lastIndexOf('-'); dash > 0; dash = name.lastIndexOf('-', dash - 1)) {
                Map<String, ApplicationStatus> cells = bySpoke.get(name.substring(0, dash));
                if (cells != null && dash < name.length() - 1) {
                    String addon = name.substring(dash + 1);
                    cells.put(addon, a);
                    addons.add(addon);
                    break;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        bySpoke.forEach((spoke, cells) -> rows.add(new Row(spoke, cells)));
        return new AddonMatrix(List.copyOf(addons), rows);
    }

    static Optional<String> addonOf(String application, String spoke) {
        String prefix = spoke + "-";
        return application.startsWith(prefix) && application.length() > prefix.length()
                ? Optional.of(application.substring(prefix.length()))
                : Optional.empty();
    }

    /** {@code Healthy · Synced}, {@code Degraded · Synced · retry 3}; empty for no Application. */
    public static String label(ApplicationStatus a) {
        if (a == null) {
            return "";
        }
        String health =
                a.health().name().charAt(0) + a.health().name().substring(1).toLowerCase(java.util.Locale.ROOT);
        return health + " \u00b7 " + a.syncStatus() + (a.retryCount() > 0 ? " \u00b7 retry " + a.retryCount() : "");
    }

    /** How long ago, coarsely: {@code 42s}, {@code 5m}, {@code 3h}, {@code 2d}; empty when unknown. */
    public static String age(java.time.Instant at, java.time.Instant now) {
        if (at == null || now == null) {
            return "";
        }
        long s = Math.max(0, java.time.Duration.between(at, now).getSeconds());
        return s < 60 ? s + "s" : s < 3600 ? s / 60 + "m" : s < 86_400 ? s / 3600 + "h" : s / 86_400 + "d";
    }

    /** The cell's text: {@link #label} and, when known, how long ago the last sync ended ({@code · 5m}). */
    public static String cellText(ApplicationStatus a, java.time.Instant now) {
        if (a == null) {
            return "";
        }
        String age = age(a.lastOperationAt(), now);
        return label(a) + (age.isEmpty() ? "" : " \u00b7 " + age);
    }
}

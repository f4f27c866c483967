package dev.backstack.panel.views.fleet;

import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.ComplianceSummary;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.Reachability;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A fleet the size of the scale benchmark's, built from the model records: a hub with {@code apps}
 * Argo CD applications and {@code spokes} spokes. Changing one object makes a new snapshot that
 * reuses every other record, as the store does.
 */
public final class BigFleet {

    private BigFleet() {}

    public static Fleet of(int spokes, int apps) {
        List<ApplicationStatus> applications = new ArrayList<>(apps);
        for (int i = 0; i < apps; i++) {
            applications.add(app(i, Health.HEALTHY));
        }
        List<Cluster> spokeList = new ArrayList<>(spokes);
        for (int i = 0; i < spokes; i++) {
            spokeList.add(spoke("spoke-" + i, Health.HEALTHY));
        }
        return new Fleet(hub(applications), spokeList, List.of(), false, 1, 1_000L);
    }

    public static ApplicationStatus app(int i, Health health) {
        return new ApplicationStatus(
                "argocd",
                "app-" + i,
                "default",
                health,
                health == Health.HEALTHY ? "" : "it broke",
                "Synced",
                "Succeeded",
                "",
                0,
                "https://spoke-" + (i % 300),
                "spoke-" + (i % 300),
                "web",
                false);
    }

    public static Cluster hub(List<ApplicationStatus> applications) {
        return new Cluster(
                "hub",
                "hub",
                ClusterRole.HUB,
                "https://hub",
                Set.of("test"),
                Reachability.REACHABLE,
                "v1.33.4",
                List.of(),
                applications,
                List.of(),
                ComplianceSummary.EMPTY,
                Optional.empty(),
                Assessment.healthy("all healthy"));
    }

    public static Cluster spoke(String id, Health health) {
        return new Cluster(
                id,
                id,
                ClusterRole.SPOKE,
                "https://" + id,
                Set.of("test"),
                Reachability.REACHABLE,
                "v1.33.4",
                List.of(),
                List.of(),
                List.of(),
                ComplianceSummary.EMPTY,
                Optional.empty(),
                health == Health.HEALTHY
                        ? Assessment.healthy("ok")
                        : Assessment.of(health, "Cluster " + id, "it broke"));
    }

    /** The same fleet, one hub application replaced (every other record the same instance). */
    public static Fleet withApp(Fleet f, int index, ApplicationStatus app) {
        List<ApplicationStatus> apps = new ArrayList<>(f.hub().applications());
        apps.set(index, app);
        return new Fleet(hub(apps), f.spokes(), f.watches(), f.simulated(), f.revision() + 1, f.takenMillis());
    }

    /** The same fleet, one spoke replaced (the hub and every other spoke the same instance). */
    public static Fleet withSpoke(Fleet f, int index, Cluster spoke) {
        List<Cluster> spokes = new ArrayList<>(f.spokes());
        spokes.set(index, spoke);
        return new Fleet(f.hub(), spokes, f.watches(), f.simulated(), f.revision() + 1, f.takenMillis());
    }
}

package dev.backstack.panel.installer.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.plan.PlanDiff;
import dev.backstack.panel.model.plan.PlanDiff.Change;
import dev.backstack.panel.model.plan.PlanDiff.Kind;
import dev.backstack.panel.model.plan.PreflightFinding;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UpgradeFindingTest {

    @Test
    @DisplayName("a fresh install passes; an unchanged hub passes; changed steps are a warning listing old and new")
    void upgradeFinding() {
        PreflightFinding fresh = InstallService.upgradeFinding(new PlanDiff(
                "", "lock 2026.11", List.of(new Change("crossplane", "Install Crossplane v2.3.4", "", Kind.NEW))));
        assertThat(fresh.passed()).isTrue();
        assertThat(fresh.detail()).contains("fresh install");

        PreflightFinding same = InstallService.upgradeFinding(new PlanDiff(
                "lock 2026.11",
                "lock 2026.11",
                List.of(new Change(
                        "crossplane", "Install Crossplane v2.3.4", "Install Crossplane v2.3.4", Kind.SAME))));
        assertThat(same.passed()).isTrue();
        assertThat(same.detail()).contains("every step as installed");

        PreflightFinding upgrade = InstallService.upgradeFinding(new PlanDiff(
                "lock 2026.08",
                "lock 2026.11",
                List.of(
                        new Change(
                                "crossplane", "Install Crossplane v2.3.4", "Install Crossplane v2.2.0", Kind.CHANGED),
                        new Change("gateway", "Create the hub's Gateway", "", Kind.NEW))));
        assertThat(upgrade.warns()).isTrue();
        assertThat(upgrade.detail())
                .contains(
                        "installed: lock 2026.08",
                        "this run: lock 2026.11",
                        "changed: Install Crossplane v2.3.4 (installed: Install Crossplane v2.2.0)",
                        "new:     Create the hub's Gateway");
    }
}

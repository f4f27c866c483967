package dev.backstack.panel.views.namespace;

import dev.backstack.panel.views.fx.Styles;
import dev.backstack.panel.views.wizard.Forms;
import dev.backstack.panel.views.wizard.WizardPage;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** The quota page: the namespace's ResourceQuota and a container's defaults (its LimitRange). */
final class QuotaPage extends WizardPage {

    private final TextField cpu;

    QuotaPage(QuotaViewModel vm) {
        super(
                "Quota and container defaults",
                "What the namespace may use in all, and what a container gets when it "
                        + "states no requests or limits. Kubernetes quantities: 500m or 2 CPUs, 512Mi or 8Gi of memory.",
                vm.validProperty());
        GridPane grid = Forms.grid();
        grid.add(Forms.section("Namespace quota"), 1, 0);
        cpu = TargetPage.field("ns-cpu", vm.cpuProperty(), "4");
        Forms.row(
                grid,
                "_CPU",
                cpu,
                "Requests and limits of all its pods together, in cores.",
                QuotaViewModel.problemOf("CPU quota", vm.cpuProperty()));
        Forms.row(
                grid,
                "_Memory",
                TargetPage.field("ns-memory", vm.memoryProperty(), "8Gi"),
                null,
                QuotaViewModel.problemOf("Memory quota", vm.memoryProperty()));
        Forms.row(grid, "P_ods", TargetPage.field("ns-pods", vm.podsProperty(), "20"), null, vm.podsProblemProperty());
        Forms.row(grid, "", Forms.section("Container defaults"), null, null);
        Forms.row(
                grid,
                "CPU _request",
                TargetPage.field("ns-request-cpu", vm.requestCpuProperty(), "100m"),
                null,
                QuotaViewModel.problemOf("Default CPU request", vm.requestCpuProperty()));
        Forms.row(
                grid,
                "Memory r_equest",
                TargetPage.field("ns-request-memory", vm.requestMemoryProperty(), "128Mi"),
                null,
                QuotaViewModel.problemOf("Default memory request", vm.requestMemoryProperty()));
        Forms.row(
                grid,
                "CPU _limit",
                TargetPage.field("ns-limit-cpu", vm.limitCpuProperty(), "500m"),
                null,
                QuotaViewModel.problemOf("Default CPU limit", vm.limitCpuProperty()));
        Forms.row(
                grid,
                "Memory l_imit",
                TargetPage.field("ns-limit-memory", vm.limitMemoryProperty(), "512Mi"),
                null,
                QuotaViewModel.problemOf("Default memory limit", vm.limitMemoryProperty()));
        Label rules = Forms.problem(vm.rulesProblemProperty());
        rules.setId("ns-quota-rules");
        rules.getStyleClass().add(Styles.FIELD_PROBLEM);
        Forms.row(grid, "", rules, null, null);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        setContent(scroll);
    }

    @Override
    protected Node firstFocus() {
        return cpu;
    }
}

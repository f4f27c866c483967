package dev.backstack.panel.views.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.compliance.ComplianceExport;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.KubeObject;
import dev.backstack.panel.model.ObjectSet;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.model.ReportCounts;
import dev.backstack.panel.model.compliance.ComplianceRow;
import dev.backstack.panel.model.compliance.ComplianceSample;
import dev.backstack.panel.model.compliance.FailingResource;
import dev.backstack.panel.model.compliance.Grouping;
import dev.backstack.panel.model.compliance.HistorySnapshot;
import dev.backstack.panel.model.rules.ClusterAssembler;
import dev.backstack.panel.views.task.CurrentThreadTaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compliance tab's view-model, without a stage: grouping, drill-down, history, exports. */
class ComplianceViewModelTest {

    @TempDir
    Path dir;

    private final List<String> written = new ArrayList<>();
    private final ComplianceViewModel vm = new ComplianceViewModel(
            new CurrentThreadTaskExecutor(),
            (file, format, fc, h) -> written.add(
                    format + " " + file.getFileName() + " " + fc.failing().size() + (h == null ? "" : " with history")),
            ZoneOffset.UTC);

    private static KubeObject report(String ns, String pod, String policy, String result, String message) {
        return new KubeObject(
                "openreports.io/v1alpha1",
                "Report",
                ns,
                pod + "-" + policy,
                "u",
                1,
                "",
                null,
                Map.of(),
                Map.of(),
                List.of(),
                Map.of(
                        "scope",
                        Map.of("kind", "Pod", "namespace", ns, "name", pod),
                        "results",
                        List.of(Map.of("policy", policy, "rule", policy, "result", result, "message", message))));
    }

    private static Fleet fleet(long revision, String spoke2Result) {
        var hub = ClusterAssembler.assemble(
                new ClusterAssembler.Identity("hub", "hub", ClusterRole.HUB, "", Set.of()),
                Reachability.REACHABLE,
                "",
                ObjectSet.of(List.of(
                        report("web", "web-1", "ro-rootfs", "fail", "<b>rw</b>"),
                        report("web", "web-2", "ro-rootfs", "pass", "ok"))));
        var spoke = ClusterAssembler.assemble(
                new ClusterAssembler.Identity("spoke-2", "spoke-2", ClusterRole.SPOKE, "", Set.of()),
                Reachability.REACHABLE,
                "",
                ObjectSet.of(List.of(
                        report("api", "api-1", "host-path", spoke2Result, "hostPath"),
                        report("api", "api-1", "ro-rootfs", "warn", "consider"))));
        return new Fleet(hub, List.of(spoke), List.of(), false, revision, 1_000);
    }

    @Test
    @DisplayName("rows follow the grouping toggle; the drill-down lists every failing resource until a row is chosen")
    void groupingAndDrillDown() {
        vm.apply(fleet(1, "fail"));
        assertThat(vm.rows()).extracting(ComplianceRow::key).containsExactly("host-path", "ro-rootfs");
        assertThat(vm.failing()).hasSize(3);
        assertThat(vm.summaryProperty().get()).contains("fail 2", "4 reports");

        vm.setGrouping(Grouping.CLUSTER);
        assertThat(vm.rows()).extracting(ComplianceRow::key).containsExactly("hub", "spoke-2");
        vm.select(vm.rows().get(1));
        assertThat(vm.failing()).extracting(FailingResource::cluster).containsOnly("spoke-2");
        assertThat(vm.failing()).extracting(FailingResource::message).contains("hostPath", "consider");

        vm.setGrouping(Grouping.NAMESPACE);
        assertThat(vm.selectedRowProperty().get()).isNull();
        assertThat(vm.rows()).extracting(ComplianceRow::label).containsExactly("hub / web", "spoke-2 / api");
    }

    @Test
    @DisplayName("a new snapshot keeps the selected row (by cluster and key) even when its counts change")
    void selectionSurvivesNewSnapshots() {
        vm.setGrouping(Grouping.CLUSTER);
        vm.apply(fleet(1, "fail"));
        vm.select(vm.rows().get(1));
        vm.apply(fleet(2, "pass"));
        assertThat(vm.selectedRowProperty().get().key()).isEqualTo("spoke-2");
        assertThat(vm.selectedRowProperty().get().counts()).isEqualTo(new ReportCounts(1, 0, 1, 0, 0));
        assertThat(vm.failing()).extracting(f -> f.result().label()).containsExactly("warn");
        assertThat(vm.hasFailuresProperty().get()).isTrue();
    }

    @Test
    @DisplayName("the chart's series comes from the history, refreshed when the history changes")
    void seriesFromTheHistory() {
        AtomicReference<HistorySnapshot> history = new AtomicReference<>(HistorySnapshot.EMPTY);
        vm.setHistory(history::get);
        vm.apply(fleet(1, "fail"));
        assertThat(vm.series()).isEmpty();
        history.set(new HistorySnapshot(
                List.of(
                        new ComplianceSample("hub", 60_000, new ReportCounts(1, 1, 0, 0, 0)),
                        new ComplianceSample("spoke-2", 120_000, new ReportCounts(0, 1, 1, 0, 0))),
                List.of()));
        vm.apply(fleet(1, "fail"));
        assertThat(vm.series()).extracting(s -> s.counts().fail()).containsExactly(1L, 2L);
    }

    @Test
    @DisplayName("export writes through the injected exporter in the background and reports where")
    void exportThroughTheExporter() {
        vm.apply(fleet(1, "fail"));
        vm.export(ComplianceExport.Format.HTML, dir.resolve("c.html"));
        vm.export(ComplianceExport.Format.CSV, dir.resolve("c.csv"));
        assertThat(written).containsExactly("HTML c.html 3 with history", "CSV c.csv 3");
        assertThat(vm.exportStatusProperty().get()).isEqualTo("Exported to " + dir.resolve("c.csv"));
        assertThat(vm.exportingProperty().get()).isFalse();
        assertThat(vm.suggestedFileName(ComplianceExport.Format.HTML, 1_800_000_000_000L))
                .isEqualTo("compliance-20270115-0800.html");
    }

    @Test
    @DisplayName("a failed export says why; the file exporter writes escaped HTML")
    void exportFailureAndFile() throws Exception {
        ComplianceViewModel failing = new ComplianceViewModel(
                new CurrentThreadTaskExecutor(),
                (f, format, fc, h) -> {
                    throw new IOException("disk full");
                },
                ZoneOffset.UTC);
        failing.apply(fleet(1, "fail"));
        failing.export(ComplianceExport.Format.JSON, dir.resolve("c.json"));
        assertThat(failing.exportStatusProperty().get()).isEqualTo("Export failed: disk full");

        ComplianceViewModel real = new ComplianceViewModel(
                new CurrentThreadTaskExecutor(), ComplianceViewModel.fileExporter(), ZoneOffset.UTC);
        real.apply(fleet(1, "fail"));
        real.export(ComplianceExport.Format.HTML, dir.resolve("c.html"));
        assertThat(Files.readString(dir.resolve("c.html")))
                .contains("&lt;b&gt;rw&lt;/b&gt;")
                .doesNotContain("<b>rw");
    }

    @Test
    @DisplayName("the drill-down shows at most SHOWN_FAILING resources and says how many fail in all")
    void drillDownIsCapped() {
        List<KubeObject> reports = new ArrayList<>();
        for (int i = 0; i < ComplianceViewModel.SHOWN_FAILING + 5; i++) {
            reports.add(report("web", "web-" + i, "ro-rootfs", "fail", "rw"));
        }
        var hub = ClusterAssembler.assemble(
                new ClusterAssembler.Identity("hub", "hub", ClusterRole.HUB, "", Set.of()),
                Reachability.REACHABLE,
                "",
                ObjectSet.of(reports));

        vm.apply(new Fleet(hub, List.of(), List.of(), false, 1, 1_000));

        assertThat(vm.failing()).hasSize(ComplianceViewModel.SHOWN_FAILING);
        assertThat(vm.failingTotalProperty().get()).isEqualTo(ComplianceViewModel.SHOWN_FAILING + 5);
        vm.export(ComplianceExport.Format.CSV, dir.resolve("all.csv"));
        assertThat(written).containsExactly("CSV all.csv " + (ComplianceViewModel.SHOWN_FAILING + 5));
    }

    @Test
    @DisplayName(
            "failing results are listed fail, then error, then warn; the header names the worst; the title counts them")
    void worstFirstWithHeadline() {
        var hub = ClusterAssembler.assemble(
                new ClusterAssembler.Identity("hub", "hub", ClusterRole.HUB, "", Set.of()),
                Reachability.REACHABLE,
                "",
                ObjectSet.of(List.of(
                        report("web", "web-1", "limits", "warn", "set limits"),
                        report("web", "web-2", "owner", "error", "lookup failed"),
                        report("web", "web-3", "ro-rootfs", "fail", "read-only\nplease"))));
        var spoke = ClusterAssembler.assemble(
                new ClusterAssembler.Identity("spoke-2", "spoke-2", ClusterRole.SPOKE, "", Set.of()),
                Reachability.REACHABLE,
                "",
                ObjectSet.of(List.of(report("api", "api-1", "host-path", "fail", "hostPath"))));
        vm.apply(new Fleet(hub, List.of(spoke), List.of(), false, 1, 1_000));

        assertThat(vm.failing())
                .extracting(f -> f.result().label() + " " + f.cluster() + " " + f.kindName())
                .containsExactly(
                        "fail hub Pod/web-3", "fail spoke-2 Pod/api-1", "error hub Pod/web-2", "warn hub Pod/web-1");
        assertThat(vm.worstProperty().get()).isEqualTo("""
                Worst: fail ro-rootfs: Pod/web-3 in web on hub: read-only please
                \u2022 fail host-path: Pod/api-1 in api on spoke-2: hostPath
                \u2022 error owner: Pod/web-2 in web on hub: lookup failed
                (and 1 more in the list below)""");
        assertThat(vm.failingTitleProperty().get())
                .isEqualTo("Failing results (select a row above to narrow), fail then error then warn: 4");

        vm.setGrouping(Grouping.CLUSTER);
        vm.select(vm.rows().get(0));
        assertThat(vm.failing()).extracting(f -> f.result().label()).containsExactly("fail", "error", "warn");
        assertThat(vm.failingTitleProperty().get()).isEqualTo("Failing results of hub, fail then error then warn: 3");

        vm.apply(fleet(2, "pass"));
        vm.select(vm.rows().get(1));
        assertThat(vm.failing()).extracting(f -> f.result().label()).containsExactly("warn");
    }

    @Test
    @DisplayName(
            "cut at SHOWN_FAILING, the drill-down keeps the worst (fails listed after many warns by name come first) and says how many more")
    void cutKeepsTheWorst() {
        List<KubeObject> reports = new ArrayList<>();
        for (int i = 0; i < ComplianceViewModel.SHOWN_FAILING; i++) {
            reports.add(report("a", String.format("a-%04d", i), "limits", "warn", "w"));
        }
        for (int i = 0; i < 5; i++) {
            reports.add(report("z", "z-" + i, "ro-rootfs", "fail", "rw"));
        }
        var hub = ClusterAssembler.assemble(
                new ClusterAssembler.Identity("hub", "hub", ClusterRole.HUB, "", Set.of()),
                Reachability.REACHABLE,
                "",
                ObjectSet.of(reports));

        vm.apply(new Fleet(hub, List.of(), List.of(), false, 1, 1_000));

        assertThat(vm.failing()).hasSize(ComplianceViewModel.SHOWN_FAILING);
        assertThat(vm.failing().subList(0, 5)).allMatch(f -> f.result().label().equals("fail"));
        assertThat(vm.failingTitleProperty().get())
                .endsWith(": the worst " + ComplianceViewModel.SHOWN_FAILING + " of "
                        + (ComplianceViewModel.SHOWN_FAILING + 5) + ", and 5 more (exports have all)");
        assertThat(vm.worstProperty().get())
                .startsWith("Worst: fail ro-rootfs: Pod/z-0 in z on hub: rw")
                .endsWith("(and " + (ComplianceViewModel.SHOWN_FAILING + 2) + " more in the list below)");
    }
}

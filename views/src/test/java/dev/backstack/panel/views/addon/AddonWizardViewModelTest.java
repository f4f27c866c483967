package dev.backstack.panel.views.addon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.installer.addon.AddonCatalog;
import dev.backstack.panel.installer.addon.AddonService;
import dev.backstack.panel.model.addon.AddonEntry;
import dev.backstack.panel.model.addon.AddonRequest;
import dev.backstack.panel.model.addon.AddonSelection;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanOutcome;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.views.task.CurrentThreadTaskExecutor;
import dev.backstack.panel.views.wizard.FakeClipboard;
import dev.backstack.panel.views.wizard.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class AddonWizardViewModelTest {

    /** Answers from a script and records what the wizard asked. */
    static final class Scripted implements AddonBackend {
        static final AddonCatalog CATALOG = AddonCatalog.load();
        final List<Map<String, String>> matchCalls = new ArrayList<>();
        final List<AddonRequest> previews = new ArrayList<>();
        final List<AddonRequest> runs = new ArrayList<>();
        final List<List<String>> runOverrides = new ArrayList<>();

        @Override
        public List<AddonEntry> catalog() {
            return CATALOG.entries();
        }

        @Override
        public String hub() {
            return "backstack-hub";
        }

        @Override
        public List<String> spokes() {
            return List.of("spoke-1", "spoke-2", "spoke-3");
        }

        @Override
        public boolean simulated() {
            return true;
        }

        @Override
        public List<String> matchingSpokes(Map<String, String> selector) {
            matchCalls.add(selector);
            return selector.equals(Map.of("clusterType", "spoke")) ? List.of("spoke-1", "spoke-2") : List.of();
        }

        @Override
        public Map<String, Integer> waves() {
            return CATALOG.waves();
        }

        @Override
        public PlanPreview preview(AddonRequest request, SecretText token) {
            previews.add(request);
            return new PlanPreview("addons", "preview", List.of());
        }

        @Override
        public PreflightReport preflight(AddonRequest request, SecretText token) {
            return new PreflightReport(List.of());
        }

        @Override
        public AddonService.Delivered run(
                AddonRequest request, SecretText token, List<String> overrides, Consumer<PlanEvent> events) {
            runs.add(request);
            runOverrides.add(overrides);
            return new AddonService.Delivered(PlanOutcome.SUCCEEDED, Optional.empty());
        }
    }

    private final Scripted backend = new Scripted();
    private final AddonWizardViewModel vm = new AddonWizardViewModel(
            backend,
            new CurrentThreadTaskExecutor(),
            new MutableClock(java.time.Instant.parse("2026-11-26T06:00:00Z")),
            new FakeClipboard());

    private AddonForm form(String id) {
        return vm.choice().forms().stream()
                .filter(f -> f.entry().id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void choosingAddonsNeedsAtLeastOneAndSaysWhatAChosenOneNeeds() {
        assertThat(vm.choice().anyChosenProperty().get()).isFalse();
        vm.choice().setChecked("backstack-policies", true);
        assertThat(vm.choice().anyChosenProperty().get()).isTrue();
        assertThat(vm.choice().needsHintProperty().get()).contains("backstack-policies needs kyverno");
        vm.choice().setChecked("kyverno", true);
        assertThat(vm.choice().needsHintProperty().get()).isEmpty();
    }

    @Test
    void valuesAreCheckedAsTypedAndKeptWhileTheAddonStaysChosen() {
        vm.choice().setChecked("kyverno", true);
        vm.choice().setChecked("metrics-server", true);
        vm.enterValues();
        AddonForm.Field replicas = form("kyverno").fields().get(0);
        replicas.text().set("9");
        assertThat(replicas.problem().get()).contains("outside 1");
        assertThat(vm.valuesValidProperty().get()).isFalse();
        replicas.text().set("3");
        assertThat(vm.valuesValidProperty().get()).isTrue();
        vm.choice().setChecked("metrics-server", false);
        vm.enterValues();
        assertThat(vm.choice().forms()).extracting(f -> f.entry().id()).containsExactly("kyverno");
        assertThat(form("kyverno").fields().get(0).text().get()).isEqualTo("3");
    }

    @Test
    void theSelectorListsTheMatchingSpokesLiveAndANameChoiceReplacesIt() {
        vm.choice().setChecked("cert-manager", true);
        vm.enterValues();
        vm.enterTargets();
        assertThat(vm.targets().matching()).containsExactly("spoke-1", "spoke-2");
        assertThat(vm.targets().matchingStatusProperty().get()).isEqualTo("2 spokes match now");
        vm.targets().selectorProperty().set("clusterType=edge");
        assertThat(backend.matchCalls).last().isEqualTo(Map.of("clusterType", "edge"));
        assertThat(vm.targets().matching()).isEmpty();
        assertThat(vm.targets().matchingStatusProperty().get()).contains("no spoke");
        vm.targets().selectorProperty().set("not a label");
        assertThat(vm.targets().selectorProblemProperty().get()).contains("is not a label");
        assertThat(vm.targets().validProperty().get()).isFalse();

        vm.targets().modeProperty().set(AddonTargetsViewModel.Mode.BY_NAME);
        assertThat(vm.targets().validProperty().get()).as("no spoke checked").isFalse();
        vm.targets().spokes().get(1).checked().set(true);
        assertThat(vm.targets().validProperty().get()).isTrue();
        AddonSelection s = vm.request().selections().get(0);
        assertThat(s.spokes()).containsExactly("spoke-2");
    }

    @Test
    void aGitOpsDeliveryNeedsTheRepositoryAndANewBranch() {
        vm.choice().setChecked("kyverno", true);
        vm.enterValues();
        vm.enterTargets();
        vm.targets().deliveryProperty().set(AddonRequest.Delivery.GITOPS);
        assertThat(vm.targets().validProperty().get()).isFalse();
        vm.targets().repositoryProperty().set("https://github.com/acme/gitops.git");
        assertThat(vm.targets().branchProperty().get()).isEqualTo("backstack-panel/addons-kyverno");
        assertThat(vm.targets().validProperty().get()).isTrue();
        vm.targets().branchProperty().set("main");
        assertThat(vm.targets().validProperty().get())
                .as("the new branch is the base")
                .isFalse();
    }

    @Test
    void reviewThenRunDeliverTheSameRequestOnceAndTheSummarySaysWhere() {
        vm.choice().setChecked("metrics-server", true);
        vm.enterValues();
        form("metrics-server").fields().get(0).text().set("2");
        vm.enterTargets();
        vm.enterReview();
        assertThat(backend.previews).singleElement().satisfies(r -> {
            assertThat(r.delivery()).isEqualTo(AddonRequest.Delivery.APPLY);
            assertThat(r.selections().get(0).values()).containsEntry("replicas", 2L);
            assertThat(r.selections().get(0).selector()).isEqualTo(Map.of("clusterType", "spoke"));
        });
        vm.enterRun();
        assertThat(vm.run().succeededProperty().get()).isTrue();
        vm.enterRun();
        assertThat(backend.runs).as("the same request is not delivered twice").hasSize(1);
        vm.enterSummary();
        assertThat(vm.summary().headlineProperty().get())
                .isEqualTo("The ApplicationSets are on backstack-hub: metrics-server.");
        assertThat(vm.summary().nextSteps()).anySatisfy(n -> assertThat(n).contains("Add-ons tab", "Retry"));
    }
}

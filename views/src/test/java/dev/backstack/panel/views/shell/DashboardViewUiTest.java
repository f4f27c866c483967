package dev.backstack.panel.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backstack.panel.model.Assessment;
import dev.backstack.panel.model.Cluster;
import dev.backstack.panel.model.ClusterRole;
import dev.backstack.panel.model.ComplianceSummary;
import dev.backstack.panel.model.Component;
import dev.backstack.panel.model.ComponentKind;
import dev.backstack.panel.model.Fleet;
import dev.backstack.panel.model.Health;
import dev.backstack.panel.model.Reachability;
import dev.backstack.panel.views.component.ComponentCard;
import dev.backstack.panel.views.component.ComponentDetailViewModel;
import dev.backstack.panel.views.fleet.BigFleet;
import dev.backstack.panel.views.fleet.DashboardViewModel;
import dev.backstack.panel.views.fx.LazyTab;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The dashboard's first frame builds only the Components tab and the fleet; the others on first selection. */
class DashboardViewUiTest {

    static {
        // as PluginApprovalDialogUiTest: the views module's surefire has no headless arguments
        System.setProperty("testfx.robot", "glass");
        System.setProperty("testfx.headless", "true");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("headless.geometry", "1600x1000-32");
    }

    private final FxRobot robot = new FxRobot();
    private final DashboardViewModel vm = new DashboardViewModel(() -> 1_000L);
    private final AtomicInteger extraBuilds = new AtomicInteger();
    private DashboardView view;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void hide() throws Exception {
        FxToolkit.hideStage();
    }

    private void show(Fleet fleet) throws Exception {
        FxToolkit.setupSceneRoot(() -> {
            view = new DashboardView(
                    vm, new ComponentDetailViewModel(Runnable::run, Runnable::run), url -> {}, () -> {}, () -> {});
            view.addTab("extra-tab", "Extra", () -> {
                extraBuilds.incrementAndGet();
                Label l = new Label("extra");
                l.setId("extra-content");
                return l;
            });
            vm.apply(fleet);
            return view;
        });
        FxToolkit.showStage();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    @DisplayName(
            "Detail, Applications, Policies, Watches and a Supplier tab are built when Ctrl+number first selects them, once")
    void tabsAreBuiltOnFirstSelection() throws Exception {
        show(BigFleet.of(3, 25));
        assertThat(onFx(() -> view
                        .tabs()
                        .getTabs()
                        .subList(1, view.tabs().getTabs().size())
                        .stream()
                        .allMatch(t -> t instanceof LazyTab && !((LazyTab) t).isBuilt() && t.getContent() == null)))
                .isTrue();
        assertThat(onFx(() -> view.lookup("#applications-table"))).isNull();
        assertThat(onFx(() -> view.lookup("#component-cards"))).isNotNull();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(onFx(() -> view.tabs().getSelectionModel().getSelectedIndex()))
                .isEqualTo(2);
        assertThat(onFx(() -> ((TableView<?>) view.lookup("#applications-table"))
                        .getItems()
                        .size()))
                .isEqualTo(25);
        assertThat(onFx(() -> ((LazyTab) view.tabs().getTabs().get(3)).isBuilt()))
                .as("Policies not shown yet")
                .isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> view.lookup("#component-detail"))).isNotNull();

        assertThat(extraBuilds.get()).isZero();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> view.tabs().getSelectionModel().getSelectedItem().getId()))
                .isEqualTo("extra-tab");
        assertThat(onFx(() -> view.lookup("#extra-content"))).isNotNull();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(extraBuilds.get()).isEqualTo(1);
    }

    @Test
    @DisplayName(
            "a snapshot that changed one component updates its card in place; the other cards keep their records; a card stays with its kind")
    void cardsAreUpdatedInPlace() throws Exception {
        Component argo = component(ComponentKind.ARGO_CD, Health.HEALTHY);
        Component kyverno = component(ComponentKind.KYVERNO, Health.HEALTHY);
        show(fleet(List.of(argo, kyverno), 1));
        ComponentCard argoCard = onFx(() -> (ComponentCard) view.lookup("#card-ARGO_CD"));
        ComponentCard kyvernoCard = onFx(() -> (ComponentCard) view.lookup("#card-KYVERNO"));
        assertThat(onFx(kyvernoCard::displayedText)).contains("Healthy");

        Component broken = component(ComponentKind.KYVERNO, Health.DEGRADED);
        onFx(() -> {
            vm.apply(fleet(List.of(argo, broken), 2));
            return null;
        });

        assertThat(onFx(() -> view.lookup("#card-KYVERNO"))).isSameAs(kyvernoCard);
        assertThat(onFx(() -> view.lookup("#card-ARGO_CD"))).isSameAs(argoCard);
        assertThat(onFx(kyvernoCard::component)).isSameAs(broken);
        assertThat(onFx(kyvernoCard::displayedText)).contains("Degraded");
        assertThat(onFx(argoCard::component)).isSameAs(argo);
        assertThat(onFx(() -> kyvernoCard.getPseudoClassStates()))
                .contains(dev.backstack.panel.views.fx.Styles.healthState(Health.DEGRADED))
                .doesNotContain(dev.backstack.panel.views.fx.Styles.healthState(Health.HEALTHY));

        onFx(() -> {
            vm.apply(fleet(List.of(broken), 3));
            return null;
        });
        assertThat(onFx(() -> view.lookup("#card-KYVERNO")))
                .as("kept by kind, not by position")
                .isSameAs(kyvernoCard);
        assertThat(onFx(() -> view.lookup("#card-ARGO_CD"))).isNull();
    }

    private static Component component(ComponentKind kind, Health health) {
        Assessment a = health == Health.HEALTHY
                ? Assessment.healthy("running")
                : Assessment.of(health, kind.displayName(), "it broke");
        return new Component(kind, true, a, "1.0", "test", null, List.of(), List.of(), List.of());
    }

    private static Fleet fleet(List<Component> components, long revision) {
        Cluster hub = new Cluster(
                "hub",
                "hub",
                ClusterRole.HUB,
                "https://hub",
                Set.of("test"),
                Reachability.REACHABLE,
                "v1.33.4",
                components,
                List.of(),
                List.of(),
                ComplianceSummary.EMPTY,
                Optional.empty(),
                Assessment.healthy("ok"));
        return new Fleet(hub, List.of(), List.of(), false, revision, 1_000L);
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}

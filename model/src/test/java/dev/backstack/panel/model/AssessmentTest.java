package dev.backstack.panel.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssessmentTest {

    private static Assessment bad(Health h, String subject, String message) {
        return Assessment.of(h, subject, message);
    }

    @Test
    void rollUpTakesTheWorstChildWithItsReason() {
        Assessment rolled = Assessment.worstOf(
                List.of(
                        Assessment.healthy("fine"),
                        bad(Health.PROGRESSING, "Deployment a", "rolling out"),
                        bad(Health.DEGRADED, "Release b", "install failed"),
                        bad(Health.MISSING, "Release c", "not found")),
                "all good");

        assertThat(rolled.health()).isEqualTo(Health.DEGRADED);
        assertThat(rolled.reason()).map(StatusReason::subject).contains("Release b");
        assertThat(rolled.reason()).map(StatusReason::message).contains("install failed");
    }

    @Test
    void rollUpOfEqualWorstKeepsTheFirstReason() {
        Assessment rolled = Assessment.worstOf(
                List.of(bad(Health.DEGRADED, "first", "one"), bad(Health.DEGRADED, "second", "two")), "ok");
        assertThat(rolled.reason()).map(StatusReason::subject).contains("first");
    }

    @Test
    void rollUpOfHealthyOrNoChildrenIsHealthyWithTheGivenSummary() {
        assertThat(Assessment.worstOf(List.of(), "nothing here").health()).isEqualTo(Health.HEALTHY);
        Assessment all = Assessment.worstOf(List.of(Assessment.healthy("a"), Assessment.healthy("b")), "2 ok");
        assertThat(all.health()).isEqualTo(Health.HEALTHY);
        assertThat(all.summary()).isEqualTo("2 ok");
        assertThat(all.reason()).isEmpty();
    }

    @Test
    void unknownChildMakesTheRollUpUnknown() {
        Assessment rolled = Assessment.worstOf(
                List.of(bad(Health.DEGRADED, "x", "bad"), bad(Health.UNKNOWN, "y", "no answer")), "ok");
        assertThat(rolled.health()).isEqualTo(Health.UNKNOWN);
    }

    @Test
    void reasonUnderAParentGrowsThePathOutwardsAndKeepsTheMessage() {
        String message = "line one\nline two";
        StatusReason reason =
                StatusReason.of("Release r", message).under("XHub x").under("Hub h");

        assertThat(reason.path()).containsExactly("Hub h", "XHub x", "Release r");
        assertThat(reason.subject()).isEqualTo("Release r");
        assertThat(reason.message()).isEqualTo(message);
        assertThat(reason.oneLine()).isEqualTo("Release r: line one");
        assertThat(reason.pathText()).contains("Hub h").endsWith("Release r");
    }

    @Test
    void assessmentUnderAParentMovesItsReasonDown() {
        Assessment a = bad(Health.DEGRADED, "Pod p", "crash").under("Deployment d");
        assertThat(a.reason()).map(StatusReason::path).contains(List.of("Deployment d", "Pod p"));
        assertThat(a.oneLine()).isEqualTo("Pod p: crash");
        assertThat(Assessment.healthy("3/3 available").oneLine()).isEqualTo("3/3 available");
    }

    @Test
    void nullSummaryAndReasonAreNormalised() {
        Assessment a = new Assessment(Health.HEALTHY, null, null);
        assertThat(a.summary()).isEmpty();
        assertThat(a.reason()).isEqualTo(Optional.empty());
    }

    @Test
    void treeRollUpReportsTheDeepestFailingNodeWithItsPath() {
        ObjectNode release = new ObjectNode(
                "Release",
                "",
                "hub-backstage",
                bad(Health.DEGRADED, "Release hub-backstage", "chart failed"),
                List.of());
        ObjectNode ok = new ObjectNode("Release", "", "hub-argocd", Assessment.healthy("Ready"), List.of());
        ObjectNode xr = new ObjectNode(
                "XHub", "", "hub-x", bad(Health.PROGRESSING, "XHub hub-x", "Creating"), List.of(ok, release));
        ObjectNode claim =
                new ObjectNode("Hub", "default", "hub", bad(Health.PROGRESSING, "Hub hub", "waiting"), List.of(xr));

        Assessment rolled = claim.rolledUp();

        assertThat(rolled.health()).isEqualTo(Health.DEGRADED);
        assertThat(rolled.reason().orElseThrow().path())
                .containsExactly("Hub hub", "XHub hub-x", "Release hub-backstage");
        assertThat(rolled.reason().orElseThrow().message()).isEqualTo("chart failed");
        assertThat(claim.flatten())
                .extracting(ObjectNode::name)
                .containsExactly("hub", "hub-x", "hub-argocd", "hub-backstage");
    }

    @Test
    void treeRollUpKeepsItsOwnReasonWhenItIsWorseThanItsChildren() {
        ObjectNode child =
                new ObjectNode("Release", "", "r", bad(Health.PROGRESSING, "Release r", "Creating"), List.of());
        ObjectNode parent =
                new ObjectNode("XHub", "", "x", bad(Health.DEGRADED, "XHub x", "not synced"), List.of(child));
        assertThat(parent.rolledUp().reason()).map(StatusReason::subject).contains("XHub x");

        ObjectNode healthyTree = new ObjectNode(
                "XHub",
                "",
                "x",
                Assessment.healthy("Ready"),
                List.of(new ObjectNode("Release", "", "r", Assessment.healthy("Ready"), List.of())));
        assertThat(healthyTree.rolledUp().health()).isEqualTo(Health.HEALTHY);
    }
}

package dev.backstack.panel.views.policy;

import dev.backstack.panel.installer.policy.ClusterFacts;
import dev.backstack.panel.installer.policy.PolicyImpact;
import dev.backstack.panel.installer.policy.PolicyService;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.policy.PolicyEntry;
import dev.backstack.panel.model.policy.PolicyRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the policy wizard needs from the installer ({@link PolicyServiceBackend} in the app, a
 * scripted one in tests). Methods other than {@link #catalog}, {@link #hub} and {@link #spokes}
 * block: the view-models call them from background tasks.
 */
public interface PolicyBackend {

    List<PolicyEntry> catalog();

    String hub();

    List<String> spokes();

    /** True when the clusters are the simulated demo fleet. */
    boolean simulated();

    ClusterFacts facts(String cluster) throws InterruptedException;

    /** Loads the policy evaluator ahead of the impact page (a second or two, once per process). Blocking. */
    default void warmUp() {}

    /** The clusters the request reaches (for GitOps, the spokes its selector matches now). */
    List<String> targets(PolicyRequest request) throws InterruptedException;

    List<PolicyImpact> impact(PolicyRequest request) throws InterruptedException;

    PlanPreview preview(PolicyRequest request, Map<String, ClusterFacts> facts, SecretText token);

    PreflightReport preflight(
            PolicyRequest request, Map<String, ClusterFacts> facts, List<PolicyImpact> impact, SecretText token)
            throws InterruptedException;

    PolicyService.Delivered run(
            PolicyRequest request,
            Map<String, ClusterFacts> facts,
            SecretText token,
            List<String> overrides,
            Consumer<PlanEvent> events)
            throws InterruptedException;
}

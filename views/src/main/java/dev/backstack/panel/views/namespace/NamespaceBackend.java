package dev.backstack.panel.views.namespace;

import dev.backstack.panel.installer.policy.ClusterFacts;
import dev.backstack.panel.installer.policy.PolicyService;
import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.model.namespace.NamespaceRequest;
import dev.backstack.panel.model.plan.PlanEvent;
import dev.backstack.panel.model.plan.PlanPreview;
import dev.backstack.panel.model.plan.PreflightReport;
import dev.backstack.panel.model.policy.PolicyEntry;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the namespace wizard needs from the installer ({@link NamespaceServiceBackend} in the app,
 * a scripted one in tests). {@link #facts}, {@link #preflight} and {@link #run} block: the
 * view-models call them from background tasks.
 */
public interface NamespaceBackend {

    List<String> spokes();

    /** The policies a team may be asked to pass (namespaced catalog entries). */
    List<PolicyEntry> catalog();

    /** True when the clusters are the simulated demo fleet. */
    boolean simulated();

    /** The spoke's Kyverno. Blocking. */
    ClusterFacts facts(String spoke) throws InterruptedException;

    /** Every problem of the request, including an unknown spoke or policy. */
    List<String> problems(NamespaceRequest request);

    PlanPreview preview(NamespaceRequest request, ClusterFacts facts, SecretText token);

    PreflightReport preflight(NamespaceRequest request, ClusterFacts facts, SecretText token)
            throws InterruptedException;

    PolicyService.Delivered run(
            NamespaceRequest request,
            ClusterFacts facts,
            SecretText token,
            List<String> overrides,
            Consumer<PlanEvent> events)
            throws InterruptedException;
}

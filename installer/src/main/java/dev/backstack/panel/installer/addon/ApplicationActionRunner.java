package dev.backstack.panel.installer.addon;

import dev.backstack.panel.model.addon.ActionResult;
import dev.backstack.panel.model.addon.ApplicationAction;

/** Runs an action on one Argo CD Application of the hub. Blocking; call from a background task. */
@FunctionalInterface
public interface ApplicationActionRunner {

    /** Runs the action; never throws for the cluster's answer (a refusal or failure is the result). */
    ActionResult run(ApplicationAction action, String namespace, String name);
}

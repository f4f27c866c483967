package dev.backstack.panel.installer.addon;

import dev.backstack.panel.model.addon.AddonRequest;
import dev.backstack.panel.model.addon.AddonSelection;
import dev.backstack.panel.model.plan.PreflightFinding;
import dev.backstack.panel.model.plan.PreflightFinding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The add-on plan's own preflight findings: the request's problems (blocking), the hub's
 * connection, and, per add-on, the spokes it would reach now (a selector matching no spoke, or a
 * named spoke without an Argo CD cluster secret, is a warning: the ApplicationSet is valid and
 * makes Applications when such a spoke appears). Pure apart from {@code matching}.
 */
final class AddonChecks {

    private AddonChecks() {}

    static List<PreflightFinding> request(
            AddonRequest r, String hub, boolean connected, Function<Map<String, String>, List<String>> matching) {
        List<PreflightFinding> out = new ArrayList<>();
        List<String> problems = r.problems();
        out.add(
                problems.isEmpty()
                        ? PreflightFinding.pass("request", "The choices are complete", Severity.BLOCKING, "")
                        : PreflightFinding.fail(
                                "request",
                                "The choices are incomplete",
                                Severity.BLOCKING,
                                String.join("; ", problems),
                                "go back and complete them"));
        if (!connected) {
            out.add(PreflightFinding.fail(
                    "hub",
                    "Connection to the hub " + hub,
                    Severity.BLOCKING,
                    "the panel has no connection to " + hub,
                    "connect to the hub (Ctrl+K) and run the preflight again"));
            return out;
        }
        List<String> all = matching.apply(Map.of());
        for (AddonSelection s : r.selections()) {
            String id = "spokes-" + s.entry().id();
            if (!s.spokes().isEmpty()) {
                List<String> unknown =
                        s.spokes().stream().filter(n -> !all.contains(n)).toList();
                out.add(
                        unknown.isEmpty()
                                ? PreflightFinding.pass(
                                        id,
                                        s.entry().id() + " reaches " + String.join(", ", s.spokes()),
                                        Severity.WARNING,
                                        "")
                                : PreflightFinding.fail(
                                        id,
                                        s.entry().id() + ": spokes without an Argo CD cluster secret",
                                        Severity.WARNING,
                                        String.join(", ", unknown) + " not registered in the hub's Argo CD",
                                        "register them (or fix the names); until then no Application is made for them"));
            } else {
                List<String> found = matching.apply(s.selector());
                out.add(
                        !found.isEmpty()
                                ? PreflightFinding.pass(
                                        id,
                                        s.entry().id() + " reaches " + found.size()
                                                + (found.size() == 1 ? " spoke" : " spokes"),
                                        Severity.WARNING,
                                        String.join(", ", found))
                                : PreflightFinding.fail(
                                        id,
                                        s.entry().id() + ": the selector matches no spoke",
                                        Severity.WARNING,
                                        AddonService.targets(s) + ": no Argo CD cluster secret on " + hub
                                                + " carries these labels",
                                        "check the labels (the Add-ons wizard lists the matching spokes); the ApplicationSet "
                                                + "makes Applications once a spoke matches"));
            }
        }
        return out;
    }
}

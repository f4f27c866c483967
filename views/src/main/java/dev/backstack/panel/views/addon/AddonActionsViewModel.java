package dev.backstack.panel.views.addon;

import dev.backstack.panel.installer.addon.ApplicationActionRunner;
import dev.backstack.panel.model.ApplicationStatus;
import dev.backstack.panel.model.addon.ActionResult;
import dev.backstack.panel.model.addon.ApplicationAction;
import dev.backstack.panel.views.task.BackgroundTask;
import dev.backstack.panel.views.task.TaskExecutor;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Refresh, sync and retry from the add-on matrix: a {@link Request} names the Applications an
 * action would touch so the view can ask for confirmation, then {@link #run} sends it one
 * Application after the other in the background and shows each as it happens (pending, then
 * done, refused or failed with the hub's message). No scene-graph code; call on the FX thread.
 */
public final class AddonActionsViewModel {

    /** The newest results kept. */
    static final int KEEP = 200;

    /**
     * What an action would do, for the confirmation.
     *
     * @param applications the Applications it is sent to
     * @param skipped      chosen Applications it is not sent to, and why (a retry needs a failed sync)
     */
    public record Request(ApplicationAction action, List<ApplicationStatus> applications, List<String> skipped) {
        public Request {
            applications = List.copyOf(applications);
            skipped = List.copyOf(skipped);
        }

        public String title() {
            return action.title() + " " + applications.size()
                    + (applications.size() == 1 ? " Application" : " Applications");
        }

        /** The confirmation's text: every Application by namespace and name, and what Argo CD will do. */
        public String question() {
            StringBuilder s = new StringBuilder(title()).append(" on the hub?\n\n");
            applications.forEach(a -> s.append("  ")
                    .append(a.namespace())
                    .append('/')
                    .append(a.name())
                    .append('\n'));
            if (!skipped.isEmpty()) {
                s.append("\nNot sent to:\n");
                skipped.forEach(k -> s.append("  ").append(k).append('\n'));
            }
            return s.append('\n').append(explanation(action)).toString();
        }
    }

    private final ApplicationActionRunner runner;
    private final TaskExecutor executor;
    private final Clock clock;
    private final ObservableList<ActionProgress> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private long requests;

    public AddonActionsViewModel(ApplicationActionRunner runner, TaskExecutor executor, Clock clock) {
        this.runner = runner;
        this.executor = executor;
        this.clock = clock;
    }

    /**
     * The request for an action on the chosen Applications; empty when none of them can take it
     * (the status line then says why).
     */
    public Optional<Request> request(ApplicationAction action, List<ApplicationStatus> chosen) {
        List<ApplicationStatus> sent = chosen.stream()
                .filter(a -> action != ApplicationAction.RETRY || a.operationFailed())
                .toList();
        List<String> skipped = chosen.stream()
                .filter(a -> !sent.contains(a))
                .map(a -> a.name() + " (last sync " + (a.operationPhase() == null ? "none" : a.operationPhase())
                        + ": nothing failed to retry; use Sync)")
                .toList();
        if (sent.isEmpty()) {
            status.set(
                    chosen.isEmpty()
                            ? action.title() + ": choose a cell with an Application, or a spoke's row"
                            : action.title() + ": nothing to send. " + String.join("; ", skipped));
            return Optional.empty();
        }
        return Optional.of(new Request(action, sent, skipped));
    }

    /** Sends the confirmed request in the background; each Application's row changes as the hub answers. */
    public void run(Request r) {
        long id = ++requests;
        for (ApplicationStatus a : r.applications()) {
            add(new ActionProgress(
                    id, r.action(), a.namespace(), a.name(), ActionProgress.State.PENDING, "", clock.instant()));
        }
        busy.set(true);
        status.set(r.title() + ": sending\u2026");
        BackgroundTask<Void> task = BackgroundTask.wrap(ctx -> {
            Consumer<ActionResult> answer = ctx.deliver(this::answered);
            for (ApplicationStatus a : r.applications()) {
                if (ctx.isCancelled()) {
                    break;
                }
                answer.accept(runner.run(r.action(), a.namespace(), a.name()));
            }
            return null;
        });
        task.onFailure(e -> status.set(r.title() + " stopped: " + e.getMessage()))
                .onFinished(() -> {
                    busy.set(false);
                    status.set(summary(id, r));
                });
        executor.execute(task);
    }

    private void answered(ActionResult result) {
        for (int i = results.size() - 1; i >= 0; i--) {
            ActionProgress p = results.get(i);
            if (p.state() == ActionProgress.State.PENDING
                    && p.action() == result.action()
                    && p.application().equals(result.application())
                    && p.namespace().equals(result.namespace())) {
                results.set(
                        i,
                        new ActionProgress(
                                p.request(),
                                p.action(),
                                p.namespace(),
                                p.application(),
                                state(result.outcome()),
                                result.message(),
                                clock.instant()));
                return;
            }
        }
    }

    private String summary(long id, Request r) {
        List<ActionProgress> mine =
                results.stream().filter(p -> p.request() == id).toList();
        long done = mine.stream()
                .filter(p -> p.state() == ActionProgress.State.DONE)
                .count();
        long refused = mine.stream()
                .filter(p -> p.state() == ActionProgress.State.REFUSED)
                .count();
        long failed = mine.stream()
                .filter(p -> p.state() == ActionProgress.State.FAILED)
                .count();
        StringBuilder s = new StringBuilder(r.action().title())
                .append(": ")
                .append(done)
                .append(" of ")
                .append(r.applications().size())
                .append(" sent");
        if (refused > 0) {
            s.append(", ").append(refused).append(" refused");
        }
        if (failed > 0) {
            s.append(", ").append(failed).append(" failed");
        }
        if (done > 0 && r.action() != ApplicationAction.REFRESH && r.action() != ApplicationAction.HARD_REFRESH) {
            s.append(" \u2014 the cells follow Argo CD's progress");
        }
        return s.toString();
    }

    private void add(ActionProgress p) {
        results.add(p);
        if (results.size() > KEEP) {
            results.remove(0, results.size() - KEEP);
        }
    }

    private static ActionProgress.State state(ActionResult.Outcome o) {
        switch (o) {
            case DONE:
                return ActionProgress.State.DONE;
            case REFUSED:
                return ActionProgress.State.REFUSED;
            default:
                return ActionProgress.State.FAILED;
        }
    }

    static String explanation(ApplicationAction action) {
        switch (action) {
            case REFRESH:
                return "Argo CD compares each with its source again (annotation argocd.argoproj.io/refresh: normal).";
            case HARD_REFRESH:
                return "Argo CD drops its manifest cache and compares each with its source again "
                        + "(annotation argocd.argoproj.io/refresh: hard).";
            case SYNC:
                return "Argo CD's controller starts a sync of each, as user backstack-panel, with the Application's "
                        + "own sync options and retry settings (.operation on the Application object).";
            default:
                return "Argo CD's controller runs each failed sync again, with the same revision, options and retry "
                        + "settings, as user backstack-panel (.operation on the Application object).";
        }
    }

    /** Every action's row, oldest first; a row is replaced when the hub answers. */
    public ObservableList<ActionProgress> results() {
        return results;
    }

    /** One line on the last request: sending, then how many were sent, refused or failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}

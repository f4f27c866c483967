package dev.backstack.panel.installer.gitops;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.ProgressMonitor;

/** Lets JGit poll a cancel flag during transfers, and reports the title of each of its tasks. */
final class CancelMonitor implements ProgressMonitor {

    private final Consumer<String> status;
    private final BooleanSupplier cancelled;

    CancelMonitor(Consumer<String> status, BooleanSupplier cancelled) {
        this.status = status;
        this.cancelled = cancelled;
    }

    @Override
    public void start(int totalTasks) {
        // no overall progress to show
    }

    @Override
    public void beginTask(String title, int totalWork) {
        status.accept(title);
    }

    @Override
    public void update(int completed) {
        // task titles are enough for a status line
    }

    @Override
    public void endTask() {
        // nothing to close
    }

    @Override
    public boolean isCancelled() {
        return cancelled.getAsBoolean();
    }

    @Override
    public void showDuration(boolean enabled) {
        // durations are not shown
    }
}

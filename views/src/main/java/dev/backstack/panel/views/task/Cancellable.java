package dev.backstack.panel.views.task;

/** A handle on something scheduled: cancelling it before it runs keeps it from running. */
@FunctionalInterface
public interface Cancellable {

    void cancel();
}

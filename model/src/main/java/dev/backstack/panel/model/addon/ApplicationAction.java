package dev.backstack.panel.model.addon;

/** What the add-on matrix can ask of an Argo CD Application, through the Application object itself. */
public enum ApplicationAction {
    /** Argo CD re-reads the sources and compares ({@code argocd.argoproj.io/refresh: normal}). */
    REFRESH("Refresh"),
    /** As {@link #REFRESH}, and the manifest cache is dropped first ({@code refresh: hard}). */
    HARD_REFRESH("Hard refresh"),
    /** A new sync operation ({@code .operation.sync}), as Argo CD's own Sync button starts it. */
    SYNC("Sync"),
    /** The failed last sync again: the same sync and retry settings, as a new operation. */
    RETRY("Retry");

    private final String title;

    ApplicationAction(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}

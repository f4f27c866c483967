package dev.backstack.panel.views.wizard;

import dev.backstack.panel.model.install.SecretText;
import dev.backstack.panel.views.task.BackgroundTask;
import dev.backstack.panel.views.task.Cancellable;
import dev.backstack.panel.views.task.TaskExecutor;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The summary page of any plan wizard: what was made (links to web UIs), what to do next, and
 * one secret read only when the user asks for it (such as Argo CD's admin password). Revealing
 * it shows it and copies it to the clipboard; the clipboard is cleared after
 * {@link #CLIPBOARD_TTL} if it still holds the secret. The secret never lives in a string
 * property: {@link #secretProperty()} holds a {@link SecretText}, whose {@code toString} is
 * redacted. No scene-graph code; call on the FX thread.
 */
public final class SummaryViewModel {

    /** How long a copied secret stays on the clipboard. */
    public static final Duration CLIPBOARD_TTL = Duration.ofSeconds(30);

    /** A web UI or another address the run produced. */
    public record Link(String name, String url) {}

    private final TaskExecutor executor;
    private final TextClipboard clipboard;
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ObservableList<Link> links = FXCollections.observableArrayList();
    private final ObservableList<String> nextSteps = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper secretLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SecretText> secret = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper secretStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper revealing = new ReadOnlyBooleanWrapper();
    private Callable<Optional<SecretText>> secretSource;
    private SecretText onClipboard;
    private Cancellable clearing;

    public SummaryViewModel(TaskExecutor executor, TextClipboard clipboard) {
        this.executor = executor;
        this.clipboard = clipboard;
    }

    public void show(String title, List<Link> outputs, List<String> steps) {
        headline.set(title);
        links.setAll(outputs);
        nextSteps.setAll(steps);
    }

    /** The secret the page can reveal on request; {@code source} is called in the background. */
    public void offerSecret(String label, Callable<Optional<SecretText>> source) {
        hideSecret();
        secretLabel.set(label);
        secretSource = source;
        secretStatus.set("");
    }

    /** Reads the secret, shows it, and copies it to the clipboard for {@link #CLIPBOARD_TTL}. */
    public void revealSecret() {
        if (secretSource == null || revealing.get()) {
            return;
        }
        Callable<Optional<SecretText>> source = secretSource;
        revealing.set(true);
        secretStatus.set("Reading " + secretLabel.get() + "\u2026");
        executor.execute(BackgroundTask.wrap(ctx -> source.call())
                .onSuccess(found -> {
                    if (found.isEmpty() || found.get().isEmpty()) {
                        secretStatus.set(secretLabel.get() + " not found on the cluster.");
                        return;
                    }
                    hideSecret();
                    secret.set(found.get());
                    copySecret();
                })
                .onFailure(e -> secretStatus.set("Cannot read " + secretLabel.get() + ": " + e.getMessage()))
                .onFinished(() -> revealing.set(false)));
    }

    /** Copies the shown secret (again) and restarts the clearing countdown. */
    public void copySecret() {
        SecretText s = secret.get();
        if (s == null || s.isEmpty()) {
            return;
        }
        forgetClipboardCopy();
        onClipboard = SecretText.of(s.reveal());
        clipboard.put(onClipboard.reveal());
        secretStatus.set("Copied to the clipboard; cleared in " + CLIPBOARD_TTL.toSeconds() + " s.");
        SecretText copied = onClipboard;
        clearing = executor.schedule(CLIPBOARD_TTL, () -> clearClipboard(copied));
    }

    private void clearClipboard(SecretText copied) {
        if (clipboard.holds(copied.reveal())) {
            clipboard.clear();
            if (secret.get() != null) {
                secretStatus.set("The clipboard was cleared.");
            }
        }
        copied.clear();
        if (copied == onClipboard) {
            onClipboard = null;
            clearing = null;
        }
    }

    private void forgetClipboardCopy() {
        if (clearing != null) {
            clearing.cancel();
            clearing = null;
        }
        if (onClipboard != null) {
            onClipboard.clear();
            onClipboard = null;
        }
    }

    /** Hides the secret from the page (the clipboard countdown goes on) and wipes it from memory. */
    public void hideSecret() {
        SecretText s = secret.get();
        secret.set(null);
        if (s != null) {
            s.clear();
            secretStatus.set(onClipboard == null ? "" : "Hidden; the clipboard is still cleared in time.");
        }
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ObservableList<Link> links() {
        return links;
    }

    public ObservableList<String> nextSteps() {
        return nextSteps;
    }

    /** {@code Argo CD admin password}; empty when the page offers no secret. */
    public ReadOnlyStringProperty secretLabelProperty() {
        return secretLabel.getReadOnlyProperty();
    }

    /** The revealed secret, or null while hidden. */
    public ReadOnlyObjectProperty<SecretText> secretProperty() {
        return secret.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty secretStatusProperty() {
        return secretStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty revealingProperty() {
        return revealing.getReadOnlyProperty();
    }
}

package dev.backstack.panel.views.policy;

import dev.backstack.panel.installer.policy.Selections;
import dev.backstack.panel.model.policy.PolicyEntry;
import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.model.policy.PolicySelection;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The parameters page: a form per chosen policy (kept while the user goes back and forth, so
 * nothing typed is lost), the namespaces every policy leaves alone, and whether everything is
 * valid. No scene-graph code; call on the FX thread.
 */
public final class ParametersViewModel {

    private final Map<String, PolicyForm> forms = new LinkedHashMap<>();
    private final ObservableList<PolicyForm> chosen = FXCollections.observableArrayList();
    private final ObjectProperty<PolicyForm> selected = new SimpleObjectProperty<>();
    private final StringProperty excluded = new SimpleStringProperty(String.join(", ", Selections.DEFAULT_EXCLUDED));
    private final StringBinding excludedProblem;
    private final SimpleObjectProperty<BooleanBinding> formsValid = new SimpleObjectProperty<>();
    private final BooleanBinding valid;

    public ParametersViewModel() {
        excludedProblem = Bindings.createStringBinding(
                () -> namespaces().stream()
                        .filter(ns -> !ns.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") || ns.length() > 63)
                        .findFirst()
                        .map(ns -> "\"" + ns + "\" is not a namespace name")
                        .orElse(""),
                excluded);
        valid = Bindings.createBooleanBinding(
                () -> excludedProblem.get().isEmpty()
                        && formsValid.get() != null
                        && formsValid.get().get(),
                excludedProblem,
                formsValid);
        refreshValidity();
    }

    /** Shows a form for each chosen entry, keeping the forms of entries chosen before. */
    public void choose(List<PolicyEntry> entries) {
        entries.forEach(e -> forms.computeIfAbsent(e.id(), id -> new PolicyForm(e)));
        chosen.setAll(entries.stream().map(e -> forms.get(e.id())).toList());
        if (selected.get() == null || !chosen.contains(selected.get())) {
            selected.set(chosen.isEmpty() ? null : chosen.get(0));
        }
        refreshValidity();
    }

    private void refreshValidity() {
        BooleanBinding all = Bindings.createBooleanBinding(
                () -> chosen.stream().allMatch(f -> f.validProperty().get()),
                chosen.stream().map(PolicyForm::validProperty).toArray(javafx.beans.Observable[]::new));
        formsValid.set(all);
        valid.invalidate();
        all.addListener((o, a, b) -> valid.invalidate());
    }

    /** Sets every chosen policy's mode at once. */
    public void setAllModes(PolicyMode mode) {
        chosen.forEach(f -> f.modeProperty().set(mode));
    }

    /** The selections the forms make; call only when valid. */
    public List<PolicySelection> selections() {
        List<String> ns = namespaces();
        return chosen.stream().map(f -> f.selection(ns)).toList();
    }

    List<String> namespaces() {
        String text = excluded.get() == null ? "" : excluded.get();
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    public ObservableList<PolicyForm> chosen() {
        return chosen;
    }

    public ObjectProperty<PolicyForm> selectedProperty() {
        return selected;
    }

    public StringProperty excludedProperty() {
        return excluded;
    }

    public StringBinding excludedProblemProperty() {
        return excludedProblem;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}

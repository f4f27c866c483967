package dev.backstack.panel.views.addon;

import dev.backstack.panel.model.addon.AddonEntry;
import dev.backstack.panel.model.addon.AddonSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The add-on wizard's first two pages: the catalog with a check per add-on, and the values form of
 * each checked one (a form keeps what was typed while its add-on stays checked). No scene-graph
 * code; call on the FX thread.
 */
public final class AddonChoiceViewModel {

    /** One catalog entry and whether it is chosen. */
    public record Choice(AddonEntry entry, BooleanProperty checked) {
        /** {@code kyverno — chart kyverno 3.9.0 → namespace kyverno}. */
        public String line() {
            String source = entry.source() instanceof AddonSource.Chart c
                    ? "chart " + c.name() + " " + c.version()
                    : "GitOps folder " + ((AddonSource.Git) entry.source()).path();
            return entry.id() + " \u2014 " + source + " \u2192 namespace " + entry.namespace()
                    + (entry.needs().isEmpty() ? "" : " (needs " + String.join(", ", entry.needs()) + ")");
        }

        @Override
        public String toString() {
            return line();
        }
    }

    private final ObservableList<Choice> choices =
            FXCollections.observableArrayList(c -> new javafx.beans.Observable[] {c.checked()});
    private final ObservableList<AddonForm> forms = FXCollections.observableArrayList();
    private final Map<String, AddonForm> formById = new LinkedHashMap<>();
    private final BooleanBinding anyChosen;
    private final BooleanBinding formsValid;
    private final StringBinding needsHint;

    public AddonChoiceViewModel(List<AddonEntry> catalog) {
        catalog.forEach(e -> choices.add(new Choice(e, new SimpleBooleanProperty(false))));
        anyChosen = Bindings.createBooleanBinding(
                () -> choices.stream().anyMatch(c -> c.checked().get()), choices);
        formsValid = Bindings.createBooleanBinding(
                () -> forms.stream().allMatch(f -> f.validProperty().get()), forms);
        needsHint = Bindings.createStringBinding(this::missingNeeds, choices);
    }

    /** Rebuilds the forms for the checked add-ons (keeping those already filled in), on entering the values page. */
    public void enterValues() {
        List<AddonForm> next = new ArrayList<>();
        for (Choice c : choices) {
            if (c.checked().get()) {
                next.add(formById.computeIfAbsent(c.entry().id(), id -> new AddonForm(c.entry())));
            }
        }
        formById.keySet().retainAll(next.stream().map(f -> f.entry().id()).toList());
        forms.setAll(next);
        formsValid.invalidate();
        next.forEach(f -> f.validProperty().addListener((o, a, b) -> formsValid.invalidate()));
    }

    /** Checks or unchecks an add-on by id. */
    public void setChecked(String id, boolean checked) {
        choices.stream()
                .filter(c -> c.entry().id().equals(id))
                .forEach(c -> c.checked().set(checked));
    }

    /** The checked add-ons, in catalog order. */
    public List<AddonEntry> chosen() {
        return choices.stream()
                .filter(c -> c.checked().get())
                .map(Choice::entry)
                .toList();
    }

    private String missingNeeds() {
        List<String> ids = chosen().stream().map(AddonEntry::id).toList();
        List<String> missing = new ArrayList<>();
        for (AddonEntry e : chosen()) {
            e.needs().stream()
                    .filter(n -> !ids.contains(n))
                    .forEach(n -> missing.add(e.id() + " needs " + n + " on the same spokes"));
        }
        return missing.isEmpty()
                ? ""
                : String.join("; ", missing) + ": check it too, unless the spokes have it already.";
    }

    public ObservableList<Choice> choices() {
        return choices;
    }

    public ObservableList<AddonForm> forms() {
        return forms;
    }

    /** What the chosen add-ons need that is not chosen ({@code ""} when nothing). */
    public StringBinding needsHintProperty() {
        return needsHint;
    }

    public BooleanBinding anyChosenProperty() {
        return anyChosen;
    }

    public BooleanBinding formsValidProperty() {
        return formsValid;
    }
}

package dev.backstack.panel.views.policy;

import dev.backstack.panel.model.policy.PolicyEntry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.transformation.FilteredList;

/**
 * The catalog page: every guardrail, filtered by a search text, each checked or not, and the
 * focused entry's description, kinds and a failing sample. Valid when one entry is checked. No
 * scene-graph code; call on the FX thread.
 */
public final class CatalogViewModel {

    private final ObservableList<PolicyEntry> all;
    private final FilteredList<PolicyEntry> shown;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObservableSet<String> checked = FXCollections.observableSet(new java.util.LinkedHashSet<>());
    private final ObjectProperty<PolicyEntry> focused = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private final BooleanBinding valid;

    public CatalogViewModel(List<PolicyEntry> entries) {
        all = FXCollections.observableArrayList(entries);
        shown = new FilteredList<>(all, e -> true);
        search.addListener((o, a, b) -> shown.setPredicate(e -> matches(e, b)));
        focused.addListener((o, a, b) -> details.set(b == null ? "" : describe(b)));
        valid = Bindings.createBooleanBinding(() -> !checked.isEmpty(), checked);
        count.bind(Bindings.createStringBinding(() -> checked.size() + " of " + all.size() + " chosen", checked));
    }

    /** Every word of the search, in any order, singular or plural ("registry" finds "registries"). */
    static boolean matches(PolicyEntry e, String text) {
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        String haystack = (e.id() + " " + e.title() + " " + e.description() + " "
                        + e.category().title() + " " + e.severity().label())
                .toLowerCase(Locale.ROOT);
        return q.isEmpty() || java.util.Arrays.stream(q.split("\\s+")).allMatch(w -> haystack.contains(stem(w)));
    }

    private static String stem(String word) {
        String s = word.replaceFirst("(ies|es|s|y)$", "");
        return s.length() >= 3 ? s : word;
    }

    static String describe(PolicyEntry e) {
        StringBuilder s = new StringBuilder(e.title())
                .append("\n\n")
                .append(e.description())
                .append("\n\n")
                .append("Category: ")
                .append(e.category().title())
                .append("   Severity: ")
                .append(e.severity().label())
                .append("   Default mode: ")
                .append(e.defaultMode().title())
                .append("\nApplies to: ")
                .append(e.matches().stream().map(m -> m.kind()).distinct().collect(Collectors.joining(", ")));
        if (!e.parameters().isEmpty()) {
            s.append("\nParameters: ")
                    .append(e.parameters().stream()
                            .map(p -> p.title() + " (" + p.format(p.defaultValue()) + ")")
                            .collect(Collectors.joining("; ")));
        }
        Map<String, Object> failing = e.failing().get(0);
        Object meta = failing.get("metadata");
        String name = meta instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : "";
        s.append("\n\nFor example, it refuses ")
                .append(failing.get("kind"))
                .append(' ')
                .append(name)
                .append(": ")
                .append(dev.backstack.panel.model.policy.CelTemplate.renderMessage(
                        e.validations().get(0).message(), e.defaults()));
        return s.toString();
    }

    /** Checks or unchecks an entry. */
    public void toggle(PolicyEntry e) {
        if (!checked.remove(e.id())) {
            checked.add(e.id());
        }
    }

    public void setChecked(PolicyEntry e, boolean on) {
        if (on) {
            checked.add(e.id());
        } else {
            checked.remove(e.id());
        }
    }

    /** The catalog's entries with these ids, in catalog order. */
    List<PolicyEntry> entries(java.util.Collection<String> ids) {
        return all.stream().filter(e -> ids.contains(e.id())).toList();
    }

    /** The checked entries, in catalog order. */
    public List<PolicyEntry> chosen() {
        return all.stream().filter(e -> checked.contains(e.id())).toList();
    }

    public ObservableList<PolicyEntry> shown() {
        return shown;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableSet<String> checked() {
        return checked;
    }

    public ObjectProperty<PolicyEntry> focusedProperty() {
        return focused;
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}

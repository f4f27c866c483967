package dev.backstack.panel.views.addon;

import dev.backstack.panel.model.addon.AddonEntry;
import dev.backstack.panel.model.addon.AddonSelection;
import dev.backstack.panel.model.policy.PolicyParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * One chosen add-on's values: each parameter's text, checked as typed with the parameter's own
 * rules (type, bounds, pattern). No scene-graph code; call on the FX thread.
 */
public final class AddonForm {

    /** One parameter's text and what is wrong with it ({@code ""} when valid). */
    public record Field(PolicyParameter parameter, StringProperty text, StringBinding problem) {}

    private final AddonEntry entry;
    private final List<Field> fields = new ArrayList<>();
    private final BooleanBinding valid;

    AddonForm(AddonEntry entry) {
        this.entry = entry;
        List<ObservableBooleanValue> checks = new ArrayList<>();
        for (PolicyParameter p : entry.parameters()) {
            StringProperty text = new SimpleStringProperty(p.format(p.defaultValue()));
            StringBinding problem = Bindings.createStringBinding(
                    () -> p.parse(text.get()).problem().orElse(""), text);
            fields.add(new Field(p, text, problem));
            checks.add(problem.isEmpty());
        }
        valid = Bindings.createBooleanBinding(
                () -> checks.stream().allMatch(ObservableBooleanValue::get),
                checks.toArray(ObservableBooleanValue[]::new));
    }

    /** The selection these values make, for the given spokes; call only when {@link #validProperty()} holds. */
    AddonSelection selection(Map<String, String> selector, List<String> spokes) {
        AddonSelection s = AddonSelection.ofDefaults(entry);
        for (Field f : fields) {
            s = s.withValue(
                    f.parameter().name(), f.parameter().parse(f.text().get()).value());
        }
        return spokes.isEmpty() ? s.withSelector(selector) : s.withSpokes(spokes);
    }

    public AddonEntry entry() {
        return entry;
    }

    public List<Field> fields() {
        return fields;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    @Override
    public String toString() {
        return entry.id();
    }
}

package dev.backstack.panel.views.policy;

import dev.backstack.panel.model.policy.ParamCheck;
import dev.backstack.panel.model.policy.PolicyEntry;
import dev.backstack.panel.model.policy.PolicyMode;
import dev.backstack.panel.model.policy.PolicyParameter;
import dev.backstack.panel.model.policy.PolicySelection;
import java.util.ArrayList;
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
import javafx.beans.value.ObservableBooleanValue;

/**
 * One chosen policy's inputs: its mode and each parameter's text, each checked as typed. No
 * scene-graph code; call on the FX thread.
 */
public final class PolicyForm {

    /** One parameter's text and what is wrong with it ({@code ""} when valid). */
    public record Field(PolicyParameter parameter, StringProperty text, StringBinding problem) {}

    private final PolicyEntry entry;
    private final ObjectProperty<PolicyMode> mode;
    private final List<Field> fields = new ArrayList<>();
    private final BooleanBinding valid;

    PolicyForm(PolicyEntry entry) {
        this.entry = entry;
        this.mode = new SimpleObjectProperty<>(entry.defaultMode());
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

    /** The selection these inputs make; call only when {@link #validProperty()} holds. */
    PolicySelection selection(List<String> excluded) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : fields) {
            ParamCheck c = f.parameter().parse(f.text().get());
            values.put(f.parameter().name(), c.value());
        }
        return new PolicySelection(entry, values, mode.get(), excluded);
    }

    public PolicyEntry entry() {
        return entry;
    }

    public ObjectProperty<PolicyMode> modeProperty() {
        return mode;
    }

    public List<Field> fields() {
        return fields;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    @Override
    public String toString() {
        return entry.title();
    }
}

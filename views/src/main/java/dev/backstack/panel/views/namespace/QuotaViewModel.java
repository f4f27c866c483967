package dev.backstack.panel.views.namespace;

import dev.backstack.panel.model.namespace.ContainerDefaults;
import dev.backstack.panel.model.namespace.NamespaceQuota;
import dev.backstack.panel.model.namespace.Quantity;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The quota page: the namespace's CPU, memory and pods, and a container's default requests and
 * limits, each checked as a Kubernetes quantity as typed; the rules between them (request within
 * limit, limit within quota) are one problem line below. No scene-graph code; call on the FX thread.
 */
public final class QuotaViewModel {

    private final StringProperty cpu = new SimpleStringProperty(NamespaceQuota.DEFAULT.cpu());
    private final StringProperty memory = new SimpleStringProperty(NamespaceQuota.DEFAULT.memory());
    private final StringProperty pods = new SimpleStringProperty(NamespaceQuota.DEFAULT.pods());
    private final StringProperty requestCpu = new SimpleStringProperty(ContainerDefaults.DEFAULT.requestCpu());
    private final StringProperty requestMemory = new SimpleStringProperty(ContainerDefaults.DEFAULT.requestMemory());
    private final StringProperty limitCpu = new SimpleStringProperty(ContainerDefaults.DEFAULT.limitCpu());
    private final StringProperty limitMemory = new SimpleStringProperty(ContainerDefaults.DEFAULT.limitMemory());
    private final StringBinding podsProblem;
    private final StringBinding rulesProblem;
    private final BooleanBinding valid;

    public QuotaViewModel() {
        Observable[] all = {cpu, memory, pods, requestCpu, requestMemory, limitCpu, limitMemory};
        podsProblem = Bindings.createStringBinding(
                () -> quota().problems().stream()
                        .filter(p -> p.startsWith("Pods quota"))
                        .findFirst()
                        .orElse(""),
                pods);
        rulesProblem = Bindings.createStringBinding(() -> String.join("\n", crossFieldProblems()), all);
        valid = Bindings.createBooleanBinding(
                () -> quota().problems().isEmpty()
                        && defaults().problems(quota()).isEmpty(),
                all);
    }

    public NamespaceQuota quota() {
        return new NamespaceQuota(cpu.get(), memory.get(), pods.get());
    }

    public ContainerDefaults defaults() {
        return new ContainerDefaults(requestCpu.get(), requestMemory.get(), limitCpu.get(), limitMemory.get());
    }

    /** The problems that are not about one field's own text. */
    private List<String> crossFieldProblems() {
        List<String> out = new ArrayList<>();
        for (String p : defaults().problems(quota())) {
            if (p.contains(" is more than the ")) {
                out.add(p);
            }
        }
        return out;
    }

    /** The problem of one quantity field as typed, or empty. */
    public static StringBinding problemOf(String field, StringProperty text) {
        return Bindings.createStringBinding(
                () -> Quantity.problem(field, text.get()).orElse(""), text);
    }

    public StringProperty cpuProperty() {
        return cpu;
    }

    public StringProperty memoryProperty() {
        return memory;
    }

    public StringProperty podsProperty() {
        return pods;
    }

    public StringProperty requestCpuProperty() {
        return requestCpu;
    }

    public StringProperty requestMemoryProperty() {
        return requestMemory;
    }

    public StringProperty limitCpuProperty() {
        return limitCpu;
    }

    public StringProperty limitMemoryProperty() {
        return limitMemory;
    }

    public StringBinding podsProblemProperty() {
        return podsProblem;
    }

    /** Requests above limits, limits above the quota; one per line, or empty. */
    public StringBinding rulesProblemProperty() {
        return rulesProblem;
    }

    public BooleanBinding validProperty() {
        return valid;
    }
}

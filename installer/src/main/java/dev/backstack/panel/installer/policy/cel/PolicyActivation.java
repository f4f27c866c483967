package dev.backstack.panel.installer.policy.cel;

import dev.cel.common.values.NullValue;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelVariableResolver;
import dev.cel.runtime.Program;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inputs of one evaluation. Variables are computed when an expression first reads them and
 * then kept, as Kubernetes does: a variable that fails only fails the expressions that read it
 * (and {@code ||} / {@code &&} may absorb it). One per evaluation, used by one thread.
 */
final class PolicyActivation implements CelVariableResolver {

    private final CelInput input;
    private final Map<String, Integer> variableIndex;
    private final List<Program> variables;
    private final Object[] values;

    PolicyActivation(CelInput input, Map<String, Integer> variableIndex, List<Program> variables) {
        this.input = input;
        this.variableIndex = variableIndex;
        this.variables = variables;
        this.values = new Object[variables.size()];
    }

    @Override
    public Optional<Object> find(String name) {
        switch (name) {
            case "object":
                return value(input.object());
            case "oldObject":
                return Optional.of(NullValue.NULL_VALUE);
            case "namespaceObject":
                return value(input.namespaceObject());
            case "request":
                return value(input.request());
            default:
                break;
        }
        if (name.startsWith(CelEnvironment.VARIABLES)) {
            Integer i = variableIndex.get(name.substring(CelEnvironment.VARIABLES.length()));
            if (i != null) {
                return Optional.of(variable(i));
            }
        }
        return Optional.empty();
    }

    private Object variable(int i) {
        Object v = values[i];
        if (v == null) {
            try {
                v = variables.get(i).eval(this);
            } catch (CelEvaluationException e) {
                v = CelErrors.VariableFailure.of(e);
            } catch (CelErrors.VariableFailure e) {
                v = e;
            }
            values[i] = v == null ? NullValue.NULL_VALUE : v;
        }
        if (values[i] instanceof CelErrors.VariableFailure failure) {
            throw failure;
        }
        return values[i];
    }

    private static Optional<Object> value(Object v) {
        return Optional.of(v == null ? NullValue.NULL_VALUE : v);
    }
}

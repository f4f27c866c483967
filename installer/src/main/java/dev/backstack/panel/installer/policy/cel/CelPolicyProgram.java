package dev.backstack.panel.installer.policy.cel;

import dev.backstack.panel.model.policy.CelValidation;
import dev.backstack.panel.model.policy.CelVariable;
import dev.cel.common.types.CelType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.Program;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A policy's CEL (variables and validations, already rendered by {@code CelTemplate}) compiled
 * once and evaluated in-process the way a Kubernetes ValidatingAdmissionPolicy evaluates it on
 * create. Immutable; {@link #evaluate} may be called from any number of threads at once.
 *
 * <h2>Semantics (as Kubernetes)</h2>
 * <ul>
 * <li>Inputs: {@code object}, {@code oldObject} (null), {@code request}, {@code namespaceObject}
 *     (null for cluster-scoped objects), all {@code dyn}; and {@code variables.<name>}, typed as
 *     its expression. A validation must be checked as {@code bool}: {@code object.spec.flag}
 *     alone is {@code dyn} and refused (write {@code object.spec.flag == true}).</li>
 * <li>Variables are evaluated lazily, at most once per object; each may read the ones before it.
 *     A variable that fails only fails the validations that read it.</li>
 * <li>Every validation is evaluated. FAIL when any is false (its message, or
 *     {@code failed expression: <expr>}), ERROR when none is false but one could not be evaluated
 *     (for example {@code no such key: securityContext}), else PASS (see {@link CelVerdict}).</li>
 * <li>Whole JSON numbers are {@code int}, fractions {@code double}; int, uint and double compare
 *     with each other.</li>
 * </ul>
 *
 * <h2>Available</h2>
 * The standard library and macros ({@code has}, {@code all}, {@code exists}, {@code exists_one},
 * {@code map}, {@code filter}), {@code in}, {@code size}, {@code matches} (RE2, via re2j),
 * {@code startsWith}, {@code endsWith}, {@code contains}, timestamps and durations; the strings
 * extension ({@code charAt}, {@code indexOf}, {@code lastIndexOf}, {@code lowerAscii},
 * {@code upperAscii}, {@code replace}, {@code split}, {@code join}, {@code substring},
 * {@code trim}, {@code strings.quote}); optional field selection ({@code object.?spec.?x},
 * {@code orValue}, {@code hasValue}); sets ({@code sets.contains}, {@code sets.equivalent},
 * {@code sets.intersects}); two-variable comprehensions ({@code all(k, v, ...)},
 * {@code transformList}, {@code transformMap}).
 *
 * <h2>Kubernetes CEL that cel-java lacks (catalog authors: do not use)</h2>
 * These compile in a ValidatingAdmissionPolicy but not here (a {@link CelCompileException}):
 * the Kubernetes list library ({@code isSorted}, {@code sum}, {@code min}, {@code max}, list
 * {@code indexOf} / {@code lastIndexOf}); regex {@code find} / {@code findAll}; {@code url};
 * {@code quantity} / {@code isQuantity}; {@code ip} / {@code cidr}; the {@code format} library and
 * the string {@code format} function; {@code semver}; {@code image}; {@code authorizer}; and
 * {@code params} (the panel renders parameters into the text). {@code request.userInfo} is absent
 * here, so reading it is an ERROR. Kubernetes' cost limits are not enforced.
 */
public final class CelPolicyProgram {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final List<CelVariable> variables;
    private final List<CelValidation> validations;
    private final Map<String, Integer> variableIndex;
    private final List<Program> variablePrograms;
    private final List<Program> validationPrograms;

    private CelPolicyProgram(
            List<CelVariable> variables,
            List<CelValidation> validations,
            List<Program> variablePrograms,
            List<Program> validationPrograms) {
        this.variables = List.copyOf(variables);
        this.validations = List.copyOf(validations);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            index.put(variables.get(i).name(), i);
        }
        this.variableIndex = Map.copyOf(index);
        this.variablePrograms = List.copyOf(variablePrograms);
        this.validationPrograms = List.copyOf(validationPrograms);
    }

    /**
     * Compiles the policy: each variable may read the variables before it, each validation all of
     * them.
     *
     * @throws CelCompileException for the first expression that does not compile, or a variable
     *                             name that is not an identifier or is repeated
     */
    public static CelPolicyProgram compile(List<CelVariable> variables, List<CelValidation> validations)
            throws CelCompileException {
        Map<String, CelType> types = new LinkedHashMap<>();
        List<Program> variablePrograms = new ArrayList<>();
        for (CelVariable v : variables) {
            String where = "variable " + v.name();
            if (v.name() == null || !NAME.matcher(v.name()).matches() || types.containsKey(v.name())) {
                throw new CelCompileException(
                        where,
                        String.valueOf(v.expression()),
                        0,
                        0,
                        types.containsKey(v.name()) ? "the name is used twice" : "the name is not an identifier",
                        null);
            }
            var compiled = CelCompilation.compile(CelEnvironment.withVariables(types), where, v.expression(), false);
            variablePrograms.add(compiled.program());
            types.put(v.name(), compiled.type());
        }
        var env = CelEnvironment.withVariables(types);
        List<Program> validationPrograms = new ArrayList<>();
        for (int i = 0; i < validations.size(); i++) {
            validationPrograms.add(CelCompilation.compile(
                            env, "validation " + (i + 1), validations.get(i).expression(), true)
                    .program());
        }
        return new CelPolicyProgram(variables, validations, variablePrograms, validationPrograms);
    }

    /**
     * Loads and starts cel-java (a second or more on a cold JVM: its classes, protobuf's
     * descriptors, the standard library) so that the first preview does not wait for it. Call it
     * from a background thread, for example when the policy wizard opens; idempotent.
     */
    public static void warmUp() {
        try {
            compile(
                            List.of(new CelVariable("v", "object.metadata.name")),
                            List.of(new CelValidation("variables.v.startsWith('a') && [1].all(x, x > 0)", "m")))
                    .evaluate(Map.of("metadata", Map.of()), null);
        } catch (CelCompileException e) {
            throw new IllegalStateException("the warm-up expression does not compile", e);
        }
    }

    /** Evaluates the policy for an object about to be created in {@code namespaceObject} (null if cluster-scoped). */
    public CelVerdict evaluate(Map<String, ?> object, Map<String, ?> namespaceObject) {
        return evaluate(CelInput.of(object, namespaceObject));
    }

    /** Evaluates the policy for prepared inputs (prepare once when several policies read the same object). */
    public CelVerdict evaluate(CelInput input) {
        PolicyActivation activation = new PolicyActivation(input, variableIndex, variablePrograms);
        List<CelViolation> violations = null;
        for (int i = 0; i < validationPrograms.size(); i++) {
            CelViolation v = check(i, activation);
            if (v != null) {
                if (violations == null) {
                    violations = new ArrayList<>(2);
                }
                violations.add(v);
            }
        }
        return violations == null ? CelVerdict.pass() : CelVerdict.of(violations);
    }

    private CelViolation check(int i, PolicyActivation activation) {
        CelValidation validation = validations.get(i);
        Object result;
        try {
            result = validationPrograms.get(i).eval(activation);
        } catch (CelEvaluationException | CelErrors.VariableFailure e) {
            return new CelViolation(i, validation.expression(), true, CelErrors.text(e));
        }
        if (Boolean.TRUE.equals(result)) {
            return null;
        }
        if (Boolean.FALSE.equals(result)) {
            String message =
                    validation.message() == null || validation.message().isBlank()
                            ? "failed expression: " + validation.expression().strip()
                            : validation.message();
            return new CelViolation(i, validation.expression(), false, message);
        }
        return new CelViolation(i, validation.expression(), true, "validation did not evaluate to a bool: " + result);
    }

    public List<CelVariable> variables() {
        return variables;
    }

    public List<CelValidation> validations() {
        return validations;
    }
}

package dev.backstack.panel.installer.policy.cel;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.extensions.CelStringExtensions;
import dev.cel.extensions.SetsFunction;
import dev.cel.parser.CelStandardMacro;
import dev.cel.validator.CelValidator;
import dev.cel.validator.CelValidatorFactory;
import dev.cel.validator.validators.DurationLiteralValidator;
import dev.cel.validator.validators.RegexLiteralValidator;
import dev.cel.validator.validators.TimestampLiteralValidator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The CEL environment of a Kubernetes ValidatingAdmissionPolicy, as far as cel-java has it: the
 * standard library and macros, cross-type numeric comparisons, homogeneous aggregate literals,
 * optional types, the strings extension as Kubernetes has it (version 2, without
 * {@code format}), sets, two-variable comprehensions, and compile-time checks of regular
 * expression, duration and timestamp literals. Every input is {@code dyn}, as in a
 * ValidatingAdmissionPolicy (which type-checks against schemas only to warn); a variable has the
 * type its expression was checked to.
 *
 * <p>cel-java's legacy interpreter, not its newer planner: on JSON maps the planner was 5 to 10
 * times slower per evaluation in {@code ImpactEvaluatorBench} (it adapts the whole input), and the
 * legacy one gives the same answers on the inputs {@link CelValues} prepares. Immutable.
 */
final class CelEnvironment {

    /** The inputs every expression sees, besides {@code variables}. */
    static final List<String> INPUTS = List.of("object", "oldObject", "request", "namespaceObject");
    /** A variable {@code v} is declared as the qualified name {@code variables.v}, resolved lazily. */
    static final String VARIABLES = "variables.";

    private static final Cel BASE = base();

    private CelEnvironment() {}

    private static Cel base() {
        CelOptions options = CelOptions.current()
                .enableOptionalSyntax(true)
                .enableHeterogeneousNumericComparisons(true)
                .enableHomogeneousLiterals(true)
                .build();
        EnumSet<CelStringExtensions.Function> strings = EnumSet.allOf(CelStringExtensions.Function.class);
        strings.remove(CelStringExtensions.Function.REVERSE);
        CelBuilder builder = CelFactory.legacyCelBuilder()
                .setOptions(options)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addCompilerLibraries(
                        CelExtensions.strings(strings),
                        CelExtensions.optional(),
                        CelExtensions.sets(options, EnumSet.allOf(SetsFunction.class)),
                        CelExtensions.comprehensions())
                .addRuntimeLibraries(
                        CelExtensions.strings(strings),
                        CelExtensions.optional(),
                        CelExtensions.sets(options, EnumSet.allOf(SetsFunction.class)),
                        CelExtensions.comprehensions());
        INPUTS.forEach(name -> builder.addVar(name, SimpleType.DYN));
        return builder.build();
    }

    /** The environment for an expression that may read the given variables, with their checked types. */
    static Cel withVariables(Map<String, CelType> variables) {
        if (variables.isEmpty()) {
            return BASE;
        }
        CelBuilder builder = BASE.toCelBuilder();
        variables.forEach((name, type) -> builder.addVar(VARIABLES + name, type));
        return builder.build();
    }

    /** The literal checks Kubernetes runs after type-checking. */
    static CelValidator validator(Cel cel) {
        return CelValidatorFactory.standardCelValidatorBuilder(cel)
                .addAstValidators(
                        RegexLiteralValidator.INSTANCE,
                        DurationLiteralValidator.INSTANCE,
                        TimestampLiteralValidator.INSTANCE)
                .build();
    }
}

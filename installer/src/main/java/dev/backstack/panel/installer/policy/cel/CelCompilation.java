package dev.backstack.panel.installer.policy.cel;

import dev.cel.bundle.Cel;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelSource;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.Program;
import java.util.List;

/** Compiles one expression of a policy, or says why it cannot. Pure; any thread. */
final class CelCompilation {

    /** A compiled expression and the type the checker gave it. */
    record Compiled(Program program, CelType type) {}

    private CelCompilation() {}

    /**
     * @param where     which expression of the policy, for the message
     * @param mustBeBool whether the expression is a validation: Kubernetes wants the checked type
     *                   to be bool ({@code dyn} is refused, as {@code object.spec.flag} alone is)
     */
    static Compiled compile(Cel cel, String where, String expression, boolean mustBeBool) throws CelCompileException {
        if (expression == null || expression.isBlank()) {
            throw new CelCompileException(where, String.valueOf(expression), 0, 0, "the expression is empty", null);
        }
        CelValidationResult result = cel.compile(expression);
        if (!result.hasError()) {
            result = CelEnvironment.validator(cel).validate(astOf(result));
        }
        if (result.hasError()) {
            throw failure(where, expression, result.getSource(), result.getErrors());
        }
        CelAbstractSyntaxTree ast = astOf(result);
        CelType type = ast.getResultType();
        if (mustBeBool && !SimpleType.BOOL.equals(type)) {
            throw new CelCompileException(
                    where,
                    expression,
                    0,
                    0,
                    "a validation must evaluate to bool, this one gives " + type.name()
                            + (SimpleType.DYN.equals(type) ? " (compare it, e.g. == true)" : ""),
                    null);
        }
        try {
            return new Compiled(cel.createProgram(ast), type);
        } catch (CelEvaluationException e) {
            throw new CelCompileException(where, expression, 0, 0, CelErrors.text(e), null);
        }
    }

    private static CelAbstractSyntaxTree astOf(CelValidationResult result) {
        try {
            return result.getAst();
        } catch (CelValidationException e) {
            throw new IllegalStateException("a result without errors has an AST", e);
        }
    }

    private static CelCompileException failure(
            String where, String expression, CelSource source, List<CelIssue> errors) {
        CelIssue first = errors.get(0);
        CelSourceLocation at = first.getSourceLocation();
        if (CelSourceLocation.NONE.equals(at)
                && source != null
                && source.getPositionsMap().containsKey(first.getExprId())) {
            at = source.getOffsetLocation(source.getPositionsMap().get(first.getExprId()))
                    .orElse(at);
        }
        int line = Math.max(at.getLine(), 0);
        int column = at.getLine() > 0 ? at.getColumn() + 1 : 0;
        String display = source == null ? null : CelIssue.toDisplayString(errors, source);
        return new CelCompileException(where, expression, line, column, first.getMessage(), display);
    }
}

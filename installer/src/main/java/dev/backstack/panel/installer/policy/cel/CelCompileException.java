package dev.backstack.panel.installer.policy.cel;

/**
 * A policy's CEL expression that does not compile (a syntax error, an unknown function, a
 * validation that cannot be a bool, a regular expression literal that is not RE2). The message
 * names the expression, where it is in the policy and the position in it, so the wizard can show
 * it as it is; {@link #display()} adds the line with a caret under the position.
 */
public final class CelCompileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String where;
    private final String expression;
    private final int line;
    private final int column;
    private final String reason;
    private final String display;

    /**
     * @param where      which expression of the policy: {@code validation 2}, {@code variable images}
     * @param line       1-based; 0 when unknown
     * @param column     1-based; 0 when unknown
     * @param display    the issue as cel-java shows it (position and caret), or null
     */
    public CelCompileException(String where, String expression, int line, int column, String reason, String display) {
        super(message(where, expression, line, column, reason));
        this.where = where;
        this.expression = expression;
        this.line = line;
        this.column = column;
        this.reason = reason;
        this.display = display;
    }

    private static String message(String where, String expression, int line, int column, String reason) {
        String at = line > 0 ? " at line " + line + ", column " + column : "";
        return where + ": \"" + expression + "\" does not compile" + at + ": " + reason;
    }

    public String where() {
        return where;
    }

    public String expression() {
        return expression;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }

    /** The message followed by the expression's line with a caret under the position (monospace). */
    public String display() {
        return display == null ? getMessage() : getMessage() + "\n" + display;
    }
}

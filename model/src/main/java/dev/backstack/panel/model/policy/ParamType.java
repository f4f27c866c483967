package dev.backstack.panel.model.policy;

/** The types a catalog parameter can have. */
public enum ParamType {
    /** One string, optionally matching a pattern. */
    STRING,
    /** A list of strings (entered comma-separated), each optionally matching a pattern. */
    STRING_LIST,
    /** A whole number, optionally bounded. */
    INTEGER
}

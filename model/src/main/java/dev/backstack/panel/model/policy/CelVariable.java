package dev.backstack.panel.model.policy;

/** A named CEL expression the validations read as {@code variables.<name>}, evaluated in order. */
public record CelVariable(String name, String expression) {}

package dev.backstack.panel.model;
public enum Health { HEALTHY }

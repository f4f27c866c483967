package dev.backstack.panel.model;

/** A cluster's place in the fleet. */
public enum ClusterRole {
    HUB,
    SPOKE
}

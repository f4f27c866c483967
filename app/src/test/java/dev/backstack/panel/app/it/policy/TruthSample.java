package dev.backstack.panel.app.it.policy;

import java.util.Map;

/**
 * An object to try on the API server (JSON map with apiVersion, kind, metadata.name; a namespaced
 * one without a namespace goes to {@link AdmissionTruth#SAMPLE_NAMESPACE}).
 *
 * @param expectedRejected what its author meant: true for a failing sample, false for a passing
 *                         one, null when the test only compares the prediction with the server
 */
public record TruthSample(Map<String, Object> object, Boolean expectedRejected) {

    public static TruthSample passing(Map<String, Object> object) {
        return new TruthSample(object, false);
    }

    public static TruthSample failing(Map<String, Object> object) {
        return new TruthSample(object, true);
    }
}

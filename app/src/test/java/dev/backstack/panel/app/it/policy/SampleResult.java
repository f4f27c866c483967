package dev.backstack.panel.app.it.policy;

/**
 * One sample object: what the panel's evaluator predicted and what the API server did.
 *
 * @param expectedRejected what the sample's author meant (a catalog's failing sample: true), or null
 * @param predictedMessage the text the evaluator expects after {@code denied request: }, or empty
 * @param serverMessage    the API server's refusal, or empty when it admitted the object
 * @param problem          a refusal that was not this policy's (schema, namespace...), or null
 */
public record SampleResult(
        String label,
        Boolean expectedRejected,
        boolean predicted,
        String predictedMessage,
        boolean rejected,
        String serverMessage,
        String problem) {

    /** Both refused but the server's message does not carry the predicted text. */
    public boolean messageDiffers() {
        return predicted && rejected && !serverMessage.contains(predictedMessage);
    }

    /** The server did not do what the sample's author meant. */
    public boolean unexpected() {
        return problem == null && expectedRejected != null && expectedRejected != rejected;
    }

    @Override
    public String toString() {
        return label + ": predicted " + (predicted ? "refused (" + predictedMessage + ")" : "admitted") + ", server "
                + (problem != null ? "failed: " + problem : rejected ? "refused (" + serverMessage + ")" : "admitted")
                + (expectedRejected == null ? "" : ", meant " + (expectedRejected ? "refused" : "admitted"));
    }
}

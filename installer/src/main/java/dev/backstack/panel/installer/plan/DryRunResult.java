package dev.backstack.panel.installer.plan;

/**
 * The server-side dry run of one object or release.
 *
 * @param subject  {@code Provider crossplane-contrib-provider-helm}, {@code Helm release crossplane}
 * @param verdict  accepted, refused, or deferred (its kind is served only once an earlier step ran)
 * @param message  the refusal or the deferral reason; empty when accepted
 */
public record DryRunResult(String subject, Verdict verdict, String message) {

    /** How the API server answered the dry run. */
    public enum Verdict {
        ACCEPTED,
        REFUSED,
        DEFERRED
    }

    public static DryRunResult accepted(String subject) {
        return new DryRunResult(subject, Verdict.ACCEPTED, "");
    }
}

package dev.backstack.panel.installer.apply;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Why the API server refused a server-side apply (or its dry run), sorted into the cases the
 * panel explains differently. Every case names the object, keeps the server's own message, and
 * says in {@link #message()} what the user can do. Immutable; safe on any thread.
 */
public sealed interface ApplyFailure {

    /** Kyverno's troubleshooting guide, for a Kyverno webhook that cannot be reached. */
    String KYVERNO_TROUBLESHOOTING = "https://kyverno.io/docs/troubleshooting/";

    /** The object the apply was about. */
    ObjectRef object();

    /** The HTTP status of the answer; 0 when the API server gave none. */
    int code();

    /** The API server's message, unchanged. */
    String serverMessage();

    /** A complete explanation for the user: what happened, to which object, and what to do. */
    String message();

    /** 409: the apply would take fields that another field manager owns. Nothing was changed. */
    record Conflict(ObjectRef object, List<FieldConflict> conflicts, String serverMessage) implements ApplyFailure {
        public Conflict {
            conflicts = List.copyOf(conflicts);
        }

        @Override
        public int code() {
            return 409;
        }

        @Override
        public String message() {
            String fields = conflicts.stream().map(c -> "  " + c).collect(Collectors.joining("\n"));
            return "Cannot apply " + object + ": " + plural(conflicts.size(), "field is", "fields are")
                    + " owned by another field manager (changed outside the panel):\n" + fields + "\n"
                    + "Nothing was changed. Either change the value in the panel to match the cluster, or confirm "
                    + "taking the " + (conflicts.size() == 1 ? "field" : "fields") + " over and apply again with force "
                    + "(the other manager's value is overwritten, and a controller that owns it may set it back).";
        }
    }

    /** 422 (or a field the schema does not declare): the object is invalid. Nothing was changed. */
    record Invalid(ObjectRef object, List<InvalidField> fields, int code, String serverMessage)
            implements ApplyFailure {
        public Invalid {
            fields = List.copyOf(fields);
        }

        @Override
        public String message() {
            String lines = fields.isEmpty()
                    ? "  " + serverMessage
                    : fields.stream().map(f -> "  " + f).collect(Collectors.joining("\n"));
            return object + " is invalid:\n" + lines + "\nNothing was changed. Correct "
                    + (fields.size() == 1 ? "this field" : "these fields") + " and apply again.";
        }
    }

    /** A ValidatingAdmissionPolicy denied the object. Nothing was changed. */
    record PolicyDenied(ObjectRef object, String policy, String binding, String reason, int code, String serverMessage)
            implements ApplyFailure {
        @Override
        public String message() {
            return "ValidatingAdmissionPolicy \"" + policy + "\""
                    + (binding == null ? "" : " (binding \"" + binding + "\")")
                    + " denied " + object + ": " + reason + "\nNothing was changed. Change the object so that it "
                    + "satisfies the policy, or ask a cluster administrator about the policy.";
        }
    }

    /** An admission webhook answered and denied the object. Nothing was changed. */
    record WebhookDenied(ObjectRef object, String webhook, String reason, int code, String serverMessage)
            implements ApplyFailure {
        @Override
        public String message() {
            return "Admission webhook \"" + webhook + "\" denied " + object + ": " + reason
                    + "\nNothing was changed. Change the object so that the webhook's policy allows it.";
        }
    }

    /**
     * An admission webhook with {@code failurePolicy: Fail} could not be called, so the API server
     * refused the object. Nothing was changed.
     *
     * @param configuration the webhook configuration holding it, or {@code null} when unknown
     */
    record WebhookUnreachable(
            ObjectRef object, String webhook, String configuration, String reason, int code, String serverMessage)
            implements ApplyFailure {
        @Override
        public String message() {
            StringBuilder s =
                    new StringBuilder("Admission webhook \"").append(webhook).append('"');
            if (configuration != null) {
                s.append(" (in webhook configuration \"").append(configuration).append("\")");
            }
            s.append(" could not be called, and its failurePolicy is Fail, so the API server refuses ")
                    .append(object)
                    .append(": ")
                    .append(reason)
                    .append("\nNothing was changed. Bring the webhook's service back "
                            + "(is its controller running?) and apply again. The panel does not remove webhook "
                            + "configurations without your consent.");
            if (webhook.toLowerCase(Locale.ROOT).contains("kyverno")
                    || (configuration != null
                            && configuration.toLowerCase(Locale.ROOT).contains("kyverno"))) {
                s.append("\nKyverno troubleshooting: ").append(KYVERNO_TROUBLESHOOTING);
            }
            return s.toString();
        }
    }

    /**
     * Any other refusal: no permission, a missing namespace or kind, an exceeded quota, a
     * terminating namespace, no answer at all ({@code code} 0, {@code reason} {@value #NO_ANSWER}).
     *
     * @param reason the Status reason ({@code Forbidden}, {@code NotFound}, ...), or empty
     */
    record Rejected(ObjectRef object, int code, String reason, String serverMessage) implements ApplyFailure {
        /** The {@code reason} when the request got no HTTP answer (connection failed or timed out). */
        public static final String NO_ANSWER = "NoAnswer";

        @Override
        public String message() {
            if (NO_ANSWER.equals(reason)) {
                return "Could not apply " + object + ": no answer from the API server (" + serverMessage
                        + "). It may or may not have been changed; apply again when the cluster is reachable.";
            }
            if (code <= 0) {
                return "Could not apply " + object + ": " + serverMessage;
            }
            return "The API server refused " + object + " (HTTP " + code + (reason.isEmpty() ? "" : " " + reason)
                    + "): " + serverMessage + hint();
        }

        private String hint() {
            String m = serverMessage.toLowerCase(Locale.ROOT);
            if (m.contains("exceeded quota")) {
                return "\nA ResourceQuota in the namespace is used up; raise it or free some of it.";
            }
            if (m.contains("being terminated")) {
                return "\nThe namespace is terminating; wait until it is gone (or remove what blocks it) and apply again.";
            }
            if (code == 403) {
                return "\nYour user lacks a permission this needs; the permission check lists all of them.";
            }
            if (code == 404) {
                return "\nIts namespace or its kind (CRD) does not exist yet.";
            }
            return "";
        }
    }

    private static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}

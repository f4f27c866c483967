package dev.backstack.panel.installer.apply;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sorts the API server's refusal of an apply into an {@link ApplyFailure}. The formats are the
 * API server's (checked against kube-apiserver 1.37): Status causes of reason
 * {@code FieldManagerConflict} for conflicts, 422 causes for invalid fields, and the admission
 * messages of ValidatingAdmissionPolicies and webhooks.
 */
final class FailureParser {

    static final String FIELD_MANAGER_CONFLICT = "FieldManagerConflict";
    private static final Pattern POLICY = Pattern.compile(
            "ValidatingAdmissionPolicy '([^']*)'(?: with binding '([^']*)')? denied request: (.*)", Pattern.DOTALL);
    private static final Pattern WEBHOOK_DENIED = Pattern.compile(
            "admission webhook \"([^\"]*)\" denied the request(?:: (.*)| without explanation)", Pattern.DOTALL);
    private static final Pattern WEBHOOK_FAILED =
            Pattern.compile("failed calling webhook \"([^\"]*)\": (.*)", Pattern.DOTALL);
    /** {@code conflict with "manager"[ with subresource "s"][ using apps/v1[ at time]]}, manager in Go's %q. */
    private static final Pattern MANAGER = Pattern.compile("conflict with \"((?:[^\"\\\\]|\\\\.)*)\"");

    private static final String TYPED_PATCH = "failed to create typed patch object";

    private FailureParser() {}

    static ApplyFailure classify(ObjectRef ref, KubernetesClientException e) {
        Status status = e.getStatus();
        int code = e.getCode();
        String message = status != null && status.getMessage() != null ? status.getMessage() : rootMessage(e);
        String reason = status != null && status.getReason() != null ? status.getReason() : "";
        List<StatusCause> causes = status != null
                        && status.getDetails() != null
                        && status.getDetails().getCauses() != null
                ? status.getDetails().getCauses()
                : List.of();
        if (code <= 0) { // fabric8 uses 0 or -1 when no HTTP answer came back
            return new ApplyFailure.Rejected(
                    ref, 0, ioFailure(e) ? ApplyFailure.Rejected.NO_ANSWER : "", rootMessage(e));
        }
        Matcher m = POLICY.matcher(message);
        if (m.find()) {
            return new ApplyFailure.PolicyDenied(
                    ref, m.group(1), m.group(2), m.group(3).strip(), code, message);
        }
        m = WEBHOOK_DENIED.matcher(message);
        if (m.find()) {
            String why =
                    m.group(2) == null ? "no explanation given" : m.group(2).strip();
            return new ApplyFailure.WebhookDenied(ref, m.group(1), why, code, message);
        }
        m = WEBHOOK_FAILED.matcher(message);
        if (m.find()) {
            return new ApplyFailure.WebhookUnreachable(
                    ref, m.group(1), null, m.group(2).strip(), code, message);
        }
        List<FieldConflict> conflicts = conflicts(causes);
        if (code == 409 && !conflicts.isEmpty()) {
            return new ApplyFailure.Conflict(ref, conflicts, message);
        }
        if (code == 422 || "Invalid".equals(reason)) {
            List<InvalidField> fields = causes.stream()
                    .map(c -> new InvalidField(
                            Objects.requireNonNullElse(c.getField(), ""),
                            Objects.requireNonNullElse(c.getMessage(), Objects.requireNonNullElse(c.getReason(), ""))))
                    .toList();
            return new ApplyFailure.Invalid(ref, fields, code, message);
        }
        if (message.contains(TYPED_PATCH)) {
            return new ApplyFailure.Invalid(ref, undeclaredFields(message), code, message);
        }
        return new ApplyFailure.Rejected(ref, code, reason, message);
    }

    static List<FieldConflict> conflicts(List<StatusCause> causes) {
        List<FieldConflict> out = new ArrayList<>();
        for (StatusCause c : causes) {
            if (FIELD_MANAGER_CONFLICT.equals(c.getReason())) {
                out.add(new FieldConflict(Objects.requireNonNullElse(c.getField(), ""), manager(c.getMessage())));
            }
        }
        return out;
    }

    /** The manager's name from a cause message such as {@code conflict with "kubectl-edit" using apps/v1}. */
    static String manager(String causeMessage) {
        if (causeMessage == null) {
            return "unknown";
        }
        Matcher m = MANAGER.matcher(causeMessage);
        return m.find() ? m.group(1).replaceAll("\\\\(.)", "$1") : causeMessage;
    }

    /**
     * The fields from {@code failed to create typed patch object (ns/name; gvk): .spec.x: field not
     * declared in schema}, one error or several on separate lines.
     */
    static List<InvalidField> undeclaredFields(String message) {
        int start = message.indexOf("): ", message.indexOf(TYPED_PATCH));
        String errors = start < 0 ? message : message.substring(start + 3);
        List<InvalidField> out = new ArrayList<>();
        for (String line : errors.split("\n")) {
            String l = line.strip();
            if (l.startsWith("- ")) {
                l = l.substring(2);
            }
            int colon = l.indexOf(": ");
            if (l.startsWith(".") && colon > 0) {
                out.add(new InvalidField(l.substring(0, colon), l.substring(colon + 2)));
            }
        }
        return out.isEmpty() ? List.of(new InvalidField("", errors.strip())) : out;
    }

    static boolean ioFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null || m.isBlank() ? root.getClass().getSimpleName() : m;
    }
}

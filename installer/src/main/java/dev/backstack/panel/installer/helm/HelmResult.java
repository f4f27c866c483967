package dev.backstack.panel.installer.helm;

/**
 * A release as Helm reports it after an install, upgrade or status call.
 *
 * @param status Helm's status word: {@code deployed}, {@code failed}, {@code pending-install}, ...
 */
public record HelmResult(String name, String namespace, int revision, String status, String chartVersion) {

    public boolean deployed() {
        return "deployed".equalsIgnoreCase(status);
    }
}

package dev.backstack.panel.installer.plan;

import dev.backstack.panel.model.plan.PreflightFinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * One plan-specific preflight check (an ingress or Gateway present, a default StorageClass,
 * earlier BACK pieces, credentials). Reads only; never writes. Blocking; called from the
 * preflight's thread.
 */
@FunctionalInterface
public interface PreflightCheck {

    List<PreflightFinding> check(KubernetesClient client) throws InterruptedException;
}

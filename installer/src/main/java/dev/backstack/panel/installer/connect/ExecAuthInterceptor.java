package dev.backstack.panel.installer.connect;

import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.utils.TokenRefreshInterceptor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Takes the place of fabric8's token interceptor for exec users: every request carries the
 * provider's token, and a 401 re-runs the plugin (off fabric8's I/O thread) and retries once
 * with the new token. Replacing the interceptor also keeps fabric8 from re-reading the
 * kubeconfig or running the plugin itself.
 */
final class ExecAuthInterceptor implements Interceptor {

    static final String NAME = TokenRefreshInterceptor.NAME;
    private static final String AUTHORIZATION = "Authorization";
    private static final Executor REFRESH = task -> {
        Thread thread = new Thread(task, "credential-refresh");
        thread.setDaemon(true);
        thread.start();
    };

    private final ExecCredentialProvider provider;

    ExecAuthInterceptor(ExecCredentialProvider provider) {
        this.provider = provider;
    }

    @Override
    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
        builder.setHeader(AUTHORIZATION, "Bearer " + provider.getToken());
    }

    @Override
    public CompletableFuture<Boolean> afterFailure(BasicBuilder builder, HttpResponse<?> response, RequestTags tags) {
        if (response.code() != 401) {
            return CompletableFuture.completedFuture(false);
        }
        String rejected = response.request() == null ? null : response.request().header(AUTHORIZATION);
        if (response.body() instanceof AsyncBody body) {
            // Release the rejected response's connection now, on the I/O thread: fabric8 cancels it
            // only right before the retry, which then runs on our thread and can race the close.
            body.cancel();
        }
        return CompletableFuture.supplyAsync(provider::refreshAfterUnauthorized, REFRESH)
                .thenApply(token -> {
                    String header = "Bearer " + token;
                    if (header.equals(rejected)) {
                        return false;
                    }
                    builder.setHeader(AUTHORIZATION, header);
                    return true;
                });
    }
}

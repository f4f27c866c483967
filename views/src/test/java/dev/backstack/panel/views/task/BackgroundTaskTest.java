package dev.backstack.panel.views.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BackgroundTaskTest {

    private final ExecutorService callbackThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "callbacks"));

    @AfterEach
    void stop() {
        callbackThread.shutdownNow();
    }

    @Test
    @DisplayName("callbacks run in order: running, progress, delivered values, success, finished")
    void callbacksInOrder() {
        List<String> seen = new ArrayList<>();
        BackgroundTask.wrap(ctx -> {
                    ctx.updateMessage("half way");
                    ctx.updateProgress(1, 2);
                    ctx.<String>deliver(seen::add).accept("event");
                    return 42;
                })
                .onRunning(() -> seen.add("running"))
                .onProgress(p -> seen.add(p.fraction() + " " + p.message()))
                .onSuccess(v -> seen.add("success " + v))
                .onFinished(() -> seen.add("finished"))
                .executeWith(new CurrentThreadTaskExecutor());

        assertThat(seen).containsExactly("running", "-1.0 half way", "0.5 half way", "event", "success 42", "finished");
    }

    @Test
    @DisplayName("an exception reaches onFailure, not onSuccess")
    void failure() {
        List<String> seen = new ArrayList<>();
        BackgroundTask.wrap(ctx -> {
                    throw new IllegalStateException("boom");
                })
                .onSuccess(v -> seen.add("success"))
                .onFailure(e -> seen.add("failure " + e.getMessage()))
                .executeWith(new CurrentThreadTaskExecutor());
        assertThat(seen).containsExactly("failure boom");
    }

    @Test
    @DisplayName("cancel interrupts the worker thread; callbacks land on the callback thread")
    void cancelInterruptsTheWorker() throws Exception {
        FxTaskExecutor executor = new FxTaskExecutor(callbackThread);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        BackgroundTask<String> task = BackgroundTask.wrap(ctx -> {
                    started.countDown();
                    Thread.sleep(30_000);
                    return "slept";
                })
                .onSuccess(v -> seen.add("success"))
                .onFailure(e -> seen.add("failure"))
                .onCancelled(
                        () -> seen.add("cancelled on " + Thread.currentThread().getName()))
                .onFinished(done::countDown);
        executor.execute(task);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        task.cancel();

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(task.isCancelled()).isTrue();
        assertThat(seen).containsExactly("cancelled on callbacks");
        executor.shutdown();
    }

    @Test
    @DisplayName("scheduled actions run on the callback thread after their delay, unless cancelled")
    void scheduling() throws Exception {
        FxTaskExecutor executor = new FxTaskExecutor(callbackThread);
        CountDownLatch ran = new CountDownLatch(1);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        executor.schedule(java.time.Duration.ofMillis(100), () -> seen.add("cancelled one"))
                .cancel();
        executor.schedule(java.time.Duration.ofMillis(300), () -> {
            seen.add(Thread.currentThread().getName());
            ran.countDown();
        });
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).containsExactly("callbacks");
        executor.shutdown();
    }
}

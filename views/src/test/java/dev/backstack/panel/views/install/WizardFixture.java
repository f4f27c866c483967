package dev.backstack.panel.views.install;

import dev.backstack.panel.views.task.CurrentThreadTaskExecutor;
import dev.backstack.panel.views.wizard.FakeClipboard;
import dev.backstack.panel.views.wizard.MutableClock;
import java.time.Instant;

/** A wizard view-model on a same-thread executor, a hand-moved clock and a fake target. */
final class WizardFixture {

    static final String TOKEN = "ghp_" + "a".repeat(36);

    final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    final FakeClipboard clipboard = new FakeClipboard();
    final FakeBackend backend = new FakeBackend(clock);
    final FakeTargets targets = new FakeTargets();
    final InstallWizardViewModel vm;

    WizardFixture() {
        targets.backends.put("kind-hub", backend);
        targets.broken.add("prod-east");
        vm = new InstallWizardViewModel(targets, executor, clock, clipboard);
    }

    /** Target chosen, profile and credentials filled in validly. */
    WizardFixture filledIn() {
        vm.target().select("kind-hub");
        vm.profile().repositoryProperty().set("https://github.com/acme/platform-gitops");
        vm.credentials().setGithubToken(TOKEN);
        return this;
    }

    /** Through the review with a clean preflight. */
    WizardFixture reviewed() {
        filledIn();
        vm.enterReview();
        vm.review().runPreflight();
        return this;
    }
}

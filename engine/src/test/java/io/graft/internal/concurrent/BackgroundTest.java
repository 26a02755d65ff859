package io.graft.internal.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.ChangelogException;
import io.graft.Problem;
import io.graft.SourceSpan;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BackgroundTest {

    @Test
    void runsOnANamedDaemonThread() {
        CompletableFuture<String> result = Background.start("graft-test",
                () -> Thread.currentThread().getName() + " " + Thread.currentThread().isDaemon());

        assertThat(Background.join(result)).isEqualTo("graft-test true");
    }

    @Test
    void joinRethrowsWhatTheWorkThrewAsItWas() {
        ChangelogException failure = new ChangelogException(Problem.at(new SourceSpan("c.yaml", 3, 4), "broken"));
        CompletableFuture<Object> result = Background.start("graft-test", () -> {
            throw failure;
        });

        assertThatThrownBy(() -> Background.join(result)).isSameAs(failure);
    }

    @Test
    void aCheckedFailureIsWrapped() {
        CompletableFuture<Object> result = Background.start("graft-test", () -> {
            throw new IOException("disk gone");
        });

        assertThatThrownBy(() -> Background.join(result)).isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(IOException.class);
    }
}

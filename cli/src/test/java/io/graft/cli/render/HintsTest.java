package io.graft.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.Problem;
import io.graft.SourceSpan;
import org.junit.jupiter.api.Test;

/** The cli's hints have the shape of the engine's {@link Problem#render()}. */
class HintsTest {

    @Test
    void aHintIsAnIndentedLineUnderItsLine() {
        Problem problem = Problem.at(new SourceSpan("changelog.yaml", 3, 5), "unknown key 'parnets'",
                "did you mean 'parents'?");
        assertThat(String.join("\n", Hints.under(problem.where() + ": " + problem.message(), problem.hint(), "  ")))
                .isEqualTo(problem.render())
                .isEqualTo("changelog.yaml:3:5: unknown key 'parnets'\n  hint: did you mean 'parents'?");
        assertThat(Hints.under("no hint here", null, "  ")).containsExactly("no hint here");
    }
}

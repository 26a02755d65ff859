package io.graft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.TargetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetTest {

    @Test
    void parsesEveryForm() {
        assertThat(Target.parse("head")).isEqualTo(new Target.Head());
        assertThat(Target.parse("heads")).isEqualTo(new Target.Heads());
        assertThat(Target.parse("base")).isEqualTo(new Target.Base());
        assertThat(Target.parse("0001_users")).isEqualTo(new Target.Named("0001_users"));
        assertThat(Target.parse("core")).isEqualTo(new Target.Named("core"));
        assertThat(Target.parse("core@head")).isEqualTo(new Target.BranchHead("core"));
        assertThat(Target.parse("+2")).isEqualTo(new Target.Relative(2));
        assertThat(Target.parse("-1")).isEqualTo(new Target.Relative(-1));
        assertThat(Target.parse("ae10+2")).isEqualTo(new Target.Offset("ae10", 2));
        assertThat(Target.parse("0003_x.y-3")).isEqualTo(new Target.Offset("0003_x.y", -3));
        assertThat(Target.parse("core@+1")).isEqualTo(new Target.BranchRelative("core", 1));
        assertThat(Target.parse("core@-2")).isEqualTo(new Target.BranchRelative("core", -2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"head", "heads", "base", "abc", "core@head", "+2", "-1", "ae10+2", "x-3", "core@+1",
            "core@-2"})
    void textGivesTheTargetBack(String text) {
        assertThat(Target.parse(text).text()).isEqualTo(text);
    }

    @Test
    void emptyTarget() {
        assertThatThrownBy(() -> Target.parse(" "))
                .isInstanceOf(TargetException.class)
                .hasMessage("invalid target ' ': a target cannot be empty\n  hint: a target is " + Target.FORMS);
    }

    @Test
    void characterOutsideTheIdAlphabet() {
        assertThatThrownBy(() -> Target.parse("add-users-x"))
                .isInstanceOf(TargetException.class)
                .hasMessageStartingWith("invalid target 'add-users-x': ids and labels use letters, digits, '_' and"
                        + " '.' only\n  hint: a target is head, heads, base, an id, a unique id prefix (4+ chars),"
                        + " the name part of an id (add_posts for 20261201213630_add_posts), a label, LABEL@head, +N, -N, ID+N, ID-N, LABEL@+N or LABEL@-N");
    }

    @Test
    void badSuffixAfterAt() {
        assertThatThrownBy(() -> Target.parse("core@base"))
                .hasMessageStartingWith("invalid target 'core@base': after '@' comes 'head', '+N' or '-N'");
    }

    @Test
    void rangeIsNotATarget() {
        assertThatThrownBy(() -> Target.parse("a:b"))
                .hasMessageStartingWith("invalid target 'a:b': a range FROM:TO is only accepted by history");
    }

    @Test
    void zeroAndHugeStepCounts() {
        assertThatThrownBy(() -> Target.parse("+0"))
                .hasMessageStartingWith("invalid target '+0': the step count must be at least 1");
        assertThatThrownBy(() -> Target.parse("a-99999999999"))
                .hasMessageStartingWith("invalid target 'a-99999999999': the step count 99999999999 is too large");
    }

    @Test
    void theExceptionCarriesTheTarget() {
        assertThatThrownBy(() -> Target.parse("x y"))
                .isInstanceOfSatisfying(TargetException.class, e -> assertThat(e.target()).isEqualTo("x y"));
    }
}

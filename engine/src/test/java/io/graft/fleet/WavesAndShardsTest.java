package io.graft.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Waves, shards and name patterns: pure, no database. */
class WavesAndShardsTest {

    @Test
    void wavesTakeANumberAPercentageAndTheRest() {
        assertThat(Waves.parse("1,10%,rest").sizes(200)).containsExactly(1, 20, 179);
        assertThat(Waves.parse("1,10%").sizes(200)).containsExactly(1, 20, 179);
        assertThat(Waves.parse("1,10%,rest").sizes(5)).containsExactly(1, 1, 3);
        assertThat(Waves.parse("1,10%,rest").sizes(1)).containsExactly(1);
        assertThat(Waves.parse("1,10%,rest").sizes(0)).isEmpty();
        assertThat(Waves.parse("50%,50%").sizes(7)).containsExactly(4, 3);
        assertThat(Waves.parse(null).sizes(9)).containsExactly(9);
        assertThat(Waves.parse("3").split(List.of("a", "b", "c", "d"))).containsExactly(List.of("a", "b", "c"), List.of("d"));
    }

    @Test
    void badWavesSayWhatIsAccepted() {
        assertThatThrownBy(() -> Waves.parse("1,rest,5")).hasMessageContaining("'rest' must be the last wave");
        assertThatThrownBy(() -> Waves.parse("1,ten")).hasMessageContaining("'ten' is not a number of targets");
        assertThatThrownBy(() -> Waves.parse("0")).hasMessageContaining("'0'");
        assertThatThrownBy(() -> Waves.parse("150%")).hasMessageContaining("'150%'");
    }

    @Test
    void shardsCoverEveryTargetExactlyOnce() {
        List<String> names = IntStream.range(0, 1000).mapToObj(i -> "tenant_" + i).toList();
        Map<String, Integer> owner = new HashMap<>();
        int[] counts = new int[4];
        for (int s = 0; s < 4; s++) {
            Shard shard = new Shard(s, 4);
            for (String n : names) {
                if (shard.contains(n)) {
                    assertThat(owner.put(n, s)).as(n).isNull();
                    counts[s]++;
                }
            }
        }
        assertThat(owner).hasSize(1000);
        for (int c : counts) {
            assertThat(c).isBetween(180, 320);
        }
    }

    @Test
    void addingAShardMovesOnlyTheTargetsItTakes() {
        List<String> names = IntStream.range(0, 2000).mapToObj(i -> "db" + i).toList();
        int moved = 0;
        for (String n : names) {
            int before = Shard.shardOf(n, 4);
            int after = Shard.shardOf(n, 5);
            if (before != after) {
                assertThat(after).as("a target that moves goes to the new shard").isEqualTo(4);
                moved++;
            }
        }
        assertThat(moved).isBetween(300, 500);
    }

    @Test
    void shardsAreWrittenIOfNFromZero() {
        assertThat(Shard.parse("0/3")).isEqualTo(new Shard(0, 3));
        assertThat(Shard.parse(" 2 / 3 ")).isEqualTo(new Shard(2, 3));
        assertThatThrownBy(() -> Shard.parse("3/3")).hasMessageContaining("shards count from 0")
                .hasMessageContaining("0/3 to 2/3");
        assertThatThrownBy(() -> Shard.parse("one")).hasMessageContaining("is not I/N");
    }

    @Test
    void onlyAndExcludeMatchNamesWithWildcards() {
        List<FleetTarget> targets = new ArrayList<>();
        for (String n : List.of("acme", "acme_eu", "globex", "initech", "umbrella")) {
            targets.add(FleetTarget.of(n, "jdbc:sqlite:" + n + ".db"));
        }
        Selection s = new Selection(List.of("acme*,globex", "u?brella"), List.of("*_eu"), null);
        assertThat(s.apply(targets)).extracting(FleetTarget::name).containsExactly("acme", "globex", "umbrella");
        assertThat(Selection.ALL.apply(targets)).hasSize(5);
    }
}

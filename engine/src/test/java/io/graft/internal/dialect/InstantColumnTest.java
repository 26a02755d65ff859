package io.graft.internal.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SQLite's history instants, read by hand, read as {@link Instant#parse} reads them. */
class InstantColumnTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-02T15:19:00Z", "2026-12-02T15:19:00.123Z", "2026-12-02T15:19:00.123456Z",
        "2026-12-02T15:19:00.123456789Z", "2026-12-02T15:19:00.1Z", "1970-01-01T00:00:00Z", "2024-02-29T23:59:59.999Z",
        "+12026-12-02T15:19:00Z", "2026-12-02T15:19:00+01:00", "2026-12-02T15:19:60Z", "2026-12-02T10:00:00.Z"})
    void readsWhatInstantParseReads(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> InstantColumn.parseIso(text)).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(InstantColumn.parseIso(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-12-02T25:00:00Z", "2026-12-0xT10:00:00Z",
        "2026-12-02T10:00:00.1234567890Z"})
    void refusesWhatInstantParseRefuses(String text) {
        assertThatThrownBy(() -> InstantColumn.parseIso(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void everyInstantWrittenReadsBack() {
        for (Instant i : new Instant[] {Instant.now(), Instant.ofEpochSecond(1_800_000_000L, 5_000_000),
            Instant.ofEpochSecond(0, 1), Instant.ofEpochSecond(1_700_000_000L)}) {
            assertThat(InstantColumn.parseIso((String) InstantColumn.ISO_TEXT.toDatabase(i))).isEqualTo(i);
        }
    }
}

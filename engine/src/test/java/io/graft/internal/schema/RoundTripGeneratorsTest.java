package io.graft.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.graft.changelog.DialectId;
import io.graft.internal.schema.RoundTripSchemas.Pair;
import io.graft.internal.schema.RoundTripSchemas.Spec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The round trips prove only what their generator makes: in a few hundred pairs (no database),
 * every kind of object and of change it is documented to make turns up, so that narrowing it
 * cannot quietly take a kind away.
 */
class RoundTripGeneratorsTest {

    @ParameterizedTest
    @EnumSource(DialectId.class)
    void everyKindTurnsUp(DialectId dialect) {
        List<Pair> pairs = RoundTripGenerators.pairs(dialect).sampleStream().limit(400).toList();
        Map<String, Predicate<Pair>> kinds = new TreeMap<>();
        kinds.put("a table only in A", p -> p.a().tables().stream().anyMatch(t -> p.b().table(t.name()).isEmpty()));
        kinds.put("a table only in B", p -> p.b().tables().stream().anyMatch(t -> p.a().table(t.name()).isEmpty()));
        kinds.put("a column retyped", p -> p.a().tables().stream().anyMatch(t -> p.b().table(t.name()).stream()
                .anyMatch(u -> t.columns().stream().anyMatch(c -> u.column(c.name())
                        .filter(d -> !d.type().equals(c.type())).isPresent()))));
        kinds.put("a column renamed", p -> !p.renames().isEmpty());
        kinds.put("a default changed", p -> changed(p, c -> String.valueOf(c.dflt())));
        kinds.put("nullability changed", p -> changed(p, c -> String.valueOf(c.notNull())));
        kinds.put("identity", p -> any(p.b(), s -> s.tables().stream().anyMatch(t -> t.columns().stream()
                .anyMatch(c -> c.identity() != null))));
        kinds.put("a primary key", p -> any(p.a(), s -> s.tables().stream().anyMatch(t -> !t.pk().isEmpty())));
        kinds.put("a unique constraint", p -> any(p.a(), s -> s.tables().stream().anyMatch(t -> !t.uniques().isEmpty())));
        kinds.put("a check", p -> any(p.a(), s -> s.tables().stream().anyMatch(t -> !t.checks().isEmpty())));
        kinds.put("a foreign key", p -> any(p.a(), s -> s.tables().stream().anyMatch(t -> !t.fks().isEmpty())));
        kinds.put("an index", p -> any(p.a(), s -> s.tables().stream().anyMatch(t -> !t.indexes().isEmpty())));
        kinds.put("a view", p -> !p.a().views().isEmpty());
        if (dialect != DialectId.MYSQL) {
            kinds.put("a partial index", p -> any(p.a(), s -> s.tables().stream()
                    .anyMatch(t -> t.indexes().stream().anyMatch(i -> i.kind().equals("partial")))));
            kinds.put("an expression index", p -> any(p.a(), s -> s.tables().stream()
                    .anyMatch(t -> t.indexes().stream().anyMatch(i -> i.kind().equals("expression")))));
        }
        switch (dialect) {
            case POSTGRESQL -> {
                kinds.put("a sequence", p -> !p.a().sequences().isEmpty());
                kinds.put("an enum column", p -> any(p.a(), s -> s.tables().stream()
                        .anyMatch(t -> t.columns().stream().anyMatch(c -> c.type().matches("e[01]")))));
                kinds.put("a comment", p -> any(p.a(), s -> s.tables().stream().anyMatch(t -> t.comment() != null)));
            }
            case SQLITE -> {
                kinds.put("STRICT", p -> any(p.a(), s -> s.tables().stream().anyMatch(RoundTripSchemas.Tbl::strict)));
                kinds.put("WITHOUT ROWID", p -> any(p.a(), s -> s.tables().stream()
                        .anyMatch(RoundTripSchemas.Tbl::withoutRowid)));
            }
            case MYSQL -> {
                kinds.put("a table collation changed", p -> p.a().tables().stream().anyMatch(t -> p.b().table(t.name())
                        .filter(u -> !String.valueOf(u.collation()).equals(String.valueOf(t.collation()))).isPresent()));
                kinds.put("unsigned", p -> any(p.a(), s -> s.tables().stream()
                        .anyMatch(t -> t.columns().stream().anyMatch(c -> c.type().contains("unsigned")))));
                kinds.put("a prefix index", p -> any(p.a(), s -> s.tables().stream()
                        .anyMatch(t -> t.indexes().stream().anyMatch(i -> i.prefix() != null))));
            }
        }
        kinds.forEach((kind, test) -> assertThat(pairs.stream().filter(test).count())
                .as("%s pairs with %s", dialect.key(), kind).isGreaterThan(0));
    }

    private static boolean any(Spec spec, Predicate<Spec> test) {
        return test.test(spec);
    }

    private static boolean changed(Pair p, java.util.function.Function<RoundTripSchemas.Col, String> attribute) {
        return p.a().tables().stream().anyMatch(t -> p.b().table(t.name()).stream().anyMatch(u -> t.columns().stream()
                .anyMatch(c -> u.column(c.name()).filter(d -> !attribute.apply(d).equals(attribute.apply(c)))
                        .isPresent())));
    }
}

package io.graft.bench.micro;

import io.graft.bench.Shapes;
import io.graft.internal.sql.SplitOptions;
import io.graft.internal.sql.SqlSplitter;
import io.graft.internal.sql.SqlStatement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Splitting one large PostgreSQL file (strings, comments, dollar quotes); MB/s = size / time per op. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SplitBench {

    @Param("50")
    public int megabytes;

    private String text;

    @Setup(Level.Trial)
    public void generate() {
        text = Shapes.bigSql(megabytes << 20);
    }

    @Benchmark
    public List<SqlStatement> splitPostgres() {
        return SqlSplitter.split(text, "big.sql", SplitOptions.POSTGRESQL);
    }
}

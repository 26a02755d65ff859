package io.graft.internal.verify;

import io.graft.SchemaDriftReport;
import io.graft.SchemaState;
import io.graft.changelog.DialectId;
import io.graft.internal.history.HistoryStore;
import io.graft.internal.history.HistoryStore.SchemaRecord;
import io.graft.internal.migrate.Migrator;
import io.graft.internal.schema.Schema;
import io.graft.internal.schema.SchemaJson;
import io.graft.internal.schema.SchemaJsonWriter;
import io.graft.internal.schema.SchemaReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The schema each database should have (DESIGN §5, {@code graft_schema}): after every run that
 * changed something, {@code graft up} (and {@code down}) records the hash of the normalised model
 * and the model itself, gzip-compressed and Base64-encoded, so that {@code status} can say the
 * schema drifted and {@code graft drift} can name every difference without a scratch database.
 */
public final class RecordedSchemas implements Migrator.AfterRun {

    /** The name the model is hashed under, so that the same schema in another database hashes the same. */
    private static final String NEUTRAL_NAME = "-";

    private final DialectId dialect;
    private final HistoryStore history;
    private final SchemaReader reader;
    private final String schema;
    private final DriftIgnore ignore;

    /**
     * @param schema the schema Graft migrates (null: the connection's own)
     * @param tablePrefix the history tables' prefix: tables under it are not part of the model
     */
    public RecordedSchemas(DialectId dialect, HistoryStore history, String schema, String tablePrefix,
            DriftIgnore ignore) {
        this.dialect = dialect;
        this.history = history;
        this.reader = SchemaReader.of(dialect, tablePrefix);
        this.schema = schema;
        this.ignore = ignore;
    }

    @Override
    public void changed(Connection c, Set<String> applied) throws SQLException {
        // encoded once for both: the model of 1,000 tables is 2 MB
        byte[] json = SchemaJsonWriter.render(reader.read(c, schema).withName(NEUTRAL_NAME))
                .getBytes(StandardCharsets.UTF_8);
        history.recordSchema(c, applied, sha256(json), compress(json), Instant.now());
    }

    /** The live schema; what {@code graft drift} compares. */
    public Schema readLive(Connection c) throws SQLException {
        return reader.read(c, schema);
    }

    /** The newest recorded schema, if any. */
    public Optional<SchemaRecord> latest(Connection c) throws SQLException {
        return history.latestSchema(c);
    }

    /**
     * Whether the live schema is still the one recorded ({@code graft status}): compared by hash,
     * and where the hashes differ, object by object without the ignored ones.
     */
    public SchemaState check(Connection c, Set<String> applied) throws SQLException {
        Optional<SchemaRecord> found = history.latestSchema(c);
        if (found.isEmpty()) {
            return SchemaState.NOT_RECORDED;
        }
        SchemaRecord record = found.get();
        if (!record.standsFor(applied)) {
            return new SchemaState(SchemaState.Kind.OTHER_REVISIONS, record.recordedAt(), record.revisions(), 0);
        }
        Schema live = reader.read(c, schema);
        if (hash(live).equals(record.hash())) {
            return new SchemaState(SchemaState.Kind.AS_RECORDED, record.recordedAt(), record.revisions(), 0);
        }
        int differences = compare(record, live).differences().size();
        return new SchemaState(differences == 0 ? SchemaState.Kind.AS_RECORDED : SchemaState.Kind.DRIFTED,
                record.recordedAt(), record.revisions(), differences);
    }

    /** The live schema against a recorded one, every difference named, the ignored ones left out. */
    public SchemaDriftReport compare(SchemaRecord record, Schema live) {
        Schema recorded = model(record);
        return SchemaDrift.report(dialect, record.revisions(), recorded, live, ignore,
                SchemaDriftReport.Baseline.RECORDED, record.recordedAt());
    }

    /** The model a record holds; a record that cannot be read is an error naming the table. */
    Schema model(SchemaRecord record) {
        try {
            return SchemaJson.parse(decompress(record.model()));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new IllegalStateException("the schema recorded as run " + record.seq() + " in "
                    + history.tables().schemaRecordsName() + " cannot be read (" + e.getMessage()
                    + "); run 'graft drift --against changelog', or record it again with 'graft up' after a change",
                    e);
        }
    }

    /**
     * SHA-256 of the normalised model, in hex; the schema's own name left out (the model is
     * recorded under a neutral name, so that the same schema in another database is the same record).
     */
    static String hash(Schema schema) {
        return sha256(SchemaJsonWriter.render(schema.withName(NEUTRAL_NAME)).getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String compress(byte[] json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(json.length / 8 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return java.util.Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static String decompress(String stored) {
        byte[] raw;
        try {
            raw = java.util.Base64.getDecoder().decode(stored.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not Base64", e);
        }
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return new String(gzip.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

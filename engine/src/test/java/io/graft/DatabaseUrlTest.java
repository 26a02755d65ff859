package io.graft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.graft.changelog.DialectId;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every form of database URL a user types: what Graft connects with, or the one-line error. */
class DatabaseUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:postgresql://db/app                              | postgresql | jdbc:postgresql://db/app
            jdbc:postgresql://db:5433/app?sslmode=require         | postgresql | jdbc:postgresql://db:5433/app?sslmode=require
            jdbc:postgresql://db                                  | postgresql | jdbc:postgresql://db/
            jdbc:postgresql://db:5432?ssl=true                    | postgresql | jdbc:postgresql://db:5432/?ssl=true
            jdbc:postgresql:app                                   | postgresql | jdbc:postgresql:app
            jdbc:postgresql://h1:5432,h2:5433/app                 | postgresql | jdbc:postgresql://h1:5432,h2:5433/app
            jdbc:postgresql://[::1]:5432/app                      | postgresql | jdbc:postgresql://[::1]:5432/app
            JDBC:PostgreSQL://db/app                              | postgresql | jdbc:postgresql://db/app
            postgresql://db/app                                   | postgresql | jdbc:postgresql://db/app
            postgres://db:5433/app                                | postgresql | jdbc:postgresql://db:5433/app
            postgresql+psycopg2://db/app                          | postgresql | jdbc:postgresql://db/app
            postgresql+asyncpg://db/app                           | postgresql | jdbc:postgresql://db/app
            postgresql://                                         | postgresql | jdbc:postgresql://localhost/
            postgresql:///app                                     | postgresql | jdbc:postgresql://localhost/app
            postgresql://db/my%20app                              | postgresql | jdbc:postgresql://db/my%20app
            postgresql://db/app?sslmode=verify-full&application_name=ci | postgresql | jdbc:postgresql://db/app?sslmode=verify-full&ApplicationName=ci
            postgresql://db/app?connect_timeout=5&target_session_attrs=read-write | postgresql | jdbc:postgresql://db/app?connectTimeout=5&targetServerType=primary
            postgresql://db/app?currentSchema=app                 | postgresql | jdbc:postgresql://db/app?currentSchema=app
            postgresql:///app?host=db&port=5433                   | postgresql | jdbc:postgresql://db:5433/app
            postgresql://db/?dbname=app                           | postgresql | jdbc:postgresql://db/app
            jdbc:mysql://db:3306/app                              | mysql      | jdbc:mariadb://db:3306/app
            jdbc:mysql://db/app?useSSL=false                      | mysql      | jdbc:mariadb://db/app?useSSL=false
            jdbc:mariadb://db/app                                 | mysql      | jdbc:mariadb://db/app
            jdbc:mariadb:sequential://h1,h2/app                   | mysql      | jdbc:mariadb:sequential://h1,h2/app
            mysql://db/app                                        | mysql      | jdbc:mariadb://db/app
            mysql+pymysql://db:3307/app?charset=utf8mb4           | mysql      | jdbc:mariadb://db:3307/app
            mysql+mysqldb://db/app?ssl_mode=REQUIRED              | mysql      | jdbc:mariadb://db/app?sslMode=trust
            mariadb+mariadbconnector://db/app?connect_timeout=3   | mysql      | jdbc:mariadb://db/app?connectTimeout=3000
            mysql://localhost/app?unix_socket=/run/mysqld/mysqld.sock | mysql  | jdbc:mariadb://localhost/app?localSocket=/run/mysqld/mysqld.sock
            jdbc:sqlite:app.db                                    | sqlite     | jdbc:sqlite:app.db
            jdbc:sqlite::memory:                                  | sqlite     | jdbc:sqlite::memory:
            sqlite:///app.db                                      | sqlite     | jdbc:sqlite:app.db
            sqlite:///data/app.db                                 | sqlite     | jdbc:sqlite:data/app.db
            sqlite:////var/lib/app.db                             | sqlite     | jdbc:sqlite:/var/lib/app.db
            sqlite+pysqlite:///app.db?timeout=20                  | sqlite     | jdbc:sqlite:app.db
            sqlite://                                             | sqlite     | jdbc:sqlite::memory:
            sqlite:///:memory:                                    | sqlite     | jdbc:sqlite::memory:
            '  postgresql://db/app  '                             | postgresql | jdbc:postgresql://db/app
            """)
    void eachFormBecomesTheJdbcUrlGraftConnectsWith(String url, String dialect, String jdbc) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        assertThat(parsed.dialect()).isEqualTo(DialectId.fromKey(dialect).orElseThrow());
        assertThat(parsed.jdbcUrl()).isEqualTo(jdbc);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            postgresql://app:s3cret@db/app              | app   | s3cret
            postgresql://app@db/app                     | app   |
            postgresql://app:@db/app                    | app   | ''
            postgres://app:p%40ss%3Aw%2Frd@db:5432/app   | app   | p@ss:w/rd
            postgresql://app:p@ss@db/app                | app   | p@ss
            postgresql://db/app?user=app&password=pw    | app   | pw
            postgresql://%C3%A9mile:pw@db/app           | émile | pw
            mysql://root:r%23t@db/app                   | root  | r#t
            jdbc:mysql://root:pw@db:3306/app            | root  | pw
            jdbc:postgresql://app:pw@db/app             | app   | pw
            """)
    void userAndPasswordAreTakenOutOfTheUrlAndDecoded(String url, String user, String password) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        assertThat(parsed.user()).isEqualTo(user);
        assertThat(parsed.password()).isEqualTo(password);
        assertThat(parsed.jdbcUrl()).doesNotContain("@");
        if (password != null && !password.isEmpty()) {
            assertThat(parsed.toString()).doesNotContain(password);
        }
    }

    @Test
    void aPasswordParameterOfAJdbcUrlIsMaskedInToString() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://db/app?user=a&password=hush").toString())
                .isEqualTo("jdbc:postgresql://db/app?user=a&password=***");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:oracle:thin:@db:1521:orcl", "jdbc:sqlserver://db;databaseName=app", "postgresq://db/app",
            "mongodb://db/app", "redis://localhost", "jdbc:h2:mem:x", "localhost:5432/app", "app.db", "jdbc:",
            "http://db/app", "oracle+cx_oracle://u:p@db/app"})
    void anyOtherSchemeIsUnsupportedAndTheMessageListsTheForms(String url) {
        assertThatThrownBy(() -> DatabaseUrl.parse(url))
                .isInstanceOf(DatabaseUrlException.class)
                .hasMessageStartingWith("unsupported database URL '")
                .hasMessageContaining("postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DB")
                .hasMessageContaining("sqlite:///RELATIVE.db")
                .hasMessageContaining("jdbc:mysql://HOST[:PORT]/DB")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            postgresql://db:99999/app             | the port must be a number from 1 to 65535
            postgresql://db:0/app                 | the port must be a number from 1 to 65535
            jdbc:postgresql://db:port/app         | the port must be a number from 1 to 65535
            jdbc:mysql://db:x/app                 | the port must be a number from 1 to 65535
            postgresql://u:pa/ss@db/app           | percent-encode
            postgresql://[::1/app                 | closing ']'
            postgresql:db/app                     | '//' must follow the scheme
            postgresql://db/app?sslmode=sometimes | sslmode must be
            postgresql://db/app?client_encoding=latin1 | client_encoding must be UTF8
            postgresql://db/app?=x                | a parameter has no name
            postgresql://u:p%zz@db/app            | not followed by two hex digits
            jdbc:postgresql://db/app?password=p%zz | not followed by two hex digits
            jdbc:postgresql:a%2'                  | not followed by two hex digits
            jdbc:postgresql://db//                | the database name holds a '/'
            jdbc:postgresql://db/a/b?x=/          | the database name holds a '/'
            jdbc:postgresql:/                     | '//' must follow
            postgresql://db/app?host=/var/run/postgresql | Unix-domain socket
            postgresql://%2Fvar%2Frun%2Fpostgresql/app | Unix-domain socket
            postgresql://h1,,h2/app               | a host of the list is empty
            postgresql://d b/app                  | blank
            sqlite:app.db                         | '//' must follow 'sqlite:'
            sqlite://host/app.db                  | names no host
            sqlite:///app.db?mode=ro              | means nothing to Graft's SQLite driver
            mysql://db/app?ssl_mode=SOMETIMES     | ssl_mode must be
            mysql://db/a%2Fb                      | cannot hold
            jdbc:mariadb:db                       | '//' must follow
            ''                                    | empty database URL
            '   '                                 | empty database URL
            """)
    void aMalformedUrlOfAKnownSchemeSaysWhatIsWrong(String url, String problem) {
        assertThatThrownBy(() -> DatabaseUrl.parse(url))
                .isInstanceOf(DatabaseUrlException.class)
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void anErrorNeverRepeatsThePassword() {
        for (String url : new String[] {"postgresql://app:Secr3t@db:99999/app", "postgresql://app:Secr3t/x@db/app",
                "mysql://app:Secr3t@db/app?ssl_mode=x", "jdbc:postgresql://app:Secr3t@db:x/app",
                "oracle://app:Secr3t@db/app", "app:Secr3t@db/app", "postgresql://app:Secr3t%zz@db/app"}) {
            assertThatThrownBy(() -> DatabaseUrl.parse(url)).isInstanceOf(DatabaseUrlException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Secr3t"));
        }
    }

    @Test
    void aRelativeSqliteFileIsResolvedAgainstAFolderAndOtherUrlsAreLeftAlone() {
        Path dir = Path.of("/work/project");
        assertThat(DatabaseUrl.parse("sqlite:///dev.db").relativeTo(dir).jdbcUrl()).isEqualTo("jdbc:sqlite:/work/project/dev.db");
        assertThat(DatabaseUrl.parse("jdbc:sqlite:data/../dev.db").relativeTo(dir).jdbcUrl())
                .isEqualTo("jdbc:sqlite:/work/project/dev.db");
        assertThat(DatabaseUrl.parse("jdbc:sqlite:a.db?journal_mode=WAL").relativeTo(dir).jdbcUrl())
                .isEqualTo("jdbc:sqlite:/work/project/a.db?journal_mode=WAL");
        assertThat(DatabaseUrl.parse("sqlite:////tmp/x.db").relativeTo(dir).jdbcUrl()).isEqualTo("jdbc:sqlite:/tmp/x.db");
        assertThat(DatabaseUrl.parse("jdbc:sqlite::memory:").relativeTo(dir).jdbcUrl()).isEqualTo("jdbc:sqlite::memory:");
        assertThat(DatabaseUrl.parse("jdbc:sqlite:file:x.db?mode=memory").relativeTo(dir).jdbcUrl())
                .isEqualTo("jdbc:sqlite:file:x.db?mode=memory");
        assertThat(DatabaseUrl.parse("postgresql://db/app").relativeTo(dir).jdbcUrl()).isEqualTo("jdbc:postgresql://db/app");
        assertThat(DatabaseUrl.parse("sqlite:///dev.db").sqliteFile()).contains(Path.of("dev.db"));
        assertThat(DatabaseUrl.parse("postgresql://db/app").sqliteFile()).isEmpty();
    }

    /**
     * Whatever the input, a URL Graft accepts is one its driver accepts too (pgjdbc's parser
     * returns no null and throws nothing; Connector/J's throws at most an SQLException, which is
     * a connection error); anything else is a DatabaseUrlException of one line.
     */
    @Property(tries = 1000)
    void anyStringIsAUrlTheDriverTakesOrADatabaseUrlExceptionOfOneLine(@ForAll @StringLength(max = 60) String url) {
        for (String candidate : new String[] {url, "postgresql://" + url, "jdbc:postgresql://" + url,
                "jdbc:postgresql://db/" + url, "jdbc:mysql://" + url, "mysql://db/" + url, "sqlite:" + url,
                "mysql+x://u:p@" + url, "postgresql://db/app?" + url}) {
            DatabaseUrl parsed;
            try {
                parsed = DatabaseUrl.parse(candidate);
            } catch (DatabaseUrlException e) {
                assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r");
                continue;
            }
            assertThat(parsed.jdbcUrl()).startsWith("jdbc:");
            switch (parsed.dialect()) {
                case POSTGRESQL -> assertThat(org.postgresql.Driver.parseURL(parsed.jdbcUrl(), null))
                        .as("%s -> %s", candidate, parsed.jdbcUrl()).isNotNull();
                case MYSQL -> {
                    try {
                        org.mariadb.jdbc.Configuration.parse(parsed.jdbcUrl());
                    } catch (java.sql.SQLException e) {
                        // a value the driver refuses: reported as "cannot connect to the database"
                    }
                }
                case SQLITE -> assertThat(parsed.jdbcUrl()).startsWith("jdbc:sqlite:");
            }
        }
    }
}

package io.graft.cli.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void masksRegisteredSecretsInEveryForm() {
        Redactor r = new Redactor();
        r.addSecret("p\"a ss");
        assertThat(r.redact("raw p\"a ss, json p\\\"a ss, url p%22a+ss")).isEqualTo("raw ***, json ***, url ***");
    }

    @Test
    void masksPasswordParametersAndUserInfoOfUrls() {
        Redactor r = new Redactor();
        assertThat(r.redact("jdbc:postgresql://h:5432/db?user=u&password=s3cr3t&ssl=true"))
                .isEqualTo("jdbc:postgresql://h:5432/db?user=u&password=***&ssl=true");
        assertThat(r.redact("jdbc:sqlserver://h;user=u;password=s3cr3t;db=x")).isEqualTo("jdbc:sqlserver://h;user=u;password=***;db=x");
        assertThat(r.redact("jdbc:mysql://app:s3cr3t@db:3306/x")).isEqualTo("jdbc:mysql://app:***@db:3306/x");
        assertThat(r.redact("jdbc:postgresql://localhost:5432/db")).isEqualTo("jdbc:postgresql://localhost:5432/db");
        // Usage text is not a URL.
        assertThat(r.redact("[--password=PASSWORD]")).isEqualTo("[--password=PASSWORD]");
        assertThat(r.redact("postgresql://[USER[:PASSWORD]@]HOST, mysql://USER:PASSWORD@HOST"))
                .isEqualTo("postgresql://[USER[:PASSWORD]@]HOST, mysql://USER:PASSWORD@HOST");
    }

    @Test
    void secretsOfAUrlAreMaskedWhereverTheyAppearLater() {
        Redactor r = new Redactor();
        r.addSecretsOf("jdbc:postgresql://h/db?password=s3cr3t");
        assertThat(r.redact("FATAL: password authentication failed (tried s3cr3t)"))
                .isEqualTo("FATAL: password authentication failed (tried ***)");
    }

    @Test
    void libpqUrlsArePasswordsPercentDecodedAndUpToTheLastAt() {
        Redactor r = new Redactor();
        assertThat(r.redact("postgresql://app:p@ss@db/app")).isEqualTo("postgresql://app:***@db/app");
        r.addSecretsOf("postgres://app:p%40ss%2Bw@db:5432/app");
        assertThat(r.redact("tried p@ss+w")).isEqualTo("tried ***");
        r.addSecretsOf("jdbc:postgresql://h/db?password=bad%zz");
        assertThat(r.redact("tried bad%zz")).isEqualTo("tried ***");
    }

    @Test
    void nothingToMaskLeavesTextAlone() {
        Redactor r = new Redactor();
        r.addSecret(null);
        r.addSecret("");
        assertThat(r.redact("plain text")).isEqualTo("plain text");
        assertThat(r.secrets()).isEmpty();
    }

    @Test
    void writerMasksASecretSplitAcrossWrites() throws IOException {
        Redactor r = new Redactor();
        r.addSecret("hunter2");
        StringWriter target = new StringWriter();
        RedactingWriter w = new RedactingWriter(target, r);
        w.write("the password is hun");
        assertThat(target.toString()).isEmpty();
        w.write("ter2\nnext line hunter");
        assertThat(target.toString()).isEqualTo("the password is ***\n");
        w.write("2");
        w.flush();
        assertThat(target.toString()).isEqualTo("the password is ***\nnext line ***");
    }
}

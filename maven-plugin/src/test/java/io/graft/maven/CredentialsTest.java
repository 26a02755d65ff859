package io.graft.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecrypter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sonatype.plexus.components.cipher.DefaultPlexusCipher;
import org.sonatype.plexus.components.sec.dispatcher.DefaultSecDispatcher;

/** Where a goal's user and password come from, with Maven's own decrypter and cipher. */
class CredentialsTest {

    @TempDir
    Path dir;

    @Test
    void anEncryptedServerPasswordIsDecryptedWithTheMasterPassword() throws Exception {
        DefaultPlexusCipher cipher = new DefaultPlexusCipher();
        Path security = dir.resolve("settings-security.xml");
        Files.writeString(security, "<settingsSecurity><master>"
                + cipher.encryptAndDecorate("master-of-it", "settings.security") + "</master></settingsSecurity>");
        DefaultSettingsDecrypter decrypter = new DefaultSettingsDecrypter(
                new DefaultSecDispatcher(cipher, Map.of(), security.toString()));

        Settings settings = settingsWith("prod-db", "app", cipher.encryptAndDecorate("s3cret!", "master-of-it"));
        Credentials c = Credentials.resolve(null, "prod-db", settings, decrypter, name -> "from-the-environment");

        assertThat(c.user()).isEqualTo("app");
        assertThat(c.password()).isEqualTo("s3cret!");
        assertThat(c.toString()).doesNotContain("s3cret!");
    }

    @Test
    void aPlainServerPasswordAndAnExplicitUser() throws Exception {
        Credentials c = Credentials.resolve("owner", "db", settingsWith("db", "app", "plain"), null, name -> null);

        assertThat(c.user()).isEqualTo("owner");
        assertThat(c.password()).isEqualTo("plain");
    }

    @Test
    void withoutAServerThePasswordComesFromGraftPassword() throws Exception {
        Credentials c = Credentials.resolve("app", null, new Settings(),
                null, name -> name.equals("GRAFT_PASSWORD") ? "env-secret" : null);

        assertThat(c).isEqualTo(new Credentials("app", "env-secret"));
        assertThat(Credentials.resolve(null, null, null, null, name -> null)).isEqualTo(new Credentials(null, null));
    }

    @Test
    void anUnknownServerIdSaysWhatToAdd() {
        assertThatThrownBy(() -> Credentials.resolve(null, "nope", new Settings(), null, name -> null))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("no <server> with id 'nope' in settings.xml")
                .hasMessageContaining("GRAFT_PASSWORD");
    }

    @Test
    void passwordsInUrlsAreRedacted() {
        assertThat(Credentials.redactUrl("jdbc:postgresql://h/db?user=a&password=x%20y&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=****&ssl=true");
        assertThat(Credentials.redactUrl("jdbc:mariadb://h/db?PASSWORD=z")).isEqualTo("jdbc:mariadb://h/db?PASSWORD=****");
    }

    private static Settings settingsWith(String id, String user, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(user);
        server.setPassword(password);
        Settings settings = new Settings();
        settings.addServer(server);
        return settings;
    }
}

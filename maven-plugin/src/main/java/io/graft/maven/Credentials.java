package io.graft.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The user and password a goal connects with. The password comes from a {@code settings.xml}
 * server (decrypted as Maven decrypts it for deployments) or from {@code GRAFT_PASSWORD}; it is
 * never a plugin parameter, because Maven prints every parameter's value with {@code -X}.
 *
 * @param user the user, or null to let the URL (or the driver) decide
 * @param password the password, or null
 */
record Credentials(String user, String password) {

    static final String PASSWORD_VARIABLE = "GRAFT_PASSWORD";

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=" + (password == null ? "none" : "****") + "]";
    }

    static Credentials resolve(String user, String serverId, Settings settings, SettingsDecrypter decrypter,
            Environment env) throws MojoFailureException {
        if (serverId != null) {
            Server server = settings == null ? null : settings.getServer(serverId);
            if (server == null) {
                throw new MojoFailureException("no <server> with id '" + serverId + "' in settings.xml: add one with "
                        + "<username> and <password> (see 'mvn --encrypt-password'), or drop <serverId> and set "
                        + PASSWORD_VARIABLE);
            }
            Server decrypted = decrypt(server, decrypter);
            return new Credentials(user != null ? user : blankToNull(decrypted.getUsername()),
                    blankToNull(decrypted.getPassword()));
        }
        String password = env.get(PASSWORD_VARIABLE);
        return new Credentials(user, password == null || password.isEmpty() ? null : password);
    }

    private static Server decrypt(Server server, SettingsDecrypter decrypter) throws MojoFailureException {
        if (decrypter == null) {
            return server;
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem p : result.getProblems()) {
            if (p.getSeverity() != SettingsProblem.Severity.WARNING) {
                // The problem's message names the server, not the secret.
                throw new MojoFailureException("cannot decrypt the password of server '" + server.getId()
                        + "' in settings.xml: " + p.getMessage()
                        + "; check settings-security.xml (see 'mvn --encrypt-master-password')");
            }
        }
        return result.getServer() != null ? result.getServer() : server;
    }

    /** A URL (or any text) with the value of every {@code password=} parameter replaced by {@code ****}. */
    static String redactUrl(String text) {
        return text == null ? null : text.replaceAll("(?i)(password=)[^&;\\s]*", "$1****");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

package io.graft.cli.secrets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from everything the CLI prints. Every known secret value (a password from the
 * command line, the environment, graft.yaml or a URL) is replaced by {@code ***}, in its raw,
 * JSON-escaped and URL-encoded forms; {@code ?password=...} / {@code &password=...} URL parameters and {@code user:pass@}
 * credentials are masked even when their value was never registered.
 *
 * <p>Secrets are added as they become known (before parsing, after graft.yaml is read), so the
 * one instance is shared by every writer of a run.
 */
public final class Redactor {

    public static final String MASK = "***";

    private static final Pattern URL_PASSWORD =
            Pattern.compile("(?i)([?&;](?:password|passwd|pwd)=)([^&;\\s\"'<>)]+)");
    /** {@code scheme://user:password@}: the password runs to the last {@code @} before the host's {@code /}. */
    private static final Pattern URL_USER_INFO =
            Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^/\\s:@\"']*):([^/\\s\"']+)@");

    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    /** Registers a secret; null and empty values are ignored. */
    public void addSecret(String secret) {
        if (secret == null || secret.isEmpty() || secret.equals(MASK)) {
            return;
        }
        secrets.add(secret);
        secrets.add(jsonEscaped(secret));
        secrets.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
    }

    /** Registers every secret a JDBC URL carries in its {@code password=} parameters or user info. */
    public void addSecretsOf(String url) {
        if (url == null) {
            return;
        }
        Matcher m = URL_PASSWORD.matcher(url);
        while (m.find()) {
            addSecret(m.group(2));
            addSecret(percentDecoded(m.group(2)));
            addSecret(formDecoded(m.group(2)));
        }
        Matcher u = URL_USER_INFO.matcher(url);
        while (u.find()) {
            addSecret(u.group(2));
            addSecret(percentDecoded(u.group(2)));
        }
    }

    /** {@code %XX} decoded as libpq does ({@code +} stays); the text as it is when it is not well formed. */
    private static String percentDecoded(String s) {
        try {
            return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** As pgjdbc decodes a parameter ({@code +} is a blank); the text as it is when it is not well formed. */
    private static String formDecoded(String s) {
        try {
            return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = URL_PASSWORD.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        // Not the placeholder of a usage text: postgresql://[USER[:PASSWORD]@]HOST.
        result = URL_USER_INFO.matcher(result).replaceAll(m -> m.group(2).matches("PASSWORD]?") ? Matcher.quoteReplacement(m.group())
                : Matcher.quoteReplacement(m.group(1) + ":" + MASK + "@"));
        // Longest first, so that a secret containing another one is masked whole.
        List<String> ordered = secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String secret : ordered) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        return result;
    }

    Set<String> secrets() {
        return new LinkedHashSet<>(secrets);
    }

    private static String jsonEscaped(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}

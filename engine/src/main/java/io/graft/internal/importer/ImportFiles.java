package io.graft.internal.importer;

import io.graft.Problem;
import io.graft.SourceSpan;
import io.graft.changelog.Revision;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What the readers of the tools that keep one file per migration (goose, dbmate) share: reading a
 * file as UTF-8, naming it as the user does, and turning a file name into a unique revision id.
 */
final class ImportFiles {

    private ImportFiles() {
    }

    /** The file as UTF-8 text, or null (with a problem) when it cannot be read or is not UTF-8. */
    static String read(Path file, List<Problem> problems) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(Problem.at(SourceSpan.file(display(file)), "the file is not UTF-8, and Graft reads SQL as UTF-8",
                    "convert it (iconv -f LATIN1 -t UTF-8), then import again"));
            return null;
        } catch (IOException e) {
            problems.add(Problem.at(SourceSpan.file(display(file)), "cannot read the file: " + e.getMessage(),
                    "check its permissions"));
            return null;
        }
    }

    /** The file relative to the working folder when it lies below it, else absolute. */
    static String display(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }

    /** Line {@code line} (from 1) of {@code file}, column 1. */
    static SourceSpan at(Path file, int line) {
        return new SourceSpan(display(file), line, 1);
    }

    /** {@code raw} in the id alphabet (other characters become {@code _}), cut to the id length, unique in {@code ids}. */
    static String id(String raw, Set<String> ids) {
        String id = raw.replaceAll("[^" + Revision.ID_ALPHABET + "]", "_");
        if (id.isEmpty()) {
            id = "_";
        }
        if (id.length() > Revision.ID_MAX_LENGTH) {
            id = id.substring(0, Revision.ID_MAX_LENGTH);
        }
        String unique = id;
        for (int n = 2; !ids.add(unique); n++) {
            String suffix = "_" + n;
            unique = id.substring(0, Math.min(id.length(), Revision.ID_MAX_LENGTH - suffix.length())) + suffix;
        }
        return unique;
    }

    /** The lines of {@code text}, each without its line break ({@code \r\n} and {@code \n}). */
    static List<String> lines(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> out = new java.util.ArrayList<>(List.of(body.split("\n", -1)));
        out.replaceAll(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}

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

/** What the readers of foreign layouts share: reading a file as UTF-8, naming it, making an id of a name. */
final class SourceFiles {

    private SourceFiles() {
    }

    /** The file as UTF-8 text, or null (with a problem) when it is not UTF-8 or cannot be read. */
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
            problems.add(Problem.at(SourceSpan.file(display(file)), "cannot read the file: " + e.getMessage()));
            return null;
        }
    }

    /** The file relative to the working directory where it lies below it, else absolute. */
    static String display(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }

    /** {@code raw} in the id alphabet (other characters become {@code _}), cut to the maximum length, unique in {@code ids}. */
    static String id(String raw, Set<String> ids) {
        String id = raw.replaceAll("[^" + Revision.ID_ALPHABET + "]", "_");
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

    /** The 1-based line of {@code offset} in {@code text}. */
    static int line(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}

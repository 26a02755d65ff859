package io.graft.internal.importer;

import io.graft.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * goose's parser of an SQL migration ({@code sqlparser.ParseSQLMigration} of pressly/goose v3),
 * run over a file once to find what the import needs (where the Down section starts, the
 * StatementBegin blocks, {@code NO TRANSACTION}, {@code ENVSUB ON}) and to refuse, at its line,
 * every file goose refuses: an annotation line with leading blanks, an unknown annotation (they
 * match in any case, as goose's {@code extractAnnotation} compares them with {@code EqualFold}), a
 * statement before {@code -- +goose Up}, a second Up, Down before Up or inside a block, a
 * StatementBegin outside a section, a StatementEnd without its begin, a block without its end, a
 * statement without its closing {@code ;} (goose ends a statement at a line whose last word ends
 * in {@code ;}, a {@code --} word ending the line), and a file without {@code -- +goose Up}.
 */
final class GooseParser {

    private GooseParser() {
    }

    /** A StatementBegin block: the lines (from 1) of its two annotations. */
    record Block(int begin, int end) {
    }

    /**
     * What the import takes from a file.
     *
     * @param transactional false with {@code -- +goose NO TRANSACTION}
     * @param downLine the line of {@code -- +goose Down}, 0 when there is none
     * @param blocks the StatementBegin blocks of both sections
     * @param envsub the lines of {@code -- +goose ENVSUB ON}
     */
    record Parsed(boolean transactional, int downLine, List<Block> blocks, List<Integer> envsub) {
    }

    private enum State { START, UP, UP_BLOCK, DOWN, DOWN_BLOCK }

    /** The file's lines parsed, or null when goose refuses the file (the reason added to {@code problems}). */
    static Parsed parse(List<String> lines, Path file, List<Problem> problems) {
        State state = State.START;
        boolean transactional = true;
        int downLine = 0;
        int blockStart = 0;
        int statementStart = 0;
        List<Block> blocks = new ArrayList<>();
        List<Integer> envsub = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int n = i + 1;
            if (state == State.START && line.isBlank()) {
                continue;
            }
            if (line.strip().startsWith("--") && line.contains("+goose")) {
                if (line.startsWith(" ") || line.startsWith("\t")) {
                    return refuse(problems, file, n, "the annotation has blanks before '--', and goose refuses it",
                            "start the line with '--'");
                }
                String written = line.replace("--", "").replaceFirst("\\+goose", "").strip();
                // goose matches annotations in any case (strings.EqualFold): "-- +goose up" is Up
                String annotation = GooseLayout.annotations().stream().filter(written::equalsIgnoreCase).findFirst()
                        .orElse(written);
                switch (annotation) {
                    case "Up" -> {
                        if (state != State.START) {
                            return refuse(problems, file, n, "a second '-- +goose Up': goose refuses the file",
                                    "keep one Up section per file");
                        }
                        state = State.UP;
                    }
                    case "Down" -> {
                        if (state == State.UP_BLOCK || state == State.DOWN_BLOCK) {
                            return refuse(problems, file, n, "'-- +goose Down' inside the StatementBegin block of"
                                    + " line " + blockStart + ": goose refuses the file",
                                    "end the block with '-- +goose StatementEnd' first");
                        }
                        if (state != State.UP) {
                            return refuse(problems, file, n, state == State.START
                                    ? "'-- +goose Down' before '-- +goose Up': goose refuses the file"
                                    : "a second '-- +goose Down': goose refuses the file",
                                    "put one '-- +goose Up' section first, then one '-- +goose Down' section");
                        }
                        if (statementStart > 0) {
                            return unfinished(problems, file, statementStart);
                        }
                        state = State.DOWN;
                        downLine = n;
                    }
                    case "StatementBegin" -> {
                        if (state != State.UP && state != State.DOWN) {
                            return refuse(problems, file, n, state == State.START
                                    ? "'-- +goose StatementBegin' before '-- +goose Up': goose refuses the file"
                                    : "'-- +goose StatementBegin' inside the block of line " + blockStart
                                            + ": goose refuses the file",
                                    state == State.START ? "put '-- +goose Up' above it"
                                            : "end the block of line " + blockStart + " with '-- +goose StatementEnd'");
                        }
                        if (statementStart > 0) {
                            return refuse(problems, file, statementStart, "the statement starting here does not end"
                                    + " with ';' before the StatementBegin block of line " + n + ", so goose sends the"
                                    + " two as one statement", "end it with ';', or move it into the block");
                        }
                        state = state == State.UP ? State.UP_BLOCK : State.DOWN_BLOCK;
                        blockStart = n;
                    }
                    case "StatementEnd" -> {
                        if (state != State.UP_BLOCK && state != State.DOWN_BLOCK) {
                            return refuse(problems, file, n, "'-- +goose StatementEnd' without a"
                                    + " '-- +goose StatementBegin' before it: goose refuses the file",
                                    "add '-- +goose StatementBegin' above the statement, or remove this line");
                        }
                        blocks.add(new Block(blockStart, n));
                        state = state == State.UP_BLOCK ? State.UP : State.DOWN;
                        statementStart = 0;
                    }
                    case "NO TRANSACTION" -> transactional = false;
                    case "ENVSUB ON" -> envsub.add(n);
                    case "ENVSUB OFF" -> { }
                    default -> {
                        return refuse(problems, file, n, "unknown goose annotation '" + annotation + "': goose refuses"
                                + " the file", "goose knows -- +goose " + String.join(", ", GooseLayout.annotations())
                                + " (in upper or lower case)");
                    }
                }
                continue;
            }
            if (statementStart == 0 && (line.strip().startsWith("--") || line.isEmpty())) {
                continue;
            }
            switch (state) {
                case START -> {
                    return refuse(problems, file, n, "a statement before '-- +goose Up': goose refuses the file",
                            "put '-- +goose Up' above the migration's statements");
                }
                case UP, DOWN -> {
                    if (statementStart == 0 && line.isBlank()) {
                        continue;
                    }
                    if (statementStart == 0) {
                        statementStart = n;
                    }
                    if (endsWithSemicolon(line)) {
                        statementStart = 0;
                    }
                }
                case UP_BLOCK, DOWN_BLOCK -> statementStart = statementStart == 0 ? n : statementStart;
            }
        }
        if (state == State.START) {
            return refuse(problems, file, 1, "no '-- +goose Up' line: goose refuses the file",
                    "put '-- +goose Up' above the migration's statements");
        }
        if (state == State.UP_BLOCK || state == State.DOWN_BLOCK) {
            return refuse(problems, file, blockStart, "'-- +goose StatementBegin' without its"
                    + " '-- +goose StatementEnd': goose refuses the file", "end the block with '-- +goose StatementEnd'");
        }
        if (statementStart > 0 && !String.join("\n", lines.subList(statementStart - 1, lines.size())).isBlank()) {
            return unfinished(problems, file, statementStart);
        }
        return new Parsed(transactional, downLine, blocks, envsub);
    }

    /** goose's {@code endsWithSemicolon}: the last word before a word starting with {@code --} ends with {@code ;}. */
    static boolean endsWithSemicolon(String line) {
        String previous = "";
        for (String word : line.strip().split("\\s+")) {
            if (word.startsWith("--")) {
                break;
            }
            previous = word;
        }
        return previous.endsWith(";");
    }

    private static Parsed unfinished(List<Problem> problems, Path file, int line) {
        return refuse(problems, file, line, "the statement starting here does not end with ';' at the end of a line,"
                + " and goose refuses the file (unfinished SQL query: missing semicolon?)",
                "end it with ';', or put it between '-- +goose StatementBegin' and '-- +goose StatementEnd'");
    }

    private static Parsed refuse(List<Problem> problems, Path file, int line, String message, String hint) {
        problems.add(Problem.at(ImportFiles.at(file, line), message, hint));
        return null;
    }
}

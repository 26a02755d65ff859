package io.graft.internal.importer;

import io.graft.ImportRequest;
import io.graft.Problem;
import io.graft.SourceSpan;
import io.graft.changelog.DialectId;
import io.graft.changelog.Revision;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Sqitch project: {@code sqitch.conf} ({@link SqitchConfig}), the plan
 * ({@link SqitchPlan}) and each change's scripts ({@link SqitchScripts}), and turns the changes into
 * revisions:
 * <ul>
 *   <li>one revision per change line, in plan order, each the child of the change before it:
 *       Sqitch deploys in plan order, so the changelog is a line. A dependency on a change of the
 *       same project is always an earlier line (Sqitch refuses a plan otherwise), hence an ancestor
 *       already, and is not repeated as {@code depends_on};</li>
 *   <li>id: the change name with every character other than letters, digits, {@code _} and
 *       {@code .} as {@code _} ({@code user-email} becomes {@code user_email}); a reworked change's
 *       earlier version is {@code NAME_at_TAG}, after the tag whose scripts ({@code NAME@TAG.sql})
 *       it runs;</li>
 *   <li>{@code deploy/} is up, {@code revert/} is down (none: irreversible, a note); a
 *       {@code verify/} script is copied beside the SQL ({@code sql/verify/...}) and named in a
 *       note: the changelog has no key for it;</li>
 *   <li>a tag {@code @v1.0} becomes the label {@code v1.0} of the change it follows, so that
 *       {@code graft up v1.0} does what {@code sqitch deploy --to @v1.0} does;</li>
 *   <li>the change's Sqitch id ({@code change_id}, computed from the plan as Sqitch computes it)
 *       and the SHA-1 of its deploy script ({@code script_hash}) go to the manifest, for
 *       {@link SqitchAdoption}.</li>
 * </ul>
 * Conflicts ({@code !change}), dependencies on other projects, revert operators ({@code -change})
 * and client commands are problems at their line: Graft has nothing that does what they do.
 */
final class SqitchLayout {

    static final String TYPE = "change";

    private final Path dir;
    private final List<Problem> problems;
    private final List<Problem> notes;
    private final SqitchConfig.Target target;
    private final DialectId dialect;
    private final Map<String, Path> verify = new LinkedHashMap<>();

    private SqitchLayout(Path dir, SqitchConfig.Target target, DialectId dialect, List<Problem> problems,
            List<Problem> notes) {
        this.dir = dir;
        this.target = target;
        this.dialect = dialect;
        this.problems = problems;
        this.notes = notes;
    }

    /** The dialect the project's engine stands for: {@code --dialect}, else {@code core.engine}; null when neither says. */
    static DialectId dialect(Path dir, DialectId requested) {
        if (requested != null) {
            return requested;
        }
        String engine = SqitchConfig.read(dir, new ArrayList<>()).engine();
        String key = engine == null ? null : SqitchConfig.ENGINES.get(engine);
        return key == null ? null : DialectId.fromKey(key).orElse(null);
    }

    static Imported read(Path dir, ImportRequest request, List<Problem> problems, List<Problem> notes) {
        SqitchConfig config = SqitchConfig.read(dir, problems);
        String engine;
        if (request.dialect() != null) {
            engine = SqitchConfig.ENGINES.entrySet().stream().filter(e -> e.getValue().equals(request.dialect().key()))
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
        } else {
            engine = config.engine();
        }
        DialectId dialect = dialect(dir, request.dialect());
        if (engine == null || dialect == null) {
            problems.add(Problem.at(SourceSpan.file(display(config.file())), engine == null
                    ? "sqitch.conf names no engine ([core] engine = pg | sqlite | mysql)"
                    : "Sqitch's engine '" + engine + "' has no Graft dialect (Graft runs on pg, sqlite and mysql)",
                    "pass --dialect postgresql, sqlite or mysql"));
            return new Imported(List.of(), null, "changes");
        }
        SqitchConfig.Target target = config.target(engine);
        SqitchLayout layout = new SqitchLayout(dir, target, dialect, problems, notes);
        List<ImportedRevision> revisions = layout.revisions();
        return new Imported(revisions, target.registry(), "changes", layout.verify);
    }

    private List<ImportedRevision> revisions() {
        Path planFile = dir.resolve(target.planFile()).normalize();
        String plan = display(planFile);
        if (!Files.isRegularFile(planFile)) {
            problems.add(Problem.at(SourceSpan.file(plan), "no Sqitch plan at " + plan,
                    "name the folder that holds sqitch.plan (or sqitch.conf naming its plan_file)"));
            return List.of();
        }
        String text = utf8(planFile);
        if (text == null) {
            return List.of();
        }
        SqitchPlan parsed = SqitchPlan.parse(plan, List.of(text.split("\r?\n", -1)), problems);

        Map<SqitchPlan.Change, String> ids = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (SqitchPlan.Change c : parsed.changes) {
            String base = sanitize(c.name) + (c.reworked() ? "_at_" + sanitize(fileTag(c)) : "");
            String id = base;
            for (int n = 2; !used.add(id); n++) {
                id = base + "_" + n;
            }
            ids.put(c, id);
        }
        Set<String> labels = new HashSet<>();
        List<ImportedRevision> out = new ArrayList<>();
        String parent = null;
        Set<String> earlier = new HashSet<>();
        for (SqitchPlan.Change c : parsed.changes) {
            SourceSpan at = new SourceSpan(plan, c.line, 0);
            String id = ids.get(c);
            for (SqitchPlan.Dependency d : c.requires) {
                String key = d.change() != null ? d.change() : d.tag() != null ? "@" + d.tag() : null;
                if (key != null && !d.external(parsed.project, parsed) && !earlier.contains(key)) {
                    problems.add(Problem.at(at, "change '" + c.name + "' requires '" + d.text() + "', which is not"
                            + " planned before it (Sqitch refuses this plan too)", "move '" + c.name + "' below the"
                                    + " change it requires, or correct the dependency"));
                }
            }
            earlier.add(c.name);
            c.tags.forEach(t -> earlier.add("@" + t.name()));
            if (c.operator.equals("-")) {
                problems.add(Problem.at(at, "change '" + c.name + "' is planned as a revert ('-" + c.name + "')",
                        "Graft's revisions only deploy: remove the line (and the change before it) from the plan"));
            }
            for (SqitchPlan.Dependency d : c.conflicts) {
                problems.add(Problem.at(at, "change '" + c.name + "' conflicts with '" + d.text().substring(1)
                        + "' (Sqitch refuses to deploy it while that one is deployed); Graft has no conflicts",
                        "remove '" + d.text() + "' from the plan line, or pass --skip-unsupported to import the change"
                                + " without the check"));
            }
            for (SqitchPlan.Dependency d : c.requires) {
                if (d.external(parsed.project, parsed)) {
                    problems.add(Problem.at(at, "change '" + c.name + "' requires '" + d.text() + "' of another"
                            + " project, which Sqitch checks in its registry at deploy; a Graft changelog has only its"
                            + " own revisions", "deploy that project first wherever this one runs, and pass"
                                    + " --skip-unsupported to import the change without the check"));
                }
            }
            List<String> revisionLabels = new ArrayList<>();
            for (SqitchPlan.Tag t : c.tags) {
                String label = sanitize(t.name());
                if (ids.containsValue(label) || !labels.add(label)) {
                    notes.add(Problem.at(new SourceSpan(plan, t.line(), 0), "tag @" + t.name() + " is not a label:"
                            + " '" + label + "' is a revision id or label already", "target revision " + id + " instead"));
                } else {
                    revisionLabels.add(label);
                }
            }
            ImportedRevision r = revision(c, id, parent, revisionLabels, at, parsed);
            if (r != null) {
                out.add(r);
                parent = id;
            }
        }
        return out;
    }

    private ImportedRevision revision(SqitchPlan.Change c, String id, String parent, List<String> labels, SourceSpan at,
            SqitchPlan plan) {
        String segment = c.reworked() ? c.name + "@" + fileTag(c) : c.name;
        String file = segment + "." + target.extension();
        Path deploy = dir.resolve(scriptDir("deploy", c)).resolve(file).normalize();
        if (!Files.isRegularFile(deploy)) {
            problems.add(Problem.at(at, "change '" + c.name + "' has no deploy script " + display(deploy),
                    "add the script (Sqitch cannot deploy the change without it either)"));
            return null;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(deploy);
        } catch (IOException e) {
            problems.add(Problem.at(SourceSpan.file(display(deploy)), "cannot read: " + e.getMessage(), "make it readable"));
            return null;
        }
        String deployText = utf8(deploy);
        if (deployText == null) {
            return null;
        }
        SqitchScripts.Script up = SqitchScripts.read(display(deploy), deployText, dialect, problems);
        ImportedRevision.Sql upSql = new ImportedRevision.Sql(deploy, "deploy/" + file, up.text(), up.changed());

        Path revert = dir.resolve(scriptDir("revert", c)).resolve(file).normalize();
        ImportedRevision.Sql downSql = null;
        if (Files.isRegularFile(revert)) {
            String revertText = utf8(revert);
            if (revertText != null) {
                SqitchScripts.Script down = SqitchScripts.read(display(revert), revertText, dialect, problems);
                downSql = new ImportedRevision.Sql(revert, "revert/" + file, down.text(), down.changed());
                if (!up.clientOnly() && !down.clientOnly() && down.transactional() != up.transactional()) {
                    notes.add(Problem.at(SourceSpan.file(display(revert)), "runs " + (up.transactional()
                            ? "in one transaction, as its deploy script does" : "statement by statement, as its deploy"
                            + " script does") + "; Sqitch ran it " + (down.transactional() ? "in one transaction"
                            : "statement by statement"), null));
                }
            }
        } else {
            notes.add(Problem.at(at, "change '" + c.name + "' has no revert script " + display(revert)
                    + ": revision " + id + " is irreversible", null));
        }
        if (!up.transactional()) {
            notes.add(Problem.at(SourceSpan.file(display(deploy)), "has no BEGIN/COMMIT, so Sqitch's client ran its"
                    + " statements one by one: revision " + id + " runs with 'transaction: false' the same way", null));
        }
        Path verifyFile = dir.resolve(scriptDir("verify", c)).resolve(file).normalize();
        if (Files.isRegularFile(verifyFile)) {
            verify.put("verify/" + file, verifyFile);
            notes.add(Problem.at(SourceSpan.file(display(verifyFile)), "verify script of " + id + " kept beside the"
                    + " revision's SQL (verify/" + file + "); Graft does not run it: the changelog has no key for it",
                    null));
        }
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("change_id", c.id());
        extra.put("project", plan.project);
        extra.put("change", c.name);
        extra.put("planned_at", c.timestamp);
        extra.put("planner", c.plannerName + " <" + c.plannerEmail + ">");
        if (c.reworked()) {
            extra.put("rework_tag", fileTag(c));
        }
        ImportedRevision.Identity identity = new ImportedRevision.Identity(TYPE, c.id(), c.name,
                scriptDir("deploy", c) + "/" + file, SqitchPlan.sha1(bytes), List.of(), extra);
        String description = c.note.isEmpty() ? null : c.note;
        return new ImportedRevision(id, parent == null ? List.of() : List.of(parent), List.of(), labels, description,
                Map.of(ImportedRevision.ANY, upSql), downSql == null ? Map.of() : Map.of(ImportedRevision.ANY, downSql),
                up.transactional(), false, identity);
    }

    /** The folder of a change's scripts of one kind, relative to the project. */
    private String scriptDir(String kind, SqitchPlan.Change c) {
        return c.reworked() ? target.reworkedScriptDir(kind) : target.scriptDir(kind);
    }

    /**
     * The tag whose name a reworked change's scripts carry: the first of its rework tags for which
     * a deploy script exists, else the first (Sqitch's {@code path_segments}).
     */
    private String fileTag(SqitchPlan.Change c) {
        Path deployDir = dir.resolve(target.reworkedScriptDir("deploy"));
        for (SqitchPlan.Tag t : c.reworkTags) {
            if (Files.isRegularFile(deployDir.resolve(c.name + "@" + t.name() + "." + target.extension()))) {
                return t.name();
            }
        }
        return c.reworkTags.get(0).name();
    }

    static String sanitize(String name) {
        String id = name.replaceAll("[^" + Revision.ID_ALPHABET + "]", "_");
        return id.length() > 128 ? id.substring(0, 128) : id;
    }

    private String utf8(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(Problem.at(SourceSpan.file(display(file)), "not UTF-8", "convert the file to UTF-8"));
        } catch (IOException e) {
            problems.add(Problem.at(SourceSpan.file(display(file)), "cannot read: " + e.getMessage(), "make it readable"));
        }
        return null;
    }

    private static String display(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }
}

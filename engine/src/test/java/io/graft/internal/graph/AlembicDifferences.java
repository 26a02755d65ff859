package io.graft.internal.graph;

import io.graft.Target;
import io.graft.TargetException;
import io.graft.changelog.Revision;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The differences between Graft and Alembic 1.8 that the README documents (section "Graft and
 * Alembic"), each recognised by its rule: what the graph, the state and the command must look
 * like, and what each tool must have done. A difference that fits no rule is a bug in one of them.
 */
final class AlembicDifferences {

    /** README: one step back over a merge reverts the merge alone; Alembic: "Ambiguous walk". */
    static final String MERGE_STEP = "merge-step";
    /** README: several current heads make +N / -N ambiguous; Alembic warns and picks one. */
    static final String SEVERAL_CURRENT = "several-current";
    /** README: a revision that only depends_on points at is still a current head. */
    static final String CURRENT_BY_PARENTS = "current-by-parents";
    /** README: a step back reverts the line it walked; Alembic reverts every child of where it lands. */
    static final String STEP_BACK_ONE_LINE = "step-back-one-line";
    /** README: LABEL@... works on the branch from the label; Alembic on the label's whole lineage. */
    static final String LABEL_BRANCH = "label-branch";
    /**
     * README: Alembic 1.8 mis-tracks its heads when a revision's parents and depends_on overlap (one
     * requires another), Alembic issue 1373, fixed in 1.13.
     */
    static final String ALEMBIC_OVERLAP = "alembic-overlapping-requirements";
    /** README: {@code down ID} with nothing applied above ID does nothing; Alembic refuses unless ID is a row. */
    static final String NOTHING_TO_REVERT = "nothing-to-revert";

    private final Planner planner;
    private final RevisionGraph graph;
    private final Set<String> before;
    private final BitSet known;
    private final List<String> alembicRows;
    private final GeneratedGraph.Command command;
    private final Target target;
    private final AlembicDifferentialTest.Outcome graft;
    private final AlembicDifferentialTest.Outcome alembic;

    AlembicDifferences(Planner planner, Set<String> before, List<String> alembicRows, GeneratedGraph.Command command,
            AlembicDifferentialTest.Outcome graft, AlembicDifferentialTest.Outcome alembic) {
        this.planner = planner;
        this.graph = planner.graph();
        this.before = before;
        this.known = graph.known(before);
        this.alembicRows = alembicRows;
        this.command = command;
        this.target = Target.parse(command.target());
        this.graft = graft;
        this.alembic = alembic;
    }

    /** The rule that explains this difference, or null. */
    String rule() {
        if (alembicOverlap()) {
            return ALEMBIC_OVERLAP;
        }
        if (mergeStep()) {
            return MERGE_STEP;
        }
        if (severalCurrent()) {
            return SEVERAL_CURRENT;
        }
        if (currentByParents()) {
            return CURRENT_BY_PARENTS;
        }
        if (stepBackOneLine()) {
            return STEP_BACK_ONE_LINE;
        }
        if (labelBranch()) {
            return LABEL_BRANCH;
        }
        if (nothingToRevert()) {
            return NOTHING_TO_REVERT;
        }
        return null;
    }

    /**
     * {@code down -1} (or {@code ID-N}, {@code LABEL@-N}) whose walk crosses a merge: Graft
     * reverts the merge alone (its parents stay) or, for a branch, goes on through the branch's
     * side; Alembic 1.8's walk refuses any merge. So Graft ran, Alembic said "Ambiguous walk",
     * and Graft reverted a merge revision.
     */
    private boolean mergeStep() {
        if (command.up() || !isStepBack() || graft.error() != null || !alembicFailed("Ambiguous walk")) {
            return false;
        }
        int steppedOff = planner.resolver().position(target, known).steppedOff();
        if (steppedOff >= 0 && graph.parentsOf(steppedOff).length > 1) {
            return true;
        }
        for (String id : reverted()) {
            if (graph.parents(id).size() > 1) {
                return true;
            }
        }
        return false;
    }

    /** {@code +N} / {@code -N} with several current heads: Graft refuses, Alembic warns and takes one. */
    private boolean severalCurrent() {
        return target instanceof Target.Relative && graftFailed("several revisions are current")
                && alembic.error() == null && alembic.warnings().stream().anyMatch(w -> w.contains("multiple heads"));
    }

    /**
     * {@code +N} / {@code -N} (or {@code LABEL@+N} / {@code LABEL@-N} within a branch) where a
     * current head is a revision that only depends_on points at: Graft counts it (it is the head of
     * its own line) and refuses to guess; Alembic's version table drops such a revision, sees one
     * head and steps from it.
     */
    private boolean currentByParents() {
        BitSet scope = known;
        if (target instanceof Target.BranchRelative branch) {
            if (!graftFailed("has several applied heads")) {
                return false;
            }
            scope = graph.branchMembers(graph.labelled(branch.name()) >= 0 ? graph.labelled(branch.name())
                    : graph.indexOf(branch.name()));
            scope.and(known);
        } else if (!(target instanceof Target.Relative) || !graftFailed("several revisions are current")) {
            return false;
        }
        return graph.tips(scope).size() > 1 && tipsByRequirements(scope).size() == 1;
    }

    /**
     * {@code down ID} (or {@code ID-N}) where ID (where the step lands) is applied and nothing
     * applied descends from its children: Graft has nothing to do; Alembic says "not a valid downgrade target" when ID is not one of its
     * version-table rows (a revision that depends on ID, or a descendant through depends_on, is).
     */
    private boolean nothingToRevert() {
        if (command.up() || graft.error() != null || !graft.applied().equals(before)
                || !alembicFailed("is not a valid downgrade target from current head(s)")) {
            return false;
        }
        List<Integer> at = planner.resolver().position(target, known).at();
        return !at.isEmpty() && at.stream().allMatch(known::get);
    }

    /**
     * A step back ({@code ID-N}, {@code LABEL@-N}) that lands on a revision with several children
     * (or on base with several bases): Graft reverts the line it walked and what depends on it;
     * Alembic downgrades to the landing revision, reverting its other children too (for
     * {@code LABEL@-N} it refuses: "Not a valid downgrade target").
     */
    private boolean stepBackOneLine() {
        if (command.up() || !isStepBack() || graft.error() != null) {
            return false;
        }
        TargetResolver.Position position = planner.resolver().position(target, known);
        int forks = 0;
        if (position.at().isEmpty()) {
            forks = graph.bases().size();
        } else {
            for (int at : position.at()) {
                forks += graph.childrenOf(at).length;
            }
        }
        if (forks < 2 && !position.at().isEmpty()) {
            return false;
        }
        if (alembicFailed("Not a valid downgrade target from current heads")) {
            return target instanceof Target.BranchRelative;
        }
        if (alembic.error() != null) {
            return false;
        }
        Set<String> toLanding = new TreeSet<>(before);
        Target landing = position.at().isEmpty() ? Target.parse("base") : Target.parse(graph.at(position.at().get(0)).id());
        if (position.at().size() > 1) {
            return false;
        }
        try {
            planner.downgrade(landing, before).ids().forEach(toLanding::remove);
        } catch (TargetException e) {
            return false;
        }
        return alembic.applied().equals(toLanding) && graft.applied().containsAll(toLanding);
    }

    /**
     * {@code LABEL@head}, {@code LABEL@+N}, {@code LABEL@-N}: Graft's branch is the labelled
     * revision and its descendants, stopping at a revision with a label of its own; Alembic's
     * label covers the labelled revision's whole lineage (every ancestor and every descendant).
     * The rule holds where that difference is in reach of the command: the branch leaves out a
     * labelled sub-branch; or {@code LABEL@+N} with an ancestor of the label not applied (Alembic
     * counts its steps from there, Graft from the label); or {@code LABEL@-N} with nothing of the
     * branch applied (Graft refuses, Alembic steps back from an ancestor) or with several current
     * heads in the label's lineage (Alembic 1.8 fails on an assert).
     */
    private boolean labelBranch() {
        String name;
        int steps;
        if (target instanceof Target.BranchHead head) {
            name = head.name();
            steps = 0;
        } else if (target instanceof Target.BranchRelative relative) {
            name = relative.name();
            steps = relative.steps();
        } else {
            return false;
        }
        int labelled = graph.labelled(name);
        if (labelled < 0) {
            return false;
        }
        BitSet members = graph.branchMembers(labelled);
        if (!members.equals(descendantsByParents(labelled))) {
            return true;
        }
        if (steps > 0) {
            BitSet ancestors = graph.ancestorsOf(bit(labelled));
            ancestors.clear(labelled);
            ancestors.andNot(known);
            return !ancestors.isEmpty();
        }
        if (steps < 0) {
            BitSet applied = (BitSet) members.clone();
            applied.and(known);
            return applied.isEmpty() || alembicFailed("AssertionError");
        }
        return false;
    }

    /**
     * Alembic 1.8's head bookkeeping breaks where a revision's parents and depends_on overlap, one
     * requiring another (a depends_on that is already an ancestor, or one parent that another
     * depends on; Alembic issue 1373, fixed in 1.13): it fails with "overlaps with other requested
     * revisions" or a KeyError, or keeps a row that another row requires and then counts it as a
     * second head. The applied set is still right; what it does next from such rows is not.
     */
    private boolean alembicOverlap() {
        if (!hasOverlappingRequirements()) {
            return false;
        }
        if (alembicFailed("overlaps with other requested revisions") || alembicFailed("KeyError")) {
            return graft.error() == null;
        }
        return hasRedundantRow();
    }

    /** Whether one of Alembic's version-table rows (before the command) is an ancestor of another. */
    private boolean hasRedundantRow() {
        for (String row : alembicRows) {
            BitSet others = graph.known(alembicRows);
            others.clear(graph.indexOf(row));
            BitSet below = graph.ancestorsOf(others);
            if (below.get(graph.indexOf(row))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a revision requires (as parent or depends_on) two revisions of which one requires the other. */
    private boolean hasOverlappingRequirements() {
        for (Revision revision : graph.revisions()) {
            List<String> requirements = new ArrayList<>(revision.parents());
            requirements.addAll(revision.dependsOn());
            for (String a : requirements) {
                for (String b : requirements) {
                    if (!a.equals(b) && graph.ancestors(List.of(b)).contains(a)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean isStepBack() {
        return target instanceof Target.Relative r && r.steps() < 0
                || target instanceof Target.Offset o && o.steps() < 0
                || target instanceof Target.BranchRelative b && b.steps() < 0;
    }

    private boolean graftFailed(String text) {
        return graft.error() != null && graft.error().contains(text);
    }

    private boolean alembicFailed(String text) {
        return alembic.error() != null && alembic.error().contains(text);
    }

    private List<String> reverted() {
        List<String> gone = new ArrayList<>(before);
        gone.removeAll(graft.applied());
        return gone;
    }

    /** Members of {@code set} that no other member requires (as parent or depends_on). */
    private List<Integer> tipsByRequirements(BitSet set) {
        List<Integer> tips = new ArrayList<>();
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            BitSet others = (BitSet) set.clone();
            others.clear(i);
            String id = graph.at(i).id();
            boolean required = false;
            for (int o = others.nextSetBit(0); o >= 0 && !required; o = others.nextSetBit(o + 1)) {
                required = graph.at(o).parents().contains(id) || graph.at(o).dependsOn().contains(id);
            }
            if (!required) {
                tips.add(i);
            }
        }
        return tips;
    }

    private BitSet descendantsByParents(int start) {
        BitSet seen = bit(start);
        List<Integer> todo = new ArrayList<>(List.of(start));
        while (!todo.isEmpty()) {
            int u = todo.remove(todo.size() - 1);
            for (int c : graph.childrenOf(u)) {
                if (!seen.get(c)) {
                    seen.set(c);
                    todo.add(c);
                }
            }
        }
        return seen;
    }

    private static BitSet bit(int i) {
        BitSet set = new BitSet();
        set.set(i);
        return set;
    }
}

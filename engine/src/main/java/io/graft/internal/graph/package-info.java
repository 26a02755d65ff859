/**
 * The revision graph: validation, queries, targets and plans. Pure: no file, no database.
 *
 * <p>Decisions where DESIGN.md is silent:
 * <ul>
 *   <li>Children, heads, bases, branches and "current" follow parents only; {@code depends_on}
 *       orders revisions and pulls in (or, on the way down, takes out) what it names, but does not
 *       make a child. So "current" (applied revisions with no applied child) lines up with
 *       {@code heads}: a database at every head shows every head as current.</li>
 *   <li>A label's branch is the labelled revision and its descendants by parents, up to (not
 *       into) a revision carrying another label. If that stops short of every head (labels used
 *       as tags along one line) the branch is all descendants. {@code LABEL@head} and
 *       {@code LABEL@+N} use this branch; {@code ID@head} works the same from any revision.</li>
 *   <li>Relative targets never guess: a fork ahead, a merge behind, several current heads or
 *       several bases is an error listing the choices. {@code +N} with nothing applied starts
 *       before the single base ({@code +1} is the base); {@code LABEL@+N} with nothing of the
 *       branch applied starts before the labelled revision. Stepping back from a root reaches
 *       base; a further step is an error.</li>
 *   <li>A step back ({@code -N}, {@code ID-N}, {@code LABEL@-N}) reverts the revision it last
 *       stepped off and whatever descends from it, not every descendant of the revision it lands
 *       on: {@code feature@-1} below a shared root leaves the other branch applied.</li>
 *   <li>{@code down T} needs T applied; {@code down} and {@code stamp} without a target are errors.</li>
 *   <li>Ids and labels may not be {@code head}, {@code heads} or {@code base}; labels use the id
 *       alphabet, so that every one can be written in a target.</li>
 * </ul>
 */
package io.graft.internal.graph;

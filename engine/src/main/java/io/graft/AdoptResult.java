package io.graft;

import java.util.List;

/**
 * What {@code graft adopt --from TOOL} recorded.
 *
 * @param tool the tool whose history was read
 * @param historyRows how many rows its history table holds
 * @param run the revisions recorded as applied (as stamped steps), and what is current after
 * @param pending repeatable revisions the tool applied whose file changed since: not recorded, so
 *     that the next {@code up} applies them, as the tool's next run would have
 */
public record AdoptResult(String tool, int historyRows, RunResult run, List<String> pending) {

    public AdoptResult {
        pending = List.copyOf(pending);
    }
}

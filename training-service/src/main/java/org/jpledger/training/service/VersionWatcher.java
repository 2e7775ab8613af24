package org.jpledger.training.service;

import org.jpledger.training.domain.Completion;
import org.jpledger.training.domain.CompletionHistoryEntry.Change;

/**
 * Looks at every new version of a completion before it is kept, in the writer's transaction, with the employee (and
 * the completion) locked: it may change the version's flags, which the kept version and its event then carry, and
 * write REVIEWED versions of the employee's other completions. All writes pass here (record, batch, CSV, xAPI, amend,
 * reclassify, void); REVIEWED versions are passed too and must not set off another.
 */
public interface VersionWatcher {

    /** Called for {@code c} at its new version (status, content and version set), made by {@code by}. */
    void beforeKept(Completion c, Change change, String by);
}

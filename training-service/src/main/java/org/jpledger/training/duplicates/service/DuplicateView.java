package org.jpledger.training.duplicates.service;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jpledger.contracts.reference.DuplicateRule;
import org.jpledger.training.duplicates.domain.DuplicatePair;
import org.jpledger.training.service.CompletionSnapshot;

/** A possible duplicate of a completion: the rules that matched, what was decided, and the other completion. */
public record DuplicateView(List<DuplicateRule> rules, DuplicatePair.State state, Instant foundAt, String decidedBy,
        Instant decidedAt, CompletionSnapshot other) {

    static DuplicateView of(DuplicatePair pair, CompletionSnapshot other) {
        return new DuplicateView(Arrays.stream(pair.rules).map(DuplicateRule::valueOf).toList(), pair.state,
                pair.foundAt, pair.decidedBy, pair.decidedAt, other);
    }
}

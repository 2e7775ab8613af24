package org.jpledger.training.duplicates.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jpledger.contracts.reference.CompletionFlag;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.DuplicateRule;
import org.jpledger.training.domain.Completion;
import org.jpledger.training.domain.CompletionHistoryEntry.Change;
import org.jpledger.training.domain.CompletionRepository;
import org.jpledger.training.duplicates.config.DuplicatesConfig;
import org.jpledger.training.duplicates.domain.DuplicatePair;
import org.jpledger.training.duplicates.domain.DuplicatePairRepository;
import org.jpledger.training.service.CompletionFlags;
import org.jpledger.training.service.CompletionVersions;
import org.jpledger.training.service.VersionWatcher;

/**
 * Finds possible duplicates as versions are written: a recorded or amended completion is compared with the employee's
 * other active completions, matching pairs are stored OPEN and both flagged POSSIBLE_DUPLICATE; a pair that no longer
 * matches, or whose completion is voided, is dropped and the flags follow. The version being written carries its own
 * flag; another completion whose flag changes gets a REVIEWED version. Never refuses: a guess is for a verifier.
 */
@ApplicationScoped
public class DuplicateDetection implements VersionWatcher {

    private final CompletionRepository completions;
    private final DuplicatePairRepository pairs;
    private final CompletionVersions versions;
    private final DuplicateMatcher matcher;
    private final DuplicatesConfig config;
    private final Clock clock;

    public DuplicateDetection(CompletionRepository completions, DuplicatePairRepository pairs,
            CompletionVersions versions, DuplicatesConfig config, Clock clock) {
        this.completions = completions;
        this.pairs = pairs;
        this.versions = versions;
        this.matcher = DuplicateMatcher.of(config.titleSimilarity(), config.fillerWords(), config.ignoreYears(),
                config.fullTimeJpPerDay());
        this.config = config;
        this.clock = clock;
    }

    @Override
    public void beforeKept(Completion c, Change change, String by) {
        switch (change) {
            case RECORDED, AMENDED -> {
                if (c.status == CompletionStatus.ACTIVE) {
                    compare(c, by);
                }
            }
            case VOIDED -> release(c, by);
            case REVIEWED -> {
                // A flag or verification change only: the content that rules read did not change.
            }
        }
    }

    /** Stores, updates and drops the pairs of {@code c} to match its content, and sets the flags that follow. */
    private void compare(Completion c, String by) {
        Map<UUID, DuplicatePair> known = new HashMap<>();
        // A new record has no pairs yet: asking would only flush its insert early.
        if (c.version > 1) {
            pairs.of(c.id).forEach(p -> known.put(p.partnerOf(c.id), p));
        }
        Set<UUID> touched = new TreeSet<>();
        int opened = 0;
        List<Completion> candidates =
                completions.duplicateCandidates(c.nip, c.id, c.startDate, c.endDate, config.maxCandidates());
        for (Completion other : candidates) {
            List<DuplicateRule> rules = matcher.rules(c, other);
            DuplicatePair pair = known.remove(other.id);
            if (rules.isEmpty()) {
                if (pair != null && pair.state == DuplicatePair.State.OPEN) {
                    pairs.delete(pair);
                    touched.add(other.id);
                }
                continue;
            }
            if (pair == null) {
                if (opened++ >= config.maxNewPairs()) {
                    continue;
                }
                pair = new DuplicatePair();
                DuplicatePair.Key key = DuplicatePair.key(c.id, other.id);
                pair.completionId = key.completionId();
                pair.otherId = key.otherId();
                pair.foundAt = clock.instant();
                pair.rules = names(rules);
                pairs.persist(pair);
                touched.add(other.id);
            } else if (pair.state == DuplicatePair.State.OPEN) {
                pair.rules = names(rules);
            }
            // A pair a verifier decided stays decided: NOT_DUPLICATE is never raised again.
        }
        // Pairs whose partner is no longer a candidate (its dates or certificate moved away, or it was voided); unless
        // the candidates were cut at the limit, when a partner may only have been left out.
        boolean complete = candidates.size() < config.maxCandidates();
        for (Map.Entry<UUID, DuplicatePair> gone : known.entrySet()) {
            if (complete && gone.getValue().state == DuplicatePair.State.OPEN) {
                pairs.delete(gone.getValue());
                touched.add(gone.getKey());
            }
        }
        settle(c, touched, by);
    }

    /** Drops the open pairs of voided {@code c}: a void ends the question; its partners' flags follow. */
    private void release(Completion c, String by) {
        c.flags = CompletionFlags.withPossibleDuplicate(c.flags, false);
        Set<UUID> touched = new TreeSet<>();
        for (DuplicatePair pair : pairs.of(c.id)) {
            if (pair.state == DuplicatePair.State.OPEN) {
                pairs.delete(pair);
                touched.add(pair.partnerOf(c.id));
            }
        }
        settle(c, touched, by);
    }

    /**
     * Sets {@code c}'s flag in the version being written (an active one's; a voided one's is cleared), and the flags of
     * {@code others} (locked in id order) each in a REVIEWED version where it changed.
     */
    private void settle(Completion c, Set<UUID> others, String by) {
        if (others.isEmpty()) {
            // No pair came or went: the flags already say what the pairs do (and most versions end here unasked).
            return;
        }
        if (c.status == CompletionStatus.ACTIVE) {
            c.flags = CompletionFlags.withPossibleDuplicate(c.flags, pairs.hasOpen(c.id));
        }
        for (UUID id : others) {
            refresh(completions.findForUpdate(id).orElseThrow(), by);
        }
    }

    /**
     * Brings the POSSIBLE_DUPLICATE flag of {@code other} (locked, its employee too) in line with its open pairs, as a
     * REVIEWED version when it changes.
     */
    void refresh(Completion other, String by) {
        if (other.status != CompletionStatus.ACTIVE) {
            return;
        }
        boolean open = pairs.hasOpen(other.id);
        if (open != CompletionFlags.has(other.flags, CompletionFlag.POSSIBLE_DUPLICATE)) {
            other.flags = CompletionFlags.withPossibleDuplicate(other.flags, open);
            versions.reviewed(other, by);
        }
    }

    private static String[] names(List<DuplicateRule> rules) {
        return rules.stream().map(Enum::name).toArray(String[]::new);
    }
}

package org.jpledger.training.service;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jpledger.training.domain.RecognitionRuleBook;

/**
 * The completion core as the xAPI LRS reaches it: the only way in from there, so that the LRS depends on these few
 * commands and not on how the core records, changes or stores completions.
 */
public interface CompletionCommands {

    /**
     * Locks, in NIP order, the employees of {@code nips} and those of the completions {@code completionIds}: a request
     * that records some completions and voids others takes all its employee locks at once, in the order every writer
     * takes them.
     */
    void lockEmployees(Collection<String> nips, Collection<UUID> completionIds);

    /**
     * Records {@code completions} for {@code actor} in one transaction and answers each in order, with its result or
     * its refusal. {@code coveredUnits} are units already found inside the actor's scope. The completions must not
     * repeat a (sourceSystem, externalId) among themselves.
     */
    List<ItemOutcome> recordAll(List<NewCompletion> completions, Actor actor, Set<String> coveredUnits);

    /**
     * Voids a completion because the report of it was withdrawn, with no version to match; answers rather than throws.
     */
    VoidOutcome voidReported(UUID id, String reason, Actor actor);

    /**
     * The zone each employee of {@code nips} (those that exist) dates records in: the effective zone of their current
     * unit. An xAPI timestamp is dated there.
     */
    Map<String, ZoneId> zonesOf(Collection<String> nips);

    /**
     * Every version of the recognition rules with its period: a completion is recognised by the one in force on its end
     * date.
     */
    RecognitionRuleBook ruleBook();

    /**
     * The outcome of one completion of {@link #recordAll}: its result, or the refusal it was answered with.
     *
     * @param result  the recorded or existing completion, when the item was accepted
     * @param refusal why the item was refused, when it was
     */
    record ItemOutcome(Upserted<CompletionSnapshot> result, RuntimeException refusal) {
    }

    /** What voiding a reported completion came to. */
    enum VoidOutcome { VOIDED, ALREADY_VOIDED, OUTSIDE }
}

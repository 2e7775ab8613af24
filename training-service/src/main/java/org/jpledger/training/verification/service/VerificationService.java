package org.jpledger.training.verification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.jpledger.contracts.reference.VerificationState;
import org.jpledger.support.problem.ConflictException;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.support.security.Caller;
import org.jpledger.support.security.RefusedException;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.training.domain.Completion;
import org.jpledger.training.service.Actor;
import org.jpledger.training.service.CompletionChanges;
import org.jpledger.training.service.CompletionSnapshot;
import org.jpledger.training.service.CompletionVersions;

/**
 * A verifier's decision on a completion of its units (see {@link VerificationTransitions}): kept as a REVIEWED version
 * with its event. Nobody decides on a completion they recorded or that is their own training.
 */
@ApplicationScoped
public class VerificationService {

    static final String OWN_REPORT = "You recorded this completion: another verifier must decide on it.";
    static final String OWN_TRAINING = "This is your own training: another verifier must decide on it.";

    private final CompletionChanges changes;
    private final CompletionVersions versions;
    private final Instance<VerificationGuard> guards;
    private final Caller caller;
    private final UnitAccess access;
    private final Clock clock;

    public VerificationService(CompletionChanges changes, CompletionVersions versions,
            Instance<VerificationGuard> guards, Caller caller, UnitAccess access, Clock clock) {
        this.changes = changes;
        this.versions = versions;
        this.guards = guards;
        this.caller = caller;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Decides on completion {@code id} read at {@code expectedVersion}. The answers, in this order: 404 (unknown or
     * outside the caller's units), 428 (no version), 409 (voided), 403 (the caller's own report or training), a repeat
     * answered as is (whatever version it names, so that a retried decision is safe), 412 (stale version), 400 (a
     * guard's reasons against VERIFIED).
     */
    @Transactional
    public VerificationOutcome decide(UUID id, Long expectedVersion, VerificationDecision decision) {
        Actor actor = Actor.of(caller, access);
        Completion c = changes.lockedToChange(id, expectedVersion, actor.scope());
        if (actor.subject().equals(c.recordedBy)) {
            throw new RefusedException(OWN_REPORT);
        }
        if (actor.subject().equals(c.nip)) {
            throw new RefusedException(OWN_TRAINING);
        }
        VerificationState before = c.verification;
        String code = decision.reason() == null ? null : decision.reason().name();
        if (before == decision.decision() && Objects.equals(c.rejectionCode, code)
                && Objects.equals(c.rejectionNote, decision.note())) {
            return new VerificationOutcome(CompletionSnapshot.of(c), before, false);
        }
        CompletionChanges.requireVersion(c, expectedVersion);
        if (!VerificationTransitions.allowed(before, decision.decision())) {
            throw new ConflictException("a completion that is " + before + " cannot become " + decision.decision());
        }
        if (decision.decision() == VerificationState.VERIFIED) {
            FieldErrors missing = new FieldErrors();
            guards.forEach(guard -> guard.check(c, missing));
            missing.throwIfAny();
        }
        c.verification = decision.decision();
        c.verifiedBy = actor.subject();
        c.verifiedAt = clock.instant();
        c.rejectionCode = code;
        c.rejectionNote = decision.decision() == VerificationState.REJECTED ? decision.note() : null;
        versions.reviewed(c, actor.subject());
        return new VerificationOutcome(CompletionSnapshot.of(c), before, true);
    }
}

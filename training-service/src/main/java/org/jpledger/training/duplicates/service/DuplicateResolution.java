package org.jpledger.training.duplicates.service;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.support.problem.ConflictException;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.support.security.Caller;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.support.security.UnitScope;
import org.jpledger.training.domain.Completion;
import org.jpledger.training.domain.CompletionRepository;
import org.jpledger.training.domain.Employee;
import org.jpledger.training.domain.EmployeeRepository;
import org.jpledger.training.duplicates.domain.DuplicatePair;
import org.jpledger.training.duplicates.domain.DuplicatePairRepository;
import org.jpledger.training.service.CompletionChanges;
import org.jpledger.training.service.CompletionSnapshot;

/**
 * Reads a completion's possible duplicates, and takes a verifier's decision on one pair: not a duplicate (both flags
 * cleared unless other open pairs remain; never raised again) or a duplicate (the one not kept voided with reason
 * DUPLICATE, pointing at the kept one). Completions outside the caller's units are answered as unknown (404); a
 * verifier may not decide about a completion it recorded, nor about its own training (403).
 */
@ApplicationScoped
public class DuplicateResolution {

    /** The most pairs listed for one completion, oldest first. */
    public static final int MAX_LISTED = 100;

    static final String NOT_FOUND = "No completion with this id in the units your token names.";
    static final String NO_PAIR =
            "These two completions are not a possible duplicate pair in the units your token names.";

    private final CompletionRepository completions;
    private final EmployeeRepository employees;
    private final DuplicatePairRepository pairs;
    private final CompletionChanges changes;
    private final DuplicateDetection detection;
    private final Caller caller;
    private final UnitAccess access;
    private final Clock clock;

    public DuplicateResolution(CompletionRepository completions, EmployeeRepository employees,
            DuplicatePairRepository pairs, CompletionChanges changes, DuplicateDetection detection, Caller caller,
            UnitAccess access, Clock clock) {
        this.completions = completions;
        this.employees = employees;
        this.pairs = pairs;
        this.changes = changes;
        this.detection = detection;
        this.caller = caller;
        this.access = access;
        this.clock = clock;
    }

    /** The pairs completion {@code id} is in, whatever their state, oldest first (at most {@link #MAX_LISTED}). */
    @Transactional
    public List<DuplicateView> list(UUID id) {
        Completion c = completions.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException(NOT_FOUND));
        String unit = employees.findByIdOptional(c.nip).map(e -> e.unitCode).orElse(null);
        UnitScope scope = access.scope();
        if (!scope.isAll() && !access.covers(scope, unit)) {
            throw new ResourceNotFoundException(NOT_FOUND);
        }
        List<DuplicatePair> found = pairs.of(id, MAX_LISTED);
        Map<UUID, Completion> others = completions.list("id in ?1", found.stream().map(p -> p.partnerOf(id)).toList())
                .stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
        return found.stream()
                .map(p -> DuplicateView.of(p, CompletionSnapshot.of(others.get(p.partnerOf(id))))).toList();
    }

    /** Applies {@code decision}; answers the pair as seen from {@code decision.id()}. */
    @Transactional
    public DuplicateView decide(DuplicateDecision decision) {
        String by = caller.subject();
        UUID id = decision.id();
        UUID otherId = decision.otherId();
        Completion first = completions.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException(NOT_FOUND));
        // Employee first, then the completions, as every writer takes them (see EmployeeRepository).
        Employee employee = employees.findForUpdate(first.nip).orElseThrow();
        if (!access.covers(access.scope(), employee.unitCode)) {
            throw new ResourceNotFoundException(NOT_FOUND);
        }
        DuplicatePair pair = pairs.pair(id, otherId).orElseThrow(() -> new ResourceNotFoundException(NO_PAIR));
        UUID keep = decision.keep() == null ? id : decision.keep();
        if (!keep.equals(id) && !keep.equals(otherId)) {
            throw InvalidRequestException.of("keep", "must be the id of one of the two completions");
        }
        Completion a = completions.findForUpdate(pair.completionId).orElseThrow();
        Completion b = completions.findForUpdate(pair.otherId).orElseThrow();
        if (by.equals(employee.nip)) {
            throw new ForbiddenException("A verifier may not decide about their own training.");
        }
        if (by.equals(a.recordedBy) || by.equals(b.recordedBy)) {
            throw new ForbiddenException("A verifier may not decide about a completion they recorded.");
        }
        if (a.status == CompletionStatus.VOIDED || b.status == CompletionStatus.VOIDED) {
            throw new ConflictException("one of the two completions is voided; nothing left to decide");
        }
        if (pair.state != DuplicatePair.State.OPEN) {
            throw new ConflictException("this pair was already decided: " + pair.state);
        }
        pair.state = decision.decision();
        pair.decidedBy = by;
        pair.decidedAt = clock.instant();
        if (decision.decision() == DuplicatePair.State.DUPLICATE) {
            Completion kept = a.id.equals(keep) ? a : b;
            Completion voided = kept == a ? b : a;
            changes.voidAsDuplicate(voided, kept.id, by);
            detection.refresh(kept, by);
        } else {
            detection.refresh(a, by);
            detection.refresh(b, by);
        }
        Completion other = a.id.equals(id) ? b : a;
        return DuplicateView.of(pair, CompletionSnapshot.of(other));
    }
}

package org.jpledger.training.service;

import static org.jpledger.training.service.CompletionVersions.NOT_FOUND;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.TrainingKind;
import org.jpledger.contracts.reference.TrainingKinds;
import org.jpledger.contracts.reference.VerificationState;
import org.jpledger.support.problem.ConflictException;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.support.problem.PreconditionException;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.support.security.Caller;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.support.security.UnitScope;
import org.jpledger.training.service.CompletionCommands.VoidOutcome;
import org.jpledger.training.domain.Completion;
import org.jpledger.training.domain.CompletionHistoryEntry.Change;
import org.jpledger.training.domain.CompletionHistoryEntry.Recognition;
import org.jpledger.training.domain.CompletionRepository;
import org.jpledger.training.domain.Employee;
import org.jpledger.training.domain.EmployeeRepository;
import org.jpledger.training.domain.RecognitionRuleSetRepository;

/**
 * Changes recorded completions: an amendment is a new version of the content, a void ends the record; either needs
 * the version the caller read. A completion whose employee is outside the caller's units is answered as unknown (404).
 */
@ApplicationScoped
public class CompletionChanges {

    private final CompletionRepository completions;
    private final EmployeeRepository employees;
    private final RecognitionRuleSetRepository rules;
    private final CompletionVersions versions;
    private final Clock clock;
    private final Caller caller;
    private final UnitAccess access;

    public CompletionChanges(CompletionRepository completions, EmployeeRepository employees,
            RecognitionRuleSetRepository rules, CompletionVersions versions, Clock clock, Caller caller,
            UnitAccess access) {
        this.completions = completions;
        this.employees = employees;
        this.rules = rules;
        this.versions = versions;
        this.clock = clock;
        this.caller = caller;
        this.access = access;
    }

    /** Replaces a completion's content as a new version, if {@code expectedVersion} is still current. */
    @Transactional
    public Upserted<CompletionSnapshot> amend(UUID id, Long expectedVersion, NewCompletion request) {
        Actor actor = Actor.of(caller, access);
        Completion c = lockedForChange(id, expectedVersion, actor.scope());
        FieldErrors fixed = new FieldErrors();
        if (!c.nip.equals(request.nip())) {
            fixed.add("nip", "cannot change; void this completion and record a new one for the other employee");
        }
        if (!c.sourceSystem.equals(request.sourceSystem())) {
            fixed.add("sourceSystem", "cannot change; it identifies the record together with externalId");
        }
        if (!c.externalId.equals(request.externalId())) {
            fixed.add("externalId", "cannot change; it identifies the record together with sourceSystem");
        }
        fixed.throwIfAny();
        // The NIP has not changed, so the employee is the one lockedForChange found in scope (no new one to check).
        Optional<Employee> employee = employees.findByIdOptional(c.nip);
        CompletionVersions.Recognized recognized =
                versions.validate(request, employee, rules.ruleBook(), c, versions.zoneOf(employee));
        if (CompletionVersions.sameContent(c, request)) {
            return new Upserted<>(false, CompletionSnapshot.of(c));
        }
        CountedClaim before = CountedClaim.of(c);
        versions.apply(c, request, recognized);
        if (c.verification != VerificationState.SUBMITTED && !before.sameAs(CountedClaim.of(c))) {
            // The decision vouched for the claim as it was. A trusted source's record amended by a person is that
            // person's claim, not the trusted system's: it waits for a verifier too.
            c.verification = VerificationState.SUBMITTED;
            c.verifiedBy = null;
            c.verifiedAt = null;
            c.rejectionCode = null;
            c.rejectionNote = null;
        }
        c.version++;
        c.updatedAt = clock.instant();
        versions.changed(c, Change.AMENDED, actor.subject(), recognized.reason());
        return new Upserted<>(false, CompletionSnapshot.of(c));
    }

    /** Ends a completion: it stays readable with its status and reason, and never counts again. */
    @Transactional
    public CompletionSnapshot voidCompletion(UUID id, Long expectedVersion, String reason) {
        Actor actor = Actor.of(caller, access);
        Completion c = lockedForChange(id, expectedVersion, actor.scope());
        end(c, reason, actor.subject());
        return CompletionSnapshot.of(c);
    }

    /**
     * Voids a completion because the statement that reported it was voided (xAPI): with no version to match, since a
     * voiding statement carries none. Answers rather than throws, so that the voiding statement is stored either way:
     * nothing to do for a completion already voided, and nothing done when the employee has left the actor's units.
     */
    @Transactional
    public VoidOutcome voidReported(UUID id, String reason, Actor actor) {
        Completion c = completions.findForUpdate(id).orElseThrow();
        Employee employee = employees.findForUpdate(c.nip).orElseThrow();
        if (!access.covers(actor.scope(), employee.unitCode)) {
            return VoidOutcome.OUTSIDE;
        }
        if (c.status == CompletionStatus.VOIDED) {
            return VoidOutcome.ALREADY_VOIDED;
        }
        end(c, reason, actor.subject());
        return VoidOutcome.VOIDED;
    }

    /**
     * Brings up to {@code limit} active completions whose method disagrees with their kind's (the reference data
     * changed) in line with it, each as an ordinary amendment by {@code by}: a new version, kept in history, published
     * as COMPLETION_AMENDED. Answers how many changed; none once all agree, so running it again changes nothing.
     */
    @Transactional
    public int reclassify(int limit, String by) {
        List<UUID> ids = completions.methodMismatches(TrainingKinds.all().stream()
                .collect(Collectors.toMap(TrainingKind::id, TrainingKind::method)), limit);
        // Employees first, in NIP order, as every writer takes them (see EmployeeRepository).
        employees.lockAll(new TreeSet<>(completions.nipsOf(ids)));
        int changed = 0;
        for (UUID id : ids) {
            Completion c = completions.findForUpdate(id).orElseThrow();
            // Read again under the lock: another instance may have amended or voided it since the search.
            if (c.status != CompletionStatus.ACTIVE || !versions.derive(c)) {
                continue;
            }
            c.version++;
            c.updatedAt = clock.instant();
            // The method follows the kind, and recognition reads the kind, not the method: the JP stays.
            versions.changed(c, Change.AMENDED, by, Recognition.UNCHANGED);
            changed++;
        }
        return changed;
    }

    private void end(Completion c, String reason, String by) {
        c.status = CompletionStatus.VOIDED;
        c.voidReason = reason;
        c.version++;
        c.updatedAt = clock.instant();
        versions.changed(c, Change.VOIDED, by, Recognition.UNCHANGED);
    }

    private Completion lockedForChange(UUID id, Long expectedVersion, UnitScope scope) {
        Completion c = lockedToChange(id, expectedVersion, scope);
        requireVersion(c, expectedVersion);
        return c;
    }

    /**
     * The completion {@code id} and its employee, locked in the order every writer takes them, if the completion may be
     * changed: 404 when unknown or its employee is outside {@code scope}, 428 without an expected version, 409 when
     * voided. The caller checks the version ({@link #requireVersion}) where it wants to.
     */
    public Completion lockedToChange(UUID id, Long expectedVersion, UnitScope scope) {
        Completion c = completions.findForUpdate(id).orElseThrow(() -> new ResourceNotFoundException(NOT_FOUND));
        // Writes about one employee are serialised through the employee's row (see EmployeeRepository). Locked before
        // the scope check, so the employee cannot move between the check and the change.
        Employee employee = employees.findForUpdate(c.nip).orElseThrow();
        // Before the version checks: their answers (428, 412, 409) would reveal that the completion exists.
        if (!access.covers(scope, employee.unitCode)) {
            throw new ResourceNotFoundException(NOT_FOUND);
        }
        if (expectedVersion == null) {
            throw PreconditionException.required("send If-Match: \"" + c.version + "\" with the version you read");
        }
        if (c.status == CompletionStatus.VOIDED) {
            throw new ConflictException("completion " + id + " is voided and cannot change any more");
        }
        return c;
    }

    /** Refuses (412) a change of {@code c} made from a version that is no longer current. */
    public static void requireVersion(Completion c, long expectedVersion) {
        if (c.version != expectedVersion) {
            throw PreconditionException.failed("completion " + c.id + " is at version " + c.version + ", not "
                    + expectedVersion + "; read it again");
        }
    }
}

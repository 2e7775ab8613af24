package org.jpledger.training.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jpledger.support.problem.ConflictException;
import org.jpledger.support.security.Caller;
import org.jpledger.support.security.OutOfScopeException;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.support.security.UnitScope;
import org.jpledger.training.domain.Completion;
import org.jpledger.training.domain.CompletionHistoryEntry.Change;
import org.jpledger.training.domain.RecognitionRuleBook;
import org.jpledger.training.domain.CompletionRepository;
import org.jpledger.training.domain.Employee;
import org.jpledger.training.domain.EmployeeRepository;
import org.jpledger.training.domain.Nip;
import org.jpledger.training.domain.RecognitionRuleSetRepository;

/**
 * Records training completions: one for the calling request, the items of a batch, or the completions an xAPI request
 * reports (through {@link CompletionCommands}). Records are append-only: an amendment is a new version, a void ends the
 * record, and every version is kept (see {@link CompletionChanges}). Recording is idempotent per (sourceSystem,
 * externalId) and per Idempotency-Key. A write for an employee outside the caller's units is refused (403).
 */
@ApplicationScoped
public class CompletionService implements CompletionCommands {

    /** The refusal of a write for an employee outside the caller's units, or (for a limited scope) an unknown NIP. */
    static final String EMPLOYEE_OUTSIDE = "The employee is outside the units your token names.";

    private final CompletionRepository completions;
    private final EmployeeRepository employees;
    private final RecognitionRuleSetRepository rules;
    private final CompletionVersions versions;
    private final CompletionChanges changes;
    private final Clock clock;
    private final Caller caller;
    private final UnitAccess access;
    private final RecordZones zones;
    private final SourceTrust trust;

    public CompletionService(CompletionRepository completions, EmployeeRepository employees,
            RecognitionRuleSetRepository rules, CompletionVersions versions, CompletionChanges changes, Clock clock,
            Caller caller, UnitAccess access, RecordZones zones, SourceTrust trust) {
        this.completions = completions;
        this.employees = employees;
        this.rules = rules;
        this.versions = versions;
        this.changes = changes;
        this.clock = clock;
        this.caller = caller;
        this.access = access;
        this.zones = zones;
        this.trust = trust;
    }

    /**
     * Records a completion for the calling request. A repeat with the same Idempotency-Key, or the same (sourceSystem,
     * externalId), and the same content returns the first record; the same key with other content is a conflict naming
     * the first record.
     */
    @Transactional
    public Upserted<CompletionSnapshot> record(NewCompletion request, String idempotencyKey) {
        return record(request, idempotencyKey, Actor.of(caller, access), Set.of());
    }

    /**
     * Records one item of a batch for {@code actor}, on any thread. {@code coveredUnits} are units the batch already
     * found inside the actor's scope, so that most items need no look-up of their own.
     */
    @Transactional
    public Upserted<CompletionSnapshot> record(NewCompletion request, Actor actor, Set<String> coveredUnits) {
        return record(request, null, actor, coveredUnits);
    }

    /**
     * Records the items of one bulk chunk for {@code actor} in a single transaction: the employees are locked together
     * (in NIP order, so concurrent chunks cannot deadlock), the earlier records of their keys read in one query, and
     * the rows written in JDBC batches. An item refused on its own (bad content, outside the scope, a conflicting
     * earlier record) is answered with its refusal and writes nothing; a failure of the transaction itself fails the
     * whole chunk, which the caller then records item by item. The requests must not repeat a (sourceSystem,
     * externalId) among themselves.
     */
    @Override
    @Transactional
    public List<ItemOutcome> recordAll(List<NewCompletion> requests, Actor actor, Set<String> coveredUnits) {
        List<String> nips = requests.stream().map(NewCompletion::nip).filter(Nip::hasValidShape).toList();
        employees.lockAll(nips);
        // Read after the locks, so no employee moves to another unit (and zone) before its items are checked.
        Map<String, ZoneId> zonesByNip = zones.ofEmployees(nips);
        RecognitionRuleBook ruleBook = rules.ruleBook();
        Map<String, Completion> earlier = completions.findByExternalIds(requests.stream()
                .map(r -> new CompletionRepository.ExternalId(r.sourceSystem(), r.externalId())).toList());
        List<ItemOutcome> outcomes = new ArrayList<>(requests.size());
        for (NewCompletion request : requests) {
            Decision decision;
            try {
                decision = decide(request, null, actor, coveredUnits, ruleBook, zonesByNip,
                        Optional.ofNullable(earlier.get(CompletionRepository.keyOf(request.sourceSystem(),
                                request.externalId()))));
            } catch (RuntimeException refusal) {
                outcomes.add(new ItemOutcome(null, refusal));
                continue;
            }
            outcomes.add(new ItemOutcome(write(decision, actor), null));
        }
        return outcomes;
    }

    private Upserted<CompletionSnapshot> record(NewCompletion request, String idempotencyKey, Actor actor,
            Set<String> coveredUnits) {
        // Looked up lazily, after validation: decide asks only for a request worth recording.
        Decision decision = decide(request, idempotencyKey, actor, coveredUnits, rules.ruleBook(), Map.of(), null);
        return write(decision, actor);
    }

    /**
     * What recording {@code request} means: a new record, or the earlier record it repeats; throws the request's
     * refusal. Reads only ({@code earlier} null means "look it up"), so a refusal leaves nothing behind.
     * {@code zonesByNip} holds the zones already read for some employees; the others' are looked up.
     */
    private Decision decide(NewCompletion request, String idempotencyKey, Actor actor, Set<String> coveredUnits,
            RecognitionRuleBook ruleBook, Map<String, ZoneId> zonesByNip, Optional<Completion> earlier) {
        // First of all, before the idempotent replay too: an outsider must not read a record by replaying its key.
        Optional<Employee> employee = employeeInScope(request.nip(), actor.scope(), coveredUnits);
        ZoneId zone = zonesByNip.get(request.nip());
        CompletionVersions.Recognized recognized = versions.validate(request, employee, ruleBook, null,
                zone != null ? zone : versions.zoneOf(employee));
        if (earlier == null) {
            earlier = idempotencyKey == null ? Optional.empty() : completions.findByIdempotencyKey(idempotencyKey);
            if (earlier.isEmpty()) {
                earlier = completions.findByExternalId(request.sourceSystem(), request.externalId());
            }
        }
        if (earlier.isPresent()) {
            Completion first = earlier.get();
            if (!CompletionVersions.sameContent(first, request)) {
                // Naming a record of an employee outside the caller's units would reveal it.
                if (!actor.scope().isAll() && !first.nip.equals(request.nip())
                        && !covers(actor.scope(), coveredUnits, versions.unitOf(first))) {
                    throw new ConflictException("this idempotency key was already used for another completion; use a "
                            + "new key");
                }
                throw new ConflictException("this idempotency key was already used for completion " + first.id
                        + " with other content; amend that completion or use a new key");
            }
            return new Decision(request, idempotencyKey, recognized, first);
        }
        return new Decision(request, idempotencyKey, recognized, null);
    }

    /** A request found worth recording, with the earlier record it repeats (null for a new one). */
    private record Decision(NewCompletion request, String idempotencyKey, CompletionVersions.Recognized recognized,
            Completion earlier) {
    }

    /** Stores a new record with its history and event; a repeat returns the earlier record. */
    private Upserted<CompletionSnapshot> write(Decision decision, Actor actor) {
        if (decision.earlier() != null) {
            return new Upserted<>(false, CompletionSnapshot.of(decision.earlier()));
        }
        NewCompletion request = decision.request();
        Completion c = new Completion();
        c.id = UUID.randomUUID();
        c.version = 1;
        c.sourceSystem = request.sourceSystem();
        c.externalId = request.externalId();
        c.idempotencyKey = decision.idempotencyKey();
        c.recordedAt = clock.instant();
        c.updatedAt = c.recordedAt;
        c.recordedBy = actor.subject();
        versions.apply(c, request, decision.recognized());
        // Before the first version is kept: its history and event carry the state it starts in.
        c.verification = trust.initialState(versions.unitOf(c), c.sourceSystem);
        completions.persist(c);
        versions.changed(c, Change.RECORDED, actor.subject(), decision.recognized().reason());
        return new Upserted<>(true, CompletionSnapshot.of(c));
    }

    @Override
    public VoidOutcome voidReported(UUID id, String reason, Actor actor) {
        return changes.voidReported(id, reason, actor);
    }

    /**
     * Locks, in NIP order, the employees of {@code nips} and those of the completions {@code ids}: a request that records
     * some completions and voids others takes all its employee locks at once, in the order every writer takes them.
     */
    @Override
    @Transactional
    public void lockEmployees(Collection<String> nips, Collection<UUID> ids) {
        Set<String> all = new TreeSet<>(nips.stream().filter(Nip::hasValidShape).toList());
        all.addAll(completions.nipsOf(ids));
        employees.lockAll(all);
    }

    @Override
    @Transactional
    public Map<String, ZoneId> zonesOf(Collection<String> nips) {
        return zones.ofEmployees(nips);
    }

    @Override
    @Transactional
    public RecognitionRuleBook ruleBook() {
        return rules.ruleBook();
    }

    /**
     * The employee a new completion is for, locked, once {@code scope} is found to cover the employee's current unit.
     * For a scope short of the whole tree an unknown NIP is refused exactly like a foreign one, so that no caller
     * learns which NIPs exist outside its units. A NIP of the wrong shape passes, for
     * {@link CompletionVersions#validate} to name.
     */
    private Optional<Employee> employeeInScope(String nip, UnitScope scope, Set<String> coveredUnits) {
        if (!Nip.hasValidShape(nip)) {
            return Optional.empty();
        }
        // Locking the employee orders this completion with the employee's own changes (see EmployeeRepository).
        Optional<Employee> employee = employees.findForUpdate(nip);
        boolean inScope = employee.isPresent() ? covers(scope, coveredUnits, employee.get().unitCode) : scope.isAll();
        if (!inScope) {
            throw new OutOfScopeException(EMPLOYEE_OUTSIDE);
        }
        return employee;
    }

    private boolean covers(UnitScope scope, Set<String> coveredUnits, String unitCode) {
        return unitCode != null && coveredUnits.contains(unitCode) || access.covers(scope, unitCode);
    }
}

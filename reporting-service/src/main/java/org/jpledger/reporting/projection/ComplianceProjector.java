package org.jpledger.reporting.projection;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.UnitUpserted;
import org.jpledger.contracts.reference.CompletionStatus;

/** Applies ledger events to the compliance tables; idempotent, because each row only moves to a newer version. */
@ApplicationScoped
public class ComplianceProjector {

    private final UnitRepository units;
    private final EmployeeRepository employees;
    private final CompletionFactRepository facts;
    private final EmployeeYearTotalRepository totals;

    public ComplianceProjector(UnitRepository units, EmployeeRepository employees, CompletionFactRepository facts,
            EmployeeYearTotalRepository totals) {
        this.units = units;
        this.employees = employees;
        this.facts = facts;
        this.totals = totals;
    }

    /**
     * Applies one event payload in the caller's transaction.
     *
     * @return true if a row changed, false if the event was a duplicate or older than what is stored
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(Object payload) {
        if (payload instanceof UnitUpserted unit) {
            return applyUnit(unit);
        }
        if (payload instanceof EmployeeUpserted employee) {
            return applyEmployee(employee);
        }
        if (payload instanceof CompletionRecorded completion) {
            return applyCompletion(completion);
        }
        throw new IllegalArgumentException("no projection for " + payload.getClass().getName());
    }

    private boolean applyUnit(UnitUpserted event) {
        Unit unit = units.findById(event.code());
        if (!Versions.supersedes(event.version(), unit == null ? null : unit.version)) {
            Log.debugf("Ignored unit %s version %d: stored version is %d", event.code(), event.version(), unit.version);
            return false;
        }
        if (unit == null) {
            unit = new Unit();
            unit.code = event.code();
        }
        unit.name = event.name();
        unit.parentCode = event.parentCode();
        unit.version = event.version();
        units.persist(unit);
        return true;
    }

    private boolean applyEmployee(EmployeeUpserted event) {
        Employee employee = employees.findById(event.nip());
        if (!Versions.supersedes(event.version(), employee == null ? null : employee.version)) {
            Log.debugf("Ignored employee %s version %d: stored version is %d", event.nip(), event.version(),
                    employee.version);
            return false;
        }
        if (employee == null) {
            employee = new Employee();
            employee.nip = event.nip();
        }
        employee.name = event.name();
        employee.employmentType = event.employmentType();
        employee.positionLevel = event.positionLevel();
        employee.unitCode = event.unitCode();
        employee.employedFrom = event.employedFrom();
        employee.employedUntil = event.employedUntil();
        employee.version = event.version();
        employees.persist(employee);
        return true;
    }

    /**
     * Recorded, amended and voided events alike carry the completion's full state: the newest version replaces the
     * fact, whatever its type. A void of a completion not yet seen is stored too, so that older versions stay ignored.
     */
    private boolean applyCompletion(CompletionRecorded event) {
        CompletionFact fact = facts.findById(event.completionId());
        if (!Versions.supersedes(event.version(), fact == null ? null : fact.version)) {
            Log.debugf("Ignored completion %s version %d: stored version is %d", event.completionId(), event.version(),
                    fact.version);
            return false;
        }
        String previousNip = fact == null ? null : fact.nip;
        int previousYear = fact == null ? 0 : fact.year;
        if (fact == null) {
            fact = new CompletionFact();
            fact.completionId = event.completionId();
        }
        fact.version = event.version();
        fact.nip = event.nip();
        fact.year = event.year();
        fact.recognizedJp = event.recognizedJp();
        fact.kindId = event.kindId();
        fact.method = event.method();
        fact.competencyType = event.competencyType();
        fact.deliveryMode = event.deliveryMode();
        fact.title = event.title();
        fact.provider = event.provider();
        fact.startDate = event.startDate();
        fact.endDate = event.endDate();
        fact.international = event.international();
        fact.sourceSystem = event.sourceSystem();
        fact.externalId = event.externalId();
        fact.status = event.active() ? CompletionStatus.ACTIVE : CompletionStatus.VOIDED;
        fact.ruleVersion = event.ruleVersion();
        fact.voidReason = event.voidReason();
        facts.persist(fact);
        // Recomputed from the active facts, so a void drops the completion from the total and an amendment updates it.
        recomputeTotal(fact.nip, fact.year);
        // An amendment may move the completion to another year (or employee): the total it left must drop it.
        if (previousNip != null && (!previousNip.equals(fact.nip) || previousYear != fact.year)) {
            recomputeTotal(previousNip, previousYear);
        }
        return true;
    }

    private void recomputeTotal(String nip, int year) {
        YearSums sums = facts.sumsFor(nip, year);
        EmployeeYearTotal total = totals.findById(new EmployeeYearTotal.Key(nip, year));
        if (sums.completionCount() == 0) {
            if (total != null) {
                totals.delete(total);
            }
            return;
        }
        if (total == null) {
            total = new EmployeeYearTotal();
            total.nip = nip;
            total.year = year;
        }
        total.totalJp = sums.totalJp();
        total.completionCount = Math.toIntExact(sums.completionCount());
        total.lastCompletionDate = sums.lastCompletionDate();
        totals.persist(total);
    }
}

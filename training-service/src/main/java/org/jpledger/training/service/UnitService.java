package org.jpledger.training.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.contracts.events.Topics;
import org.jpledger.contracts.events.UnitUpserted;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.support.security.OutOfScopeException;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.support.security.UnitScope;
import org.jpledger.training.domain.Unit;
import org.jpledger.training.domain.UnitRepository;
import org.jpledger.training.domain.UnitRepository.SubtreeRow;
import org.jpledger.training.outbox.OutboxWriter;

/**
 * Creates and changes units, keeping the unit tree free of loops; each change is a new version and one event. A caller
 * sees and changes only the units its token names and those below them; the top of the tree belongs to callers of the
 * whole tree.
 */
@ApplicationScoped
public class UnitService {

    // One answer for "no such unit" and "not yours": the second must not reveal that the unit exists.
    private static final String NOT_FOUND = "No unit with this code in the units your token names.";
    private static final String OUT_OF_SCOPE = "The unit, or the parentCode it would hang under, is outside the units "
            + "your token names; only a token for the whole unit tree (units \"*\") may create a root unit or move one "
            + "to the top.";

    private final UnitRepository units;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final UnitAccess access;

    public UnitService(UnitRepository units, OutboxWriter outbox, Clock clock, UnitAccess access) {
        this.units = units;
        this.outbox = outbox;
        this.clock = clock;
        this.access = access;
    }

    @Transactional
    public Upserted<UnitView> upsert(String code, UnitState request) {
        UnitScope scope = access.scope();
        Unit unit = units.findForUpdate(code).orElse(null);
        requireWritable(scope, unit, request);
        if (request.parentCode() != null) {
            checkParent(code, request.parentCode());
        }
        boolean created = unit == null;
        if (!created && unit.name.equals(request.name()) && Objects.equals(unit.parentCode, request.parentCode())
                && Objects.equals(unit.timeZone, request.timeZone())) {
            return new Upserted<>(false, UnitView.of(unit));
        }
        if (created) {
            unit = new Unit();
            unit.code = code;
        }
        unit.name = request.name();
        unit.parentCode = request.parentCode();
        unit.timeZone = request.timeZone();
        unit.version++;
        unit.updatedAt = clock.instant();
        units.persist(unit);
        appendEvent(unit);
        return new Upserted<>(created, UnitView.of(unit));
    }

    /** Publishes the unit's current state, in the caller's transaction (a change, or a republish). */
    @Transactional(Transactional.TxType.MANDATORY)
    void appendEvent(Unit unit) {
        outbox.append(Topics.UNITS, unit.code, EventTypes.UNIT_UPSERTED_V1,
                new UnitUpserted(unit.code, unit.name, unit.parentCode, unit.version, unit.timeZone));
    }

    /**
     * The children of {@code parentCode} (which must exist), none when it is outside the caller's units; without a
     * parent, the root units, or for a caller limited to some units those units.
     */
    @Transactional
    public List<UnitView> children(String parentCode) {
        UnitScope scope = access.scope();
        if (parentCode == null) {
            return (scope.isAll() ? units.children(null) : units.byCodes(scope.roots())).stream()
                    .map(UnitView::of).toList();
        }
        if (!access.covers(scope, parentCode)) {
            return List.of();
        }
        if (units.findByIdOptional(parentCode).isEmpty()) {
            throw new ResourceNotFoundException(NOT_FOUND);
        }
        return units.children(parentCode).stream().map(UnitView::of).toList();
    }

    /** The unit and everything below it, depth first. */
    @Transactional
    public List<SubtreeRow> subtree(String code) {
        requireVisible(code);
        List<SubtreeRow> rows = units.subtree(code);
        if (rows.isEmpty()) {
            throw new ResourceNotFoundException(NOT_FOUND);
        }
        return rows;
    }

    @Transactional
    public UnitView get(String code) {
        requireVisible(code);
        return units.findByIdOptional(code).map(UnitView::of)
                .orElseThrow(() -> new ResourceNotFoundException(NOT_FOUND));
    }

    /** A unit outside the caller's units is answered exactly like an unknown one. */
    private void requireVisible(String code) {
        if (!access.covers(code)) {
            throw new ResourceNotFoundException(NOT_FOUND);
        }
    }

    /**
     * Refuses (403) a change the caller's scope does not reach: an existing unit outside it, or a new place in the tree
     * outside it. Where a unit hangs is checked only when it is set: a new unit, or a change of parent. A root unit (no
     * parent) hangs under none of the caller's units, so only a token for the whole tree may create one or move a unit
     * to the top; a caller may still rename the units it holds, its own top unit included.
     */
    private void requireWritable(UnitScope scope, Unit existing, UnitState request) {
        // One answer for every refusal: a unit code registered outside the caller's units must read like any other
        // change the caller's units do not reach.
        if (existing != null && !access.covers(scope, existing.code)) {
            throw new OutOfScopeException(OUT_OF_SCOPE);
        }
        if (existing != null && Objects.equals(existing.parentCode, request.parentCode())) {
            return;
        }
        if (request.parentCode() == null ? !scope.isAll() : !access.covers(scope, request.parentCode())) {
            throw new OutOfScopeException(OUT_OF_SCOPE);
        }
    }

    private void checkParent(String code, String parentCode) {
        Set<String> seen = new HashSet<>();
        for (String ancestor = parentCode; ancestor != null; ) {
            if (ancestor.equals(code)) {
                throw InvalidRequestException.of("parentCode", "would make the unit its own ancestor");
            }
            if (!seen.add(ancestor)) {
                break;
            }
            Unit parent = units.findById(ancestor);
            if (parent == null) {
                if (ancestor.equals(parentCode)) {
                    throw InvalidRequestException.of("parentCode", "no unit with code " + parentCode);
                }
                break;
            }
            ancestor = parent.parentCode;
        }
    }
}

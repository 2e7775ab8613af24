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
import org.jpledger.training.domain.Unit;
import org.jpledger.training.domain.UnitRepository;
import org.jpledger.training.outbox.OutboxWriter;
import org.jpledger.training.rest.SubtreeUnitResponse;
import org.jpledger.training.rest.UnitRequest;
import org.jpledger.training.rest.UnitResponse;

/** Creates and changes units, keeping the unit tree free of loops; each change is a new version and one event. */
@ApplicationScoped
public class UnitService {

    private final UnitRepository units;
    private final OutboxWriter outbox;
    private final Clock clock;

    public UnitService(UnitRepository units, OutboxWriter outbox, Clock clock) {
        this.units = units;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Upserted<UnitResponse> upsert(String code, UnitRequest request) {
        if (request.parentCode() != null) {
            checkParent(code, request.parentCode());
        }
        Unit unit = units.findForUpdate(code).orElse(null);
        boolean created = unit == null;
        if (!created && unit.name.equals(request.name()) && Objects.equals(unit.parentCode, request.parentCode())) {
            return new Upserted<>(false, UnitResponse.from(unit));
        }
        if (created) {
            unit = new Unit();
            unit.code = code;
        }
        unit.name = request.name();
        unit.parentCode = request.parentCode();
        unit.version++;
        unit.updatedAt = clock.instant();
        units.persist(unit);
        appendEvent(unit);
        return new Upserted<>(created, UnitResponse.from(unit));
    }

    /** Publishes the unit's current state, in the caller's transaction (a change, or a republish). */
    @Transactional(Transactional.TxType.MANDATORY)
    void appendEvent(Unit unit) {
        outbox.append(Topics.UNITS, unit.code, EventTypes.UNIT_UPSERTED_V1,
                new UnitUpserted(unit.code, unit.name, unit.parentCode, unit.version));
    }

    /** The children of {@code parentCode} (which must exist), or the root units when it is null. */
    @Transactional
    public List<UnitResponse> children(String parentCode) {
        if (parentCode != null && units.findByIdOptional(parentCode).isEmpty()) {
            throw new ResourceNotFoundException("no unit with code " + parentCode);
        }
        return units.children(parentCode).stream().map(UnitResponse::from).toList();
    }

    /** The unit and everything below it, depth first. */
    @Transactional
    public List<SubtreeUnitResponse> subtree(String code) {
        List<SubtreeUnitResponse> rows = units.subtree(code).stream().map(SubtreeUnitResponse::from).toList();
        if (rows.isEmpty()) {
            throw new ResourceNotFoundException("no unit with code " + code);
        }
        return rows;
    }

    @Transactional
    public UnitResponse get(String code) {
        return units.findByIdOptional(code).map(UnitResponse::from)
                .orElseThrow(() -> new ResourceNotFoundException("no unit with code " + code));
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

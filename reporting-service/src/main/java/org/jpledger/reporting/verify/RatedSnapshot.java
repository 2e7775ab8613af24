package org.jpledger.reporting.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Consumer;
import org.jpledger.reporting.closing.Closing;
import org.jpledger.reporting.closing.SnapshotRater;

/**
 * The snapshot rows {@link SnapshotRater} rates (the same rater a closing writes its snapshot with), given the
 * closing's policies and day, with each answer as the JSON a closing stores.
 */
@ApplicationScoped
public class RatedSnapshot implements SnapshotSource {

    private final SnapshotRater rater;
    private final ObjectMapper mapper;

    public RatedSnapshot(SnapshotRater rater, ObjectMapper mapper) {
        this.rater = rater;
        this.mapper = mapper;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void rate(Closing closing, Consumer<SnapshotRow> rows) {
        rater.rate(closing.year(), closing.unitCode(), closing.ratedOn(), closing.policies(), closing.governing(),
                row -> {
                    if (row instanceof SnapshotRater.EmployeeRow employee) {
                        rows.accept(new SnapshotRow(SnapshotRow.Kind.EMPLOYEE, employee.nip(),
                                mapper.valueToTree(employee.answer())));
                    } else if (row instanceof SnapshotRater.UnitSnapshotRow unit) {
                        rows.accept(new SnapshotRow(SnapshotRow.Kind.UNIT, unit.unitCode(),
                                mapper.valueToTree(unit.answer())));
                    }
                });
    }
}

package org.jpledger.training.siasn.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jpledger.training.siasn.domain.Finding;
import org.jpledger.training.siasn.domain.MatchRule;
import org.jpledger.training.siasn.domain.SiasnReconciliationItem;

/** One finding of a reconciliation, ledger and SIASN side by side. */
public record ItemView(int id, Finding finding, MatchRule matchRule, Long rowNumber, String nip, String unitCode,
        UUID completionId, String siasnId, String title, List<String> differences, Integer ledgerKindId,
        Integer siasnKindId, LocalDate ledgerStartDate, LocalDate siasnStartDate, LocalDate ledgerEndDate,
        LocalDate siasnEndDate, Integer ledgerJp, Integer siasnJp, String problem, UUID adoptedCompletionId) {

    static ItemView of(SiasnReconciliationItem i) {
        return new ItemView(i.itemNo, i.finding, i.matchRule, i.rowNumber, i.nip, i.unitCode, i.completionId,
                i.siasnId, i.title, List.of(i.differences), i.ledgerKindId, i.siasnKindId, i.ledgerStartDate,
                i.siasnStartDate, i.ledgerEndDate, i.siasnEndDate, i.ledgerJp, i.siasnJp, i.problem,
                i.adoptedCompletionId);
    }
}

package org.jpledger.training.siasn.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.siasn.domain.Finding;
import org.jpledger.training.siasn.domain.MatchRule;
import org.jpledger.training.siasn.service.ItemView;
import org.jpledger.training.siasn.service.ReconciliationView;

/** A reconciliation with SIASN as the API shows it. */
@Schema(name = "SiasnReconciliation", description = "What SIASN holds for a unit subtree compared with the ledger: "
        + "counts, counts by unit and by employee, and (when read back) a page of its items.")
public record ReconciliationResponse(
        @Schema(description = "The reconciliation's id") UUID id,
        @Schema(description = "The unit whose subtree was reconciled") String unitCode,
        @Schema(description = "riwayat-kursus or riwayat-diklat-struktural") String shape,
        @Schema(description = "When it was made") Instant createdAt,
        @Schema(description = "The token subject that made it") String createdBy,
        @Schema(description = "How many records each finding has") Counts counts,
        @Schema(description = "The counts by the current unit of each record's employee; unitCode absent for records "
                + "whose NIP names no employee you may see") List<Summary> units,
        @Schema(description = "The counts of each employee with anything but clean matches, by NIP, up to the "
                + "configured number") List<Summary> employees,
        @Schema(description = "Whether more employees have such findings than employees lists (the file has all)")
        boolean employeesTruncated,
        @Schema(description = "A page of items, in item order (GET only)") List<Item> items,
        @Schema(description = "Pass as after for the next page of items; absent on the last") Integer nextAfter) {

    static ReconciliationResponse from(ReconciliationView v) {
        ReconciliationView.Counts c = v.counts();
        return new ReconciliationResponse(v.id(), v.unitCode(), v.shape(), v.createdAt(), v.createdBy(),
                new Counts(c.rowsRead(), c.matched(), c.matchedDiffering(), c.ledgerOnly(), c.siasnOnly(),
                        c.unknownNip(), c.outsideUnit(), c.invalidRows()),
                v.units().stream().map(Summary::from).toList(), v.employees().stream().map(Summary::from).toList(),
                v.employeesTruncated(), v.items().stream().map(Item::from).toList(), v.nextAfter());
    }

    /** How many records each finding has. */
    @Schema(name = "SiasnReconciliationCounts")
    public record Counts(
            @Schema(description = "Data rows read from the SIASN file") int rowsRead,
            @Schema(description = "SIASN records matched with a ledger completion") int matched,
            @Schema(description = "Of the matched, those with at least one difference") int matchedDiffering,
            @Schema(description = "Active completions of the shape no SIASN record matched") int ledgerOnly,
            @Schema(description = "SIASN records of employees in the subtree the ledger does not hold") int siasnOnly,
            @Schema(description = "SIASN records whose NIP names no employee you may see") int unknownNip,
            @Schema(description = "SIASN records of employees you see outside the subtree") int outsideUnit,
            @Schema(description = "Rows that could not be read as a SIASN record") int invalidRows) {
    }

    /** The counts of one unit's or one employee's findings. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SiasnReconciliationSummary")
    public record Summary(
            @Schema(description = "The unit (the employee's current unit); absent for records whose NIP names no "
                    + "employee you may see") String unitCode,
            @Schema(description = "The employee (employee summaries only)") String nip,
            @Schema(description = "Records matched") int matched,
            @Schema(description = "Of the matched, those with at least one difference") int matchedDiffering,
            @Schema(description = "Completions only in the ledger") int ledgerOnly,
            @Schema(description = "Records only in SIASN") int siasnOnly,
            @Schema(description = "Records of an unknown NIP") int unknownNip,
            @Schema(description = "Records of an employee outside the subtree") int outsideUnit,
            @Schema(description = "Unreadable rows") int invalidRows) {

        static Summary from(ReconciliationView.Summary s) {
            return new Summary(s.unitCode(), s.nip(), s.matched(), s.matchedDiffering(), s.ledgerOnly(),
                    s.siasnOnly(), s.unknownNip(), s.outsideUnit(), s.invalidRows());
        }
    }

    /** One finding. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "SiasnReconciliationItem", description = "One finding: MATCHED (with differences, ledger and SIASN "
            + "side by side), LEDGER_ONLY, SIASN_ONLY, UNKNOWN_NIP, OUTSIDE_UNIT or INVALID_ROW")
    public record Item(
            @Schema(description = "The item's id within the reconciliation (for adoptions)") int id,
            @Schema(description = "What was found") Finding finding,
            @Schema(description = "Which rule matched (MATCHED only)") MatchRule matchRule,
            @Schema(description = "The SIASN file's data row (absent for LEDGER_ONLY)") Long rowNumber,
            @Schema(description = "The employee's NIP (as SIASN wrote it for SIASN records)") String nip,
            @Schema(description = "The employee's current unit") String unitCode,
            @Schema(description = "The ledger completion (MATCHED, LEDGER_ONLY)") UUID completionId,
            @Schema(description = "SIASN's record id, when the file carried it") String siasnId,
            @Schema(description = "The SIASN record's title, else the completion's") String title,
            @Schema(description = "The fields that differ on a match: jp, startDate, endDate, kindId") List<String> differences,
            @Schema(description = "The completion's kind") Integer ledgerKindId,
            @Schema(description = "SIASN's jenisDiklatId (1 for struktural)") Integer siasnKindId,
            @Schema(description = "The completion's start date") LocalDate ledgerStartDate,
            @Schema(description = "SIASN's start date") LocalDate siasnStartDate,
            @Schema(description = "The completion's end date") LocalDate ledgerEndDate,
            @Schema(description = "SIASN's end date") LocalDate siasnEndDate,
            @Schema(description = "The JP on the ledger's certificate (stated, else day-rated), whole") Integer ledgerJp,
            @Schema(description = "SIASN's jumlahJam") Integer siasnJp,
            @Schema(description = "Why the row could not be read (INVALID_ROW)") String problem,
            @Schema(description = "The completion a SIASN-only record was taken in as") UUID adoptedCompletionId) {

        static Item from(ItemView i) {
            return new Item(i.id(), i.finding(), i.matchRule(), i.rowNumber(), i.nip(), i.unitCode(),
                    i.completionId(), i.siasnId(), i.title(), i.differences(), i.ledgerKindId(), i.siasnKindId(),
                    i.ledgerStartDate(), i.siasnStartDate(), i.ledgerEndDate(), i.siasnEndDate(), i.ledgerJp(),
                    i.siasnJp(), i.problem(), i.adoptedCompletionId());
        }
    }
}

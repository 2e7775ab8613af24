package org.jpledger.reporting.closing.standing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.reporting.projection.CompletionFact;

/**
 * Notes the late corrections of closed years as the consumer applies completion events: an event of a year (its old
 * or its new one) at or beyond a standing closing's stored offset for its partition, of an employee the closing covers,
 * in the consumer's transaction, once per closing and event offset whatever redelivers it.
 */
@ApplicationScoped
public class CorrectionRecorder {

    private final ClosingLookup closings;
    private final EntityManager entityManager;

    public CorrectionRecorder(ClosingLookup closings, EntityManager entityManager) {
        this.closings = closings;
        this.entityManager = entityManager;
    }

    /** What a completion counted as before an event: read before the projector applies it (it changes the fact). */
    public record Before(String nip, int year, boolean active, BigDecimal recognizedJp) {

        public static Before of(CompletionFact fact) {
            return fact == null ? null
                    : new Before(fact.nip, fact.year, fact.status == CompletionStatus.ACTIVE, fact.recognizedJp);
        }

        boolean countsIn(int year) {
            return active && this.year == year;
        }
    }

    /** The standing closings a batch's events may correct: read once per batch (the table is small). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<StandingClosing> standing(List<Integer> years) {
        return closings.standing(years);
    }

    /**
     * Records the event as a correction of each standing closing of its years it comes after and whose employee it
     * covers; an event that changes nothing the year counts (a void of a void) is none.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(List<StandingClosing> standing, CompletionRecorded event, Before before, String topicPartition,
            long offset, Instant time) {
        for (StandingClosing closing : standing) {
            int year = closing.year();
            boolean was = before != null && before.countsIn(year);
            boolean is = event.active() && event.year() == year;
            if (!was && !is || !closing.after(topicPartition, offset)) {
                continue;
            }
            String nip = is ? event.nip() : before.nip();
            if (!closings.covers(closing, nip)) {
                continue;
            }
            entityManager.createNativeQuery("""
                    INSERT INTO year_correction (year, closing_id, completion_id, version, nip, change, title,
                        recognized_jp_before, recognized_jp_after, changed_by, changed_at, topic_partition, "offset")
                    VALUES (:year, :closing, :completion, :version, :nip, :change, :title, :before, :after, :by, :at,
                        :partition, :offset)
                    ON CONFLICT (closing_id, topic_partition, "offset") DO NOTHING""")
                    .setParameter("year", year).setParameter("closing", closing.id())
                    .setParameter("completion", event.completionId()).setParameter("version", event.version())
                    .setParameter("nip", nip).setParameter("change", change(was, is, event, before).name())
                    .setParameter("title", event.title())
                    .setParameter("before", was ? before.recognizedJp() : null)
                    .setParameter("after", is ? event.recognizedJp() : null)
                    .setParameter("by", event.changedBy()).setParameter("at", time)
                    .setParameter("partition", topicPartition).setParameter("offset", offset)
                    .executeUpdate();
        }
    }

    private static CorrectionChange change(boolean was, boolean is, CompletionRecorded event, Before before) {
        if (was && is) {
            return CorrectionChange.AMENDED;
        }
        if (is) {
            return before != null && before.active() ? CorrectionChange.MOVED_IN : CorrectionChange.RECORDED;
        }
        return event.active() ? CorrectionChange.MOVED_OUT : CorrectionChange.VOIDED;
    }
}

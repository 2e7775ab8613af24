package org.jpledger.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hibernate.Session;
import org.jpledger.reporting.projection.ComplianceRepository.Rating;
import org.jpledger.reporting.projection.Tallies.Tally;

/**
 * Writes the precomputed unit figures ({@code unit_year_figures}, see V9): each unit's own rated employees per year, as
 * rated by the year's {@code unit_year_rating}. Both the full refresh of a year and the figures of a batch's employees
 * are rated by {@link ComplianceRepository#ratedCte}, the rating of the live answers, never by a copy of it.
 * <p>
 * The invariant, for every year with a rating row: the year's figure rows (those with headcount or exempt) are exactly the
 * employee rows of the year rated by that row's day and terms, counted by unit and by the scale of their total JP.
 * A refresh (under the projection lock, alone) establishes it for a year; every change to {@code employee_year} goes
 * through {@link ComplianceProjector#refresh}, which keeps it in the same transaction by moving the changed employees'
 * figures; nothing else writes either table.
 */
@ApplicationScoped
public class UnitFiguresRepository {

    /** Figures under one unit row's key; a unit's employees are split by the scale of their total JP (see V9). */
    public record Key(int year, String unitCode, int scale) {

        /** Year, unit (none first), scale: the order batches lock rows in, so two batches cannot deadlock. */
        static final Comparator<Key> ORDER = Comparator.comparingInt(Key::year)
                .thenComparing(Key::unitCode, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(Key::scale);
    }

    /**
     * Adds each change to its key's row, creating it when missing: one statement for the whole batch, whose rows are
     * taken in key order (see {@link Key#ORDER}).
     */
    private static final String ADD = """
            INSERT INTO unit_year_figures AS f (year, unit_code, jp_scale, headcount, compliant, on_track, at_risk,
                                                not_met, total_jp, %1$s, jp_above_cap, pending_jp, flagged_jp)
            SELECT c.year, c.unit_code, c.jp_scale, c.headcount, c.compliant, c.on_track, c.at_risk, c.not_met,
                   c.total_jp, %2$s, c.jp_above_cap, c.pending_jp, c.flagged_jp
            FROM unnest(?::integer[], ?::text[], ?::integer[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
                        ?::bigint[], ?::numeric[], %3$s, ?::numeric[], ?::numeric[], ?::numeric[]) WITH ORDINALITY
                          AS c(year, unit_code, jp_scale, headcount, compliant, on_track, at_risk, not_met, total_jp,
                               %1$s, jp_above_cap, pending_jp, flagged_jp, n)
            ORDER BY c.n
            ON CONFLICT (year, unit_code, jp_scale) DO UPDATE SET
                headcount = f.headcount + excluded.headcount, compliant = f.compliant + excluded.compliant,
                on_track = f.on_track + excluded.on_track, at_risk = f.at_risk + excluded.at_risk,
                not_met = f.not_met + excluded.not_met, total_jp = f.total_jp + excluded.total_jp, %4$s,
                jp_above_cap = f.jp_above_cap + excluded.jp_above_cap,
                pending_jp = f.pending_jp + excluded.pending_jp, flagged_jp = f.flagged_jp + excluded.flagged_jp
            """.formatted(Tallies.join(Tally::column), Tallies.join(t -> "c." + t.column()),
                    Tallies.join(t -> "?::bigint[]"),
                    Tallies.join(t -> t.column() + " = f." + t.column() + " + excluded." + t.column()));

    /**
     * The scale a rated row {@code r} is filed under: its total JP's, or 0 for rows not counted (the exempt, excluded
     * leavers), whose JP are not in the total (so a row of a larger scale never holds a total of zeros from them, which
     * would raise the scale of the sums).
     */
    private static final String JP_SCALE = "CASE WHEN " + ComplianceRepository.COUNTED
            + " THEN scale(r.total_jp) ELSE 0 END";

    private final EntityManager entityManager;

    public UnitFiguresRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The rating each year's figures were made with; years without one have no figures to keep. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Rating> ratings() {
        List<Rating> ratings = new ArrayList<>();
        for (Object[] row : ComplianceRepository.results(entityManager.createNativeQuery("""
                SELECT year, rated_on, policies, governing FROM unit_year_rating ORDER BY year"""))) {
            ratings.add(new Rating(((Number) row[0]).intValue(), ComplianceRepository.date(row[1]), (String) row[2],
                    (String) row[3]));
        }
        return ratings;
    }

    /**
     * What the employees' rows as written now contribute to the figures, by key, each year rated as its figures were.
     * Read before and after the rows change, the difference is what the change moves (see {@link #move}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Key, UnitFigures> contributionsOf(Collection<String> nips, List<Rating> ratings) {
        Map<Key, UnitFigures> contributions = new HashMap<>();
        if (nips.isEmpty()) {
            return contributions;
        }
        List<String> distinct = List.copyOf(new HashSet<>(nips));
        for (Rating rating : ratings) {
            Query query = entityManager.createNativeQuery("WITH " + ComplianceRepository.ratedCte("y.nip IN (:nips)")
                    + " SELECT r.unit_code, " + JP_SCALE + ", " + ComplianceRepository.FIGURES
                    + " FROM rated r GROUP BY r.unit_code, " + JP_SCALE);
            rating.parameters().forEach(query::setParameter);
            query.setParameter("nips", distinct);
            for (Object[] row : ComplianceRepository.results(query)) {
                contributions.put(new Key(rating.year(), (String) row[0], ((Number) row[1]).intValue()),
                        figures(row, 2));
            }
        }
        return contributions;
    }

    /**
     * Moves the figures from what changed employees contributed {@code before} to what they contribute {@code after}:
     * adds the difference to each key's row, in one order for every batch. Additions commute, so batches of several
     * consumer instances (their employees never overlap) may move figures of one unit at the same time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void move(Map<Key, UnitFigures> before, Map<Key, UnitFigures> after) {
        Map<Key, UnitFigures> changes = new TreeMap<>(Key.ORDER);
        Set<Key> keys = new HashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (Key key : keys) {
            UnitFigures change = minus(after.getOrDefault(key, UnitFigures.NONE),
                    before.getOrDefault(key, UnitFigures.NONE));
            if (!unchanged(change)) {
                changes.put(key, change);
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        int size = changes.size();
        int tallies = Tallies.ALL.size();
        Object[][] columns = new Object[12 + tallies][size];
        int i = 0;
        for (Map.Entry<Key, UnitFigures> entry : changes.entrySet()) {
            Key key = entry.getKey();
            UnitFigures change = entry.getValue();
            columns[0][i] = key.year();
            columns[1][i] = key.unitCode();
            columns[2][i] = key.scale();
            columns[3][i] = change.headcount();
            columns[4][i] = change.compliant();
            columns[5][i] = change.onTrack();
            columns[6][i] = change.atRisk();
            columns[7][i] = change.notMet();
            // As text, so that the array keeps each total's scale exactly (see V9).
            columns[8][i] = change.totalJp().toPlainString();
            for (int t = 0; t < tallies; t++) {
                columns[9 + t][i] = change.tallies().counts().get(t);
            }
            columns[9 + tallies][i] = change.jpAboveCap().toPlainString();
            columns[10 + tallies][i] = change.pendingJp().toPlainString();
            columns[11 + tallies][i] = change.flaggedJp().toPlainString();
            i++;
        }
        // The tallies are counts: bigint, like the figures before them.
        String[] types = Arrays.copyOf(new String[] {"integer", "text", "integer", "bigint", "bigint", "bigint", "bigint",
                "bigint", "numeric"}, 12 + tallies);
        Arrays.fill(types, 9, 9 + tallies, "bigint");
        Arrays.fill(types, 9 + tallies, 12 + tallies, "numeric");
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement add = connection.prepareStatement(ADD)) {
                for (int column = 0; column < columns.length; column++) {
                    add.setArray(column + 1, connection.createArrayOf(types[column], columns[column]));
                }
                add.executeUpdate();
            }
        });
    }

    /**
     * Replaces {@code rating.year()}'s figures with the rating of all of its employee rows, in one statement, and
     * records the rating. The caller holds the projection lock alone: no batch moves figures meanwhile.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(Rating rating, long policyVersion) {
        Map<String, Object> parameters = rating.parameters();
        entityManager.createNativeQuery("DELETE FROM unit_year_figures WHERE year = :year")
                .setParameter("year", rating.year()).executeUpdate();
        Query insert = entityManager.createNativeQuery("WITH " + ComplianceRepository.ratedCte("TRUE") + """
                INSERT INTO unit_year_figures (year, unit_code, jp_scale, headcount, compliant, on_track, at_risk,
                                               not_met, total_jp, %s, jp_above_cap, pending_jp, flagged_jp)
                SELECT :year, r.unit_code, %s, """.formatted(Tallies.join(Tally::column), JP_SCALE)
                + ComplianceRepository.FIGURES
                + " FROM rated r GROUP BY r.unit_code, " + JP_SCALE);
        parameters.forEach(insert::setParameter);
        insert.executeUpdate();
        Query record = entityManager.createNativeQuery("""
                INSERT INTO unit_year_rating (year, rated_on, policy_version, policies, governing, days_in_year,
                                              refreshed_at)
                VALUES (:year, :today, :policyVersion, :policies, :governing, :daysInYear, now())
                ON CONFLICT (year) DO UPDATE SET rated_on = excluded.rated_on, policy_version = excluded.policy_version,
                    policies = excluded.policies, governing = excluded.governing,
                    days_in_year = excluded.days_in_year, refreshed_at = excluded.refreshed_at""");
        parameters.forEach(record::setParameter);
        record.setParameter("policyVersion", policyVersion);
        record.executeUpdate();
    }

    /**
     * The years that have employee rows or figures: the years worth keeping figures of. Read by skipping through the
     * index on {@code employee_year (year, …)} one year at a time, not by scanning millions of rows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Integer> years() {
        List<Integer> years = new ArrayList<>();
        for (Object year : entityManager.createNativeQuery("""
                WITH RECURSIVE years(year) AS (
                    SELECT min(year) FROM employee_year
                  UNION ALL
                    SELECT (SELECT min(y.year) FROM employee_year y WHERE y.year > years.year) FROM years
                    WHERE years.year IS NOT NULL
                )
                SELECT year FROM years WHERE year IS NOT NULL
                UNION
                SELECT year FROM unit_year_rating ORDER BY 1""").getResultList()) {
            years.add(((Number) year).intValue());
        }
        return years;
    }

    private static UnitFigures figures(Object[] row, int from) {
        return new UnitFigures(ComplianceRepository.count(row[from]), ComplianceRepository.count(row[from + 1]),
                ComplianceRepository.count(row[from + 2]), ComplianceRepository.count(row[from + 3]),
                ComplianceRepository.count(row[from + 4]), ComplianceRepository.decimal(row[from + 5]),
                Tallies.read(row, from + 6), ComplianceRepository.decimal(row[from + 6 + Tallies.ALL.size()]),
                ComplianceRepository.decimal(row[from + 7 + Tallies.ALL.size()]),
                ComplianceRepository.decimal(row[from + 8 + Tallies.ALL.size()]));
    }

    private static UnitFigures minus(UnitFigures a, UnitFigures b) {
        return new UnitFigures(a.headcount() - b.headcount(), a.compliant() - b.compliant(), a.onTrack() - b.onTrack(),
                a.atRisk() - b.atRisk(), a.notMet() - b.notMet(), a.totalJp().subtract(b.totalJp()),
                a.tallies().minus(b.tallies()), a.jpAboveCap().subtract(b.jpAboveCap()),
                a.pendingJp().subtract(b.pendingJp()), a.flaggedJp().subtract(b.flaggedJp()));
    }

    private static boolean unchanged(UnitFigures change) {
        return change.headcount() == 0 && change.compliant() == 0 && change.onTrack() == 0 && change.atRisk() == 0
                && change.notMet() == 0 && change.totalJp().signum() == 0 && change.tallies().zero()
                && change.jpAboveCap().signum() == 0 && change.pendingJp().signum() == 0
                && change.flaggedJp().signum() == 0;
    }
}

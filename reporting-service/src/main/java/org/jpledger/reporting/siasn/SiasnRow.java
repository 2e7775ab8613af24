package org.jpledger.reporting.siasn;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import org.jpledger.contracts.siasn.SiasnCourse;
import org.jpledger.contracts.siasn.SiasnReference;
import org.jpledger.contracts.siasn.SiasnShape;
import org.jpledger.contracts.siasn.SiasnStructuralTraining;

/**
 * One completion as SIASN takes it: the ledger's id, version and status, and the SIASN record of its shape
 * ({@link SiasnCourse} or {@link SiasnStructuralTraining}), read from a row of {@link SiasnQueries}.
 *
 * @param record a {@link SiasnCourse} or a {@link SiasnStructuralTraining}
 */
public record SiasnRow(UUID completionId, long version, boolean active, SiasnShape shape, Record record) {

    /** The row under the cursor of a {@link SiasnQueries#ROWS} query. */
    public static SiasnRow read(ResultSet row) throws SQLException {
        UUID completionId = row.getObject("completion_id", UUID.class);
        int kindId = row.getInt("kind_id");
        LocalDate start = date(row, "start_date");
        LocalDate end = date(row, "end_date");
        Integer year = end == null ? null : end.getYear();
        BigDecimal certificateJp = certificateJp(row.getBigDecimal("jp"), (Integer) row.getObject("days"),
                row.getBoolean("international"), row.getBigDecimal("recognized_jp"));
        Integer jumlahJam = certificateJp == null ? null : SiasnReference.jumlahJam(certificateJp);
        SiasnShape shape = SiasnShape.ofKind(kindId);
        Record record = shape == SiasnShape.STRUKTURAL
                ? new SiasnStructuralTraining(row.getString("siasn_id"), row.getString("nip"),
                        row.getString("pns_orang_id"), SiasnReference.latihanStrukturalId(row.getString("title")),
                        row.getString("certificate_number"), year, text(start), text(end), jumlahJam,
                        row.getString("provider"))
                : new SiasnCourse(row.getString("siasn_id"), row.getString("nip"), row.getString("pns_orang_id"),
                        row.getString("instansi_id"), String.valueOf(kindId), null,
                        SiasnReference.certificateKind(kindId), row.getString("title"), row.getString("provider"),
                        row.getString("certificate_number"), text(start), text(end), year, jumlahJam, null);
        return new SiasnRow(completionId, row.getLong("version"), "ACTIVE".equals(row.getString("status")), shape,
                record);
    }

    /**
     * The JP on the certificate: the JP stated; else, for a kind counted by days, the day-rated JP (its recognised JP).
     * A row stored before the stated JP was kept has neither: its recognised JP is the stated one unless it was
     * international (whose recognised JP is capped), which then has none until a rebuild fills it.
     */
    static BigDecimal certificateJp(BigDecimal stated, Integer days, boolean international, BigDecimal recognized) {
        if (stated != null) {
            return stated;
        }
        if (days != null || !international) {
            return recognized;
        }
        return null;
    }

    private static LocalDate date(ResultSet row, String column) throws SQLException {
        Date date = row.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.format(SiasnReference.DATE);
    }
}

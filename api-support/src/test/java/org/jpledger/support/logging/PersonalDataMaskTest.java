package org.jpledger.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class PersonalDataMaskTest {

    @Test
    void keepsOnlyTheLastFourDigitsOfANip() {
        assertThat(PersonalDataMask.mask("employee 198503122010012003 moved"))
                .isEqualTo("employee **************2003 moved");
    }

    @Test
    void leavesLongerAndShorterNumbersAlone() {
        assertThat(PersonalDataMask.mask("offset 1234567890123 and id 12345678901234567890"))
                .isEqualTo("offset 1234567890123 and id 12345678901234567890");
    }

    @Test
    void replacesBearerTokensAndBareJwts() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
        assertThat(PersonalDataMask.mask("Authorization: Bearer " + jwt)).isEqualTo("Authorization: Bearer [token]");
        assertThat(PersonalDataMask.mask("token=" + jwt)).isEqualTo("token=[token]");
    }

    @Test
    void masksTheFormattedMessageOfALogRecord() {
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, "Parked record (key %s): %s", ExtLogRecord.FormatStyle.PRINTF,
                PersonalDataMaskTest.class.getName());
        record.setParameters(new Object[] {"198503122010012003", "bad"});

        assertThat(new PersonalDataMask().isLoggable(record)).isTrue();

        assertThat(record.getFormattedMessage()).isEqualTo("Parked record (key **************2003): bad");
    }

    @Test
    void dropsNamesInJsonAndInPostgresqlRowDetails() {
        assertThat(PersonalDataMask.mask("{\"nip\":\"x\",\"name\":\"Siti \\\"Ani\\\" Rahayu\",\"unitCode\":\"BKD\"}"))
                .isEqualTo("{\"nip\":\"x\",\"name\":\"[name]\",\"unitCode\":\"BKD\"}");
        assertThat(PersonalDataMask.mask("ERROR: new row violates check constraint\n  Detail: Failing row contains "
                + "(198503122010012003, Siti Rahayu, PNS)."))
                .isEqualTo("ERROR: new row violates check constraint\n  Detail: Failing row contains ([row]).");
        assertThat(PersonalDataMask.mask("Detail: Key (name, unit_code)=(Siti Rahayu, BKD) already exists."))
                .isEqualTo("Detail: Key (name, unit_code)=([value]) already exists.");
    }

    @Test
    void masksTheExceptionOfALogRecordDownItsCausesKeepingClassAndStackTrace() {
        IllegalStateException cause = new IllegalStateException("Failing row contains (198503122010012003, Siti Rahayu)");
        RuntimeException thrown = new RuntimeException("could not record 198503122010012003", cause);
        ExtLogRecord record = new ExtLogRecord(Level.SEVERE, "failed", PersonalDataMaskTest.class.getName());
        record.setThrown(thrown);

        new PersonalDataMask().isLoggable(record);

        Throwable masked = record.getThrown();
        assertThat(masked.toString()).isEqualTo("java.lang.RuntimeException: could not record **************2003");
        assertThat(masked.getCause().toString())
                .isEqualTo("java.lang.IllegalStateException: Failing row contains ([row])");
        assertThat(masked.getStackTrace()).isEqualTo(thrown.getStackTrace());
    }

    @Test
    void keepsAnExceptionWithNothingToMaskAsItIs() {
        RuntimeException thrown = new RuntimeException("connection refused", new IllegalStateException("timeout"));
        ExtLogRecord record = new ExtLogRecord(Level.SEVERE, "failed", PersonalDataMaskTest.class.getName());
        record.setThrown(thrown);

        new PersonalDataMask().isLoggable(record);

        assertThat(record.getThrown()).isSameAs(thrown);
    }
}

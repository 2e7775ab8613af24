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
}

package org.jpledger.training.service.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    private static final int LINE_CAP = 20;
    private static final int FIELD_CAP = 8;

    @Test
    void readsQuotedFieldsWithDelimitersDoubledQuotesAndLineBreaks() {
        String csv = "a;b;c\r\n\"x;y\";\"say \"\"hi\"\"\";\"two\nlines\"\r\nplain;;end\n";

        assertThat(read(csv, ';', 100, 100)).containsExactly(List.of("a", "b", "c"),
                List.of("x;y", "say \"hi\"", "two\nlines"), List.of("plain", "", "end"));
    }

    @Test
    void skipsAByteOrderMarkAndBlankLines() {
        assertThat(read("\uFEFFnip,title\n\n123,Pelatihan\n\n", ',', 100, 100)).containsExactly(
                List.of("nip", "title"), List.of("123", "Pelatihan"));
    }

    @Test
    void tellsTheDelimiterFromTheFirstLineAndLeavesItUnread() throws IOException {
        BufferedReader semicolons = new BufferedReader(new StringReader("\uFEFFnip;title;kindId\nx,y,z,w\n"));
        BufferedReader commas = new BufferedReader(new StringReader("nip,title;kindId\n"));

        assertThat(CsvRecords.peekDelimiter(semicolons, LINE_CAP)).isEqualTo(';');
        assertThat(semicolons.read()).isEqualTo('\uFEFF');
        assertThat(CsvRecords.peekDelimiter(commas, LINE_CAP)).isEqualTo(',');
    }

    @Test
    void refusesAFirstLineLongerThanTheLimitWithoutReadingPastIt() throws IOException {
        CountingReader endless = new CountingReader(new StringReader("x".repeat(10_000)));

        assertThatThrownBy(() -> CsvRecords.peekDelimiter(new BufferedReader(endless, 16), LINE_CAP))
                .isInstanceOfSatisfying(CsvTooLongException.class, e -> {
                    assertThat(e.wholeRecord()).isTrue();
                    assertThat(e.limit()).isEqualTo(LINE_CAP);
                });
        assertThat(endless.read).isLessThan(100);
    }

    @Test
    void acceptsAFirstLineOfExactlyTheLimit() throws IOException {
        String line = "a,b,c," + "x".repeat(LINE_CAP - 6);

        assertThat(CsvRecords.peekDelimiter(new BufferedReader(new StringReader(line + "\r\n")), LINE_CAP))
                .isEqualTo(',');
    }

    @Test
    void acceptsALineAndAFieldOfExactlyTheirLimitsEndedByCrLf() {
        String field = "f".repeat(FIELD_CAP);
        String line = field + "," + "g".repeat(LINE_CAP - FIELD_CAP - 1 - FIELD_CAP - 1) + "," + field;

        assertThat(line).hasSize(LINE_CAP);
        assertThat(read(line + "\r\nnext\r\n", ',', LINE_CAP, FIELD_CAP)).containsExactly(
                List.of(field, "g".repeat(LINE_CAP - 2 * FIELD_CAP - 2), field), List.of("next"));
    }

    @Test
    void refusesALineLongerThanTheLimitAndReadsNoFurther() {
        CountingReader in = new CountingReader(new StringReader("a,b\n" + "y".repeat(LINE_CAP + 1) + "\nc,d\n"));
        CsvRecords records = new CsvRecords(in, ',', LINE_CAP, LINE_CAP);

        assertThat(records.next()).containsExactly("a", "b");
        assertThatThrownBy(records::hasNext).isInstanceOfSatisfying(CsvTooLongException.class,
                e -> assertThat(e.wholeRecord()).isTrue());
        assertThat(in.read).isEqualTo(4 + LINE_CAP + 1);
        assertThatThrownBy(records::hasNext).isInstanceOf(CsvTooLongException.class);
        assertThat(in.read).isEqualTo(4 + LINE_CAP + 1);
    }

    @Test
    void countsLineBreaksAndDoubledQuotesInsideQuotesTowardsTheLine() {
        String quoted = "\"" + "\"\"".repeat(9) + "\n\"";

        assertThat(quoted).hasSize(LINE_CAP + 1);
        assertThatThrownBy(() -> read(quoted + "\n", ',', LINE_CAP, 100)).isInstanceOfSatisfying(
                CsvTooLongException.class, e -> assertThat(e.wholeRecord()).isTrue());
        String atTheLimit = "\"" + "\"\"".repeat(8) + "\nx\"";
        assertThat(atTheLimit).hasSize(LINE_CAP);
        assertThat(read(atTheLimit + "\n", ',', LINE_CAP, 100)).containsExactly(List.of("\"".repeat(8) + "\nx"));
    }

    @Test
    void refusesAQuoteLeftOpenToTheEndOfTheFile() {
        assertThatThrownBy(() -> read("a,b\n\"open,x\n", ',', 100, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not closed");
    }

    @Test
    void refusesAQuoteLeftOpenPastTheLineLimitWithoutReadingToTheEnd() {
        CountingReader in = new CountingReader(new StringReader("a,b\n\"open," + "z\n".repeat(100_000)));
        CsvRecords records = new CsvRecords(in, ',', LINE_CAP, FIELD_CAP);
        records.next();

        assertThatThrownBy(records::hasNext).isInstanceOfSatisfying(CsvTooLongException.class, e -> {
            assertThat(e.wholeRecord()).isTrue();
            assertThat(e.inQuotes()).isTrue();
            assertThat(e.column()).isZero();
        });
        assertThat(in.read).isLessThan(100);
    }

    @Test
    void refusesARecordWithAFieldOverTheLimitAndReadsOnFromTheNextRecord() {
        CsvRecords records = new CsvRecords(new StringReader("a,\"" + "q".repeat(FIELD_CAP + 1) + "\",c\r\nd,e\r\n"),
                ',', LINE_CAP, FIELD_CAP);

        assertThatThrownBy(records::hasNext).isInstanceOfSatisfying(CsvTooLongException.class, e -> {
            assertThat(e.wholeRecord()).isFalse();
            assertThat(e.column()).isEqualTo(1);
            assertThat(e.getMessage()).contains(String.valueOf(FIELD_CAP));
        });
        assertThat(records.next()).containsExactly("d", "e");
        assertThat(records.hasNext()).isFalse();
    }

    private static List<List<String>> read(String csv, char delimiter, int lineCap, int fieldCap) {
        List<List<String>> records = new ArrayList<>();
        new CsvRecords(new StringReader(csv), delimiter, lineCap, fieldCap).forEachRemaining(records::add);
        return records;
    }

    /** Counts the characters read through it, to show what was left unread. */
    private static final class CountingReader extends Reader {
        private final Reader in;
        long read;

        CountingReader(Reader in) {
            this.in = in;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            read += Math.max(0, n);
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

package org.jpledger.training.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @Test
    void readsQuotedFieldsWithDelimitersDoubledQuotesAndLineBreaks() {
        String csv = "a;b;c\r\n\"x;y\";\"say \"\"hi\"\"\";\"two\nlines\"\r\nplain;;end\n";

        assertThat(read(csv, ';')).containsExactly(List.of("a", "b", "c"), List.of("x;y", "say \"hi\"", "two\nlines"),
                List.of("plain", "", "end"));
    }

    @Test
    void skipsAByteOrderMarkAndBlankLines() {
        assertThat(read("\uFEFFnip,title\n\n123,Pelatihan\n\n", ',')).containsExactly(List.of("nip", "title"),
                List.of("123", "Pelatihan"));
    }

    @Test
    void tellsTheDelimiterFromTheHeader() {
        assertThat(CsvRecords.delimiterOf("nip;title;kindId")).isEqualTo(';');
        assertThat(CsvRecords.delimiterOf("nip,title,kindId")).isEqualTo(',');
    }

    @Test
    void refusesAQuoteLeftOpen() {
        assertThatThrownBy(() -> read("a,b\n\"open,x\n", ',')).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<List<String>> read(String csv, char delimiter) {
        List<List<String>> records = new ArrayList<>();
        new CsvRecords(new StringReader(csv), delimiter).forEachRemaining(records::add);
        return records;
    }
}

package org.jpledger.training.service.imports;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One data row of an import file as its format read it: the completion request it holds (as a batch item), or why it
 * was refused before recording.
 *
 * @param number  the data row's number, from 1 for the first row of data (after a header)
 * @param item    the row as a batch item, to be validated and recorded like one (null when refused)
 * @param refusal why the row was refused while reading (null when it holds an item)
 * @param chars   characters the row held, so that a reader of many rows can bound what it holds at once
 * @param last    true when nothing after this row could be read (the file ends at a refusal)
 */
public record ImportRow(long number, JsonNode item, RuntimeException refusal, long chars, boolean last) {

    public static ImportRow item(long number, JsonNode item, long chars) {
        return new ImportRow(number, item, null, chars, false);
    }

    public static ImportRow refused(long number, RuntimeException refusal, boolean last) {
        return new ImportRow(number, null, refusal, 0, last);
    }
}

package org.jpledger.training.service.imports;

/** The data rows of one import file, read one at a time in file order. */
public interface RowSource {

    /** The next data row, or null after the last. A row marked {@link ImportRow#last()} is followed by none. */
    ImportRow next();
}

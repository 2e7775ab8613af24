package org.jpledger.contracts.reference;

import java.math.BigDecimal;
import java.util.List;

/**
 * The bands of recognized JP that a unit's employees are counted in for a distribution: each band runs from its lower
 * edge (inclusive) to the next edge (exclusive); the last has no upper edge. 20 JP is the national yearly duty.
 */
public final class JpBands {

    /** Lower edges, ascending, the first 0. */
    public static final List<BigDecimal> EDGES = List.of(BigDecimal.ZERO, BigDecimal.valueOf(5), BigDecimal.TEN,
            BigDecimal.valueOf(15), BigDecimal.valueOf(20), BigDecimal.valueOf(40));

    private JpBands() {
    }

    /** The upper edge (exclusive) of the band starting at {@code EDGES.get(index)}; null for the last band. */
    public static BigDecimal upperEdge(int index) {
        return index + 1 < EDGES.size() ? EDGES.get(index + 1) : null;
    }
}

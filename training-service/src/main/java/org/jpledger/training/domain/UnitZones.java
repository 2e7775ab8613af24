package org.jpledger.training.domain;

import java.time.ZoneId;
import org.jpledger.contracts.reference.TrainingCalendar;

/** The time zones a unit may name (Indonesia's WIB, WITA and WIT), and the one a unit without any is in. */
public final class UnitZones {

    /** The names a unit may carry. */
    public static final String PATTERN = "Asia/(Jakarta|Makassar|Jayapura)";
    public static final String MESSAGE = "must be Asia/Jakarta, Asia/Makassar or Asia/Jayapura";
    /** The zone of a root unit that names none, and so of every unit below it that names none (WIB). */
    public static final ZoneId DEFAULT = TrainingCalendar.ZONE;

    private UnitZones() {
    }

    /** The zone a unit's effective zone name stands for; {@link #DEFAULT} for none. */
    public static ZoneId of(String name) {
        return name == null ? DEFAULT : ZoneId.of(name);
    }
}

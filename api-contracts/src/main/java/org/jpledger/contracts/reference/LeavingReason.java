package org.jpledger.contracts.reference;

/**
 * Why an employee left service (alasan pemberhentian/keluar), named as BKN's SIASN names them. The year's policy says
 * whether leavers are pro-rated or left out of the denominator; unit figures count leavers by reason.
 */
public enum LeavingReason {
    /** Retirement age reached (pensiun, UU 20/2023 Pasal 52). */
    PENSIUN("Pensiun"),
    /** Died in service. */
    MENINGGAL("Meninggal dunia"),
    /** Moved to another agency outside this deployment (mutasi keluar instansi). */
    MUTASI_KELUAR("Mutasi keluar"),
    /** Dismissed (diberhentikan, with or without honour). */
    DIBERHENTIKAN("Diberhentikan"),
    /** Resigned at their own request. */
    BERHENTI_ATAS_PERMINTAAN_SENDIRI("Berhenti atas permintaan sendiri"),
    /** A PPPK work contract that ended and was not extended. */
    KONTRAK_BERAKHIR("Kontrak berakhir"),
    /** Any other reason, or not stated (also for departures recorded before reasons existed). */
    LAINNYA("Lainnya");

    private final String label;

    LeavingReason(String label) {
        this.label = label;
    }

    /** The Indonesian label shown in reports. */
    public String label() {
        return label;
    }
}

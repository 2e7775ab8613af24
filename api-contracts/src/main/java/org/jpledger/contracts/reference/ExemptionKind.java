package org.jpledger.contracts.reference;

/**
 * Why an employee is not judged for a period: away from their position on a decision (SK) that suspends the duty to
 * develop competency in the agency. Days of such a period are taken out of the days in service before a target is
 * pro-rated. Sources: PP 11/2017 jo. PP 17/2020 on ASN management (tugas belajar, cuti, pemberhentian sementara,
 * penugasan di luar instansi) and Peraturan BKN 24/2017 on leave (cuti besar, cuti sakit, cuti melahirkan, CLTN).
 */
public enum ExemptionKind {
    TUGAS_BELAJAR("Tugas belajar"),
    CLTN("Cuti di luar tanggungan negara"),
    CUTI_BESAR("Cuti besar"),
    CUTI_MELAHIRKAN("Cuti melahirkan"),
    CUTI_SAKIT_PANJANG("Cuti sakit panjang"),
    PEMBERHENTIAN_SEMENTARA("Pemberhentian sementara"),
    DIPERBANTUKAN("Diperbantukan di luar instansi"),
    DIPEKERJAKAN("Dipekerjakan di luar instansi");

    private final String label;

    ExemptionKind(String label) {
        this.label = label;
    }

    /** The Indonesian label shown in reports and forms. */
    public String label() {
        return label;
    }
}

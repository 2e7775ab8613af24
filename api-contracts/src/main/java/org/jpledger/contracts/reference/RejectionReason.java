package org.jpledger.contracts.reference;

/** Why a verifier refused a completion's claim; the code a reject decision must name, with free text beside it. */
public enum RejectionReason {
    NO_EVIDENCE("Tidak ada bukti (sertifikat/STTPP)"),
    EVIDENCE_MISMATCH("Bukti tidak sesuai dengan data yang dilaporkan"),
    NOT_ATTENDED("Tidak mengikuti atau tidak menyelesaikan pelatihan"),
    WRONG_EMPLOYEE("Bukan pegawai yang bersangkutan"),
    WRONG_JP("Jumlah JP tidak sesuai"),
    WRONG_DATES("Tanggal pelatihan tidak sesuai"),
    NOT_COMPETENCY_DEVELOPMENT("Bukan kegiatan pengembangan kompetensi"),
    DUPLICATE("Duplikat dari catatan lain"),
    OTHER("Alasan lain");

    private final String label;

    RejectionReason(String label) {
        this.label = label;
    }

    /** The Indonesian label shown in reports and forms. */
    public String label() {
        return label;
    }
}

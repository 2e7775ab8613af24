package org.jpledger.contracts.reference;

/**
 * Position levels (jabatan) of UU 5/2014 and UU 20/2023 on ASN, each with the name it goes by in reports
 * ({@link #label()}): the jabatan pimpinan tinggi by UU 5/2014's abbreviation JPT (Utama, Madya, Pratama), the jabatan
 * administrasi (Administrator, Pengawas, Pelaksana) and the jabatan fungsional as UU 5/2014 names them.
 */
public enum PositionLevel {
    JPT_UTAMA("JPT Utama"),
    JPT_MADYA("JPT Madya"),
    JPT_PRATAMA("JPT Pratama"),
    ADMINISTRATOR("Administrator"),
    PENGAWAS("Pengawas"),
    PELAKSANA("Pelaksana"),
    FUNGSIONAL("Fungsional");

    private final String label;

    PositionLevel(String label) {
        this.label = label;
    }

    /** The Indonesian name shown in reports. */
    public String label() {
        return label;
    }
}

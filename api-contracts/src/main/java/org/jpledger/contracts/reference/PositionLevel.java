package org.jpledger.contracts.reference;

/** Position levels (jabatan) of UU 5/2014 and UU 20/2023 on ASN. */
public enum PositionLevel {
    JPT_UTAMA,
    JPT_MADYA,
    JPT_PRATAMA,
    ADMINISTRATOR,
    PENGAWAS,
    PELAKSANA,
    FUNGSIONAL
}

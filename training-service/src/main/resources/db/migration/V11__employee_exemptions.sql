-- Exemption periods: time an employee was away on a decision (SK) and is not judged for (tugas belajar, CLTN, long
-- leave, pemberhentian sementara, diperbantukan/dipekerjakan). A deletion keeps the row as history.
CREATE TABLE employee_exemption (
    id          uuid         PRIMARY KEY,
    nip         varchar(18)  NOT NULL REFERENCES employee (nip),
    kind        varchar(32)  NOT NULL,
    from_date   date         NOT NULL,
    -- null while open-ended: the employee has not returned yet
    until_date  date,
    reference   varchar(100) NOT NULL,
    recorded_at timestamptz  NOT NULL,
    recorded_by text         NOT NULL,
    deleted_at  timestamptz,
    deleted_by  text,
    CHECK (until_date IS NULL OR until_date >= from_date),
    CHECK ((deleted_at IS NULL) = (deleted_by IS NULL))
);
CREATE INDEX employee_exemption_nip ON employee_exemption (nip, from_date);

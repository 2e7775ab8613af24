package org.jpledger.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.jpledger.contracts.events.ExemptionPeriod;
import org.jpledger.contracts.events.PositionAssignment;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.CompletionFlag;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.LeavingReason;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.contracts.reference.TrainingKind;
import org.jpledger.contracts.reference.TrainingKinds;
import org.jpledger.contracts.reference.TrainingMethod;

/**
 * A seeded, realistic province: a unit tree of 400 units in 4 levels (the provincial government, 19 agencies, 5 divisions
 * each, 3 sections each), its employees (about 80% PNS with NIPs of the Perka BKN 22/2007 layout, the rest PPPK, a
 * third of them part time), some transfers, promotions, exemption periods and leavers with their reasons (see
 * {@link Careers}), and about 8 completions each over 2025 and 2026 up to {@code lastDay}, of which about 3% are
 * amended and 2% voided later. The same seed, size and last day give the same province, item for item.
 *
 * <p>Employees are held in memory (a province has at most a few hundred thousand); completions are generated per
 * employee on demand from the seed and the employee's index, so the 2.4 million of a full province stream through.
 */
public final class ProvinceGenerator {

    /** Units per level: the provincial government, agencies (OPD), divisions (bidang), sections (seksi/subbagian). */
    public static final int[] UNITS_PER_LEVEL = {1, 19, 95, 285};
    public static final String ROOT = "PROV33";
    /** The first day completions may end on: the two training years are 2025 and 2026. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 2);
    public static final String AMENDED_TITLE_SUFFIX = " (perbaikan)";
    /** training-service's default ceiling of claimed JP per day of a completion's span, for either method. */
    public static final BigDecimal MAX_JP_PER_DAY = BigDecimal.TEN;

    static final double PNS_SHARE = 0.80;
    static final double TRANSFER_SHARE = 0.05;
    /** Share of PPPK who are part time (paruh waktu): the 2025 appointments of non-ASN staff made about a third. */
    static final double PART_TIME_SHARE_OF_PPPK = 0.3;
    /** TMT of the part-time PPPK appointments of 2025. */
    static final LocalDate PART_TIME_FROM = LocalDate.of(2025, 10, 1);
    static final double NEW_HIRE_SHARE = 0.02;
    static final double NO_TRAINING_SHARE = 0.06;
    static final double AMEND_SHARE = 0.03;
    static final double VOID_SHARE = 0.02;

    private static final String[] AGENCIES = {"Sekretariat Daerah", "Sekretariat DPRD", "Inspektorat",
        "Badan Perencanaan Pembangunan Daerah", "Badan Kepegawaian Daerah", "Badan Pengembangan Sumber Daya Manusia",
        "Badan Pengelolaan Keuangan dan Aset Daerah", "Dinas Pendidikan dan Kebudayaan", "Dinas Kesehatan",
        "Rumah Sakit Umum Daerah", "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas Perhubungan",
        "Dinas Sosial", "Dinas Pertanian dan Perkebunan", "Dinas Lingkungan Hidup dan Kehutanan",
        "Dinas Komunikasi dan Informatika", "Dinas Penanaman Modal dan PTSP", "Satuan Polisi Pamong Praja",
        "Badan Pendapatan Daerah"};
    /** Relative size of each agency: teachers and health workers are most of a province's ASN. */
    private static final int[] AGENCY_WEIGHT = {4, 1, 1, 1, 1, 1, 2, 30, 6, 12, 3, 3, 2, 4, 3, 1, 1, 3, 3};
    private static final String[] DIVISIONS = {"Sekretariat", "Bidang Program dan Perencanaan", "Bidang Pelayanan",
        "Bidang Pembinaan", "Bidang Pengendalian dan Evaluasi"};
    private static final String[] SECTIONS = {"Subbagian Umum", "Seksi Pelaksanaan", "Seksi Monitoring"};
    private static final String[] MALE = {"Agus", "Budi", "Joko", "Ahmad", "Eko", "Wahyu", "Hendra", "Fajar", "Bambang",
        "Dedi", "Slamet", "Teguh", "Rudi", "Arif", "Yusuf", "Bayu", "Heru", "Imam", "Rizki", "Dimas"};
    private static final String[] FEMALE = {"Siti", "Dewi", "Rina", "Sri", "Nur", "Lestari", "Yuni", "Ratna", "Endang",
        "Wulan", "Fitri", "Indah", "Ayu", "Ani", "Putri", "Mega", "Retno", "Tri", "Nanik", "Eka"};
    private static final String[] FAMILY = {"Rahayu", "Santoso", "Wibowo", "Hidayat", "Saputra", "Kurniawan", "Susanti",
        "Pratama", "Setiawan", "Purnamasari", "Nugroho", "Wijaya", "Handayani", "Prasetyo", "Utami", "Suryani",
        "Firmansyah", "Maharani", "Siregar", "Nasution", "Permana", "Anggraini", "Sulistyo", "Wahyuni"};
    private static final String[] PROVIDERS = {"BPSDMD Provinsi Jawa Tengah", "Lembaga Administrasi Negara",
        "BKN Kantor Regional I", "Kementerian Dalam Negeri", "Pusdiklat Kementerian Kesehatan",
        "LPMP Jawa Tengah", "Universitas Diponegoro", "Badan Pusat Statistik"};

    /**
     * How a kind of training is given: how often it occurs, the JP it usually states (or null when it is counted by
     * days), the competency it mostly builds, and titles.
     */
    private record KindProfile(int kindId, int weight, int[] jpChoices, int maxDays, CompetencyType competency,
            String[] titles) {
    }

    private static final List<KindProfile> KINDS = List.of(
            new KindProfile(3, 16, new int[] {16, 24, 30, 40}, 0, CompetencyType.TEKNIS, new String[] {
                "Pelatihan Teknis Pengelolaan Keuangan Daerah", "Pelatihan Teknis Pengadaan Barang/Jasa",
                "Pelatihan Teknis Penyusunan Kebijakan Publik"}),
            new KindProfile(8, 14, new int[] {8, 12, 16, 24}, 0, CompetencyType.TEKNIS, new String[] {
                "Bimbingan Teknis Penyusunan SAKIP", "Bimbingan Teknis Aplikasi SIPD", "Bimbingan Teknis Arsip Digital"}),
            new KindProfile(16, 18, new int[] {2, 3, 4, 6, 8, 10}, 0, CompetencyType.TEKNIS, new String[] {
                "E-Learning Literasi Digital", "E-Learning Manajemen Risiko", "E-Learning Pelayanan Publik Prima"}),
            new KindProfile(9, 9, null, 2, CompetencyType.SOSIAL_KULTURAL, new String[] {
                "Seminar Nasional Reformasi Birokrasi", "Seminar Moderasi Beragama", "Seminar Kesehatan Masyarakat"}),
            new KindProfile(4, 7, null, 3, CompetencyType.TEKNIS, new String[] {
                "Workshop Penyusunan Rencana Kerja", "Workshop Penulisan Karya Tulis Ilmiah", "Workshop Data Statistik Sektoral"}),
            new KindProfile(7, 6, new int[] {2, 3, 4}, 0, CompetencyType.SOSIAL_KULTURAL, new String[] {
                "Sosialisasi Kode Etik ASN", "Sosialisasi Netralitas ASN", "Sosialisasi Pencegahan Korupsi"}),
            new KindProfile(22, 7, new int[] {2, 4, 5, 8}, 0, CompetencyType.TEKNIS, new String[] {
                "Belajar Mandiri MOOC Analisis Data", "Belajar Mandiri Bahasa Inggris"}),
            new KindProfile(14, 4, new int[] {2, 4, 6}, 0, CompetencyType.MANAJERIAL, new String[] {"Coaching Kinerja"}),
            new KindProfile(15, 4, new int[] {2, 4, 6}, 0, CompetencyType.MANAJERIAL, new String[] {"Mentoring Pegawai Baru"}),
            new KindProfile(11, 4, new int[] {10, 20, 32}, 0, CompetencyType.TEKNIS, new String[] {
                "Kursus Bahasa Inggris", "Kursus Desain Grafis"}),
            new KindProfile(2, 4, new int[] {40, 60, 80}, 0, CompetencyType.TEKNIS, new String[] {
                "Diklat Fungsional Penjenjangan Analis Kebijakan", "Diklat Fungsional Auditor Pertama"}),
            new KindProfile(5, 3, new int[] {40, 60, 78}, 0, CompetencyType.MANAJERIAL, new String[] {
                "Pelatihan Kepemimpinan Pengawas", "Pelatihan Kepemimpinan Administrator"}),
            new KindProfile(6, 2, new int[] {16, 24}, 0, CompetencyType.SOSIAL_KULTURAL, new String[] {
                "Pelatihan Wawasan Kebangsaan"}),
            new KindProfile(17, 4, new int[] {12, 20, 30}, 0, CompetencyType.TEKNIS, new String[] {
                "Pelatihan Jarak Jauh Manajemen ASN", "Pelatihan Jarak Jauh Keprotokolan"}),
            new KindProfile(24, 3, new int[] {4, 8}, 0, CompetencyType.TEKNIS, new String[] {
                "Bimbingan di Tempat Kerja Pelayanan Administrasi"}),
            new KindProfile(23, 2, new int[] {2, 4}, 0, CompetencyType.TEKNIS, new String[] {
                "Komunitas Belajar Guru Penggerak"}),
            new KindProfile(20, 1, new int[] {8, 16}, 0, CompetencyType.MANAJERIAL, new String[] {
                "Patok Banding Inovasi Pelayanan Publik"}),
            new KindProfile(10, 1, new int[] {40, 80}, 0, CompetencyType.TEKNIS, new String[] {
                "Magang Pengelolaan Sistem Informasi"}),
            new KindProfile(1, 1, new int[] {60, 120}, 0, CompetencyType.MANAJERIAL, new String[] {
                "Diklat Struktural Kepemimpinan"}));
    private static final int KIND_WEIGHT_TOTAL = KINDS.stream().mapToInt(KindProfile::weight).sum();

    /** A unit of the tree; level 1 is the root. */
    public record Unit(String code, String name, String parentCode, int level) {
    }

    /**
     * An employee as first registered, and what changes later: a transfer or leaving service (never both), a position
     * change, an exemption period.
     *
     * @param index           position in the province, from 0; also seeds the employee's completions
     * @param type            the employment type as first registered (the first entry of {@code positionHistory})
     * @param level           the position level as first registered (the first entry of {@code positionHistory})
     * @param employedFrom    first day in service
     * @param transferUnit    the unit they move to later, or null
     * @param transferDate    when the transfer takes effect, or null
     * @param employedUntil   the last day in service of a leaver, or null
     * @param positionHistory the type and level from {@code employedFrom} on, then the later change, if any
     * @param exemptions      the exemption periods, oldest first, none overlapping
     * @param leavingReason   why a leaver left; null exactly when {@code employedUntil} is
     */
    public record Employee(int index, String nip, String name, EmploymentType type, PositionLevel level, String unitCode,
            LocalDate employedFrom, String transferUnit, LocalDate transferDate, LocalDate employedUntil,
            List<PositionAssignment> positionHistory, List<ExemptionPeriod> exemptions, LeavingReason leavingReason) {

        public boolean transfers() {
            return transferUnit != null;
        }

        public boolean leaves() {
            return employedUntil != null;
        }

        /** Whether their employment type or position level changes after they were first registered. */
        public boolean changesPosition() {
            return positionHistory.size() > 1;
        }

        /** The employment type and position level in force on {@code day} (the first ones before they took effect). */
        public PositionAssignment positionOn(LocalDate day) {
            PositionAssignment current = positionHistory.get(0);
            for (PositionAssignment p : positionHistory) {
                if (!p.effectiveFrom().isAfter(day)) {
                    current = p;
                }
            }
            return current;
        }

        /** The first and last day a completion of theirs may end on, or null when there is none. */
        public LocalDate[] trainingWindow(LocalDate lastDay) {
            LocalDate from = employedFrom.isAfter(FIRST_DAY) ? employedFrom : FIRST_DAY;
            LocalDate to = employedUntil != null && employedUntil.isBefore(lastDay) ? employedUntil : lastDay;
            return from.isAfter(to) ? null : new LocalDate[] {from, to};
        }
    }

    /** What later happens to a completion after it is recorded. */
    public enum Fate { KEEP, AMEND, VOID }

    /** A completion as an integrating system sends it; {@code jp} null means counted by {@code days}. */
    public record Completion(String nip, String title, int kindId, CompetencyType competencyType,
            DeliveryMode deliveryMode, String provider, LocalDate startDate, LocalDate endDate, BigDecimal jp,
            Integer days, boolean international, String certificateNumber, String sourceSystem, String externalId,
            Fate fate) {

        /** The amended content: the title corrected and the JP (or days) changed, same keys. */
        public Completion amended() {
            // Fewer days, never more (the days may not exceed the span of the unchanged dates); one day becomes 2 JP.
            boolean oneDay = jp == null && days == 1;
            BigDecimal newJp = oneDay ? BigDecimal.valueOf(2) : jp == null ? null
                    : jp.add(jp.compareTo(BigDecimal.valueOf(4)) > 0 ? BigDecimal.valueOf(-2) : BigDecimal.valueOf(2));
            Integer newDays = jp == null && !oneDay ? days - 1 : null;
            return new Completion(nip, title + AMENDED_TITLE_SUFFIX, kindId, competencyType, deliveryMode, provider,
                    startDate, endDate, newJp, newDays, international, certificateNumber, sourceSystem, externalId,
                    Fate.KEEP);
        }

        public TrainingMethod method() {
            return TrainingKinds.byId(kindId).map(TrainingKind::method).orElseThrow();
        }

        /**
         * The flags training-service stores it with under its default plausibility bounds: more claimed JP than
         * {@link ProvinceGenerator#MAX_JP_PER_DAY} per day of its span (the generator's spans keep most within; a
         * start moved into the training window or a long course may not).
         */
        public List<CompletionFlag> flags() {
            boolean implausible = jp != null && jp.compareTo(
                    MAX_JP_PER_DAY.multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(startDate, endDate) + 1))) > 0;
            return implausible ? List.of(CompletionFlag.IMPLAUSIBLE_JP_PER_DAY) : List.of();
        }

        /** The JP it counts for under the seeded rule table of training-service (Perlan 10/2018). */
        public BigDecimal recognizedJp() {
            if (jp != null) {
                return (international ? jp.multiply(new BigDecimal("1.20")) : jp).setScale(2, java.math.RoundingMode.HALF_UP);
            }
            int perDay = kindId == TrainingKinds.SEMINAR ? (international ? 6 : 4) : (international ? 7 : 5);
            return BigDecimal.valueOf((long) perDay * days).setScale(2);
        }
    }

    private final long seed;
    private final int employeeCount;
    private final LocalDate lastDay;
    private final List<Unit> units;
    private final List<Employee> employees;

    /**
     * @param seed      the seed of every random choice
     * @param employees how many employees (300,000 for a full province)
     * @param lastDay   the last day a completion may end on (yesterday, in Asia/Jakarta, for a run)
     */
    public ProvinceGenerator(long seed, int employees, LocalDate lastDay) {
        if (employees < 1) {
            throw new IllegalArgumentException("at least one employee");
        }
        if (lastDay.isBefore(FIRST_DAY.plusDays(60))) {
            throw new IllegalArgumentException("lastDay must be well into 2025 or later: " + lastDay);
        }
        this.seed = seed;
        this.employeeCount = employees;
        this.lastDay = lastDay;
        this.units = buildUnits();
        this.employees = buildEmployees();
    }

    public long seed() {
        return seed;
    }

    public LocalDate lastDay() {
        return lastDay;
    }

    /** Every unit, parents before children. */
    public List<Unit> units() {
        return units;
    }

    public List<Employee> employees() {
        return employees;
    }

    /** The units of the lowest level, where most employees work. */
    public List<Unit> leafUnits() {
        return units.stream().filter(u -> u.level() == UNITS_PER_LEVEL.length).toList();
    }

    /** Every completion of the province, employee by employee, generated as it is read. */
    public Iterable<Completion> completions() {
        return () -> new Iterator<>() {
            private int next;
            private Iterator<Completion> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && next < employees.size()) {
                    current = completionsOf(employees.get(next++)).iterator();
                }
                return current.hasNext();
            }

            @Override
            public Completion next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** How many completions {@link #completions()} yields (generates them all once, keeping none). */
    public long completionCount() {
        long count = 0;
        for (Employee e : employees) {
            count += completionsOf(e).size();
        }
        return count;
    }

    /** The completions of one employee, always the same for the same seed. */
    public List<Completion> completionsOf(Employee e) {
        SplittableRandom r = new SplittableRandom(mix(seed, 0x436F6D70L + e.index()));
        LocalDate[] window = e.trainingWindow(lastDay);
        if (window == null || r.nextDouble() < NO_TRAINING_SHARE) {
            return List.of();
        }
        int count = 1 + binomial(r, 15, 0.5);
        List<Completion> list = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            double fate = r.nextDouble();
            list.add(completion(e, window, "prov" + seed + "-" + e.index() + "-" + n, r,
                    fate < AMEND_SHARE ? Fate.AMEND : fate < AMEND_SHARE + VOID_SHARE ? Fate.VOID : Fate.KEEP));
        }
        return list;
    }

    /**
     * A further completion of {@code e} beyond the province's own, for the load phases: {@code externalId} names it,
     * and it is the same for the same arguments.
     */
    public Completion extraCompletion(Employee e, String externalId, long salt) {
        SplittableRandom r = new SplittableRandom(mix(seed ^ salt, externalId.hashCode()));
        LocalDate[] window = e.trainingWindow(lastDay);
        if (window == null) {
            throw new IllegalArgumentException("employee " + e.index() + " has no training window");
        }
        return completion(e, window, externalId, r, Fate.KEEP);
    }

    private Completion completion(Employee e, LocalDate[] window, String externalId, SplittableRandom r, Fate fate) {
        KindProfile kind = pickKind(r);
        String title = kind.titles()[r.nextInt(kind.titles().length)];
        long span = ChronoUnit.DAYS.between(window[0], window[1]);
        LocalDate end = window[0].plusDays(span == 0 ? 0 : r.nextLong(span + 1));
        BigDecimal jp = null;
        Integer days = null;
        int length;
        if (kind.jpChoices() == null) {
            days = 1 + r.nextInt(kind.maxDays());
            length = days;
        } else {
            int stated = kind.jpChoices()[r.nextInt(kind.jpChoices().length)];
            jp = r.nextInt(20) == 0 ? BigDecimal.valueOf(stated).add(new BigDecimal("0.5")) : BigDecimal.valueOf(stated);
            // About 8 JP a training day, rounded up, so that only a start moved into the window makes a completion
            // claim more JP per day than training-service's plausibility ceiling (it would flag it).
            length = Math.max(1, (int) Math.ceil(jp.doubleValue() / 8));
        }
        LocalDate start = end.minusDays(length - 1);
        if (start.isBefore(window[0])) {
            start = window[0].isAfter(end) ? end : window[0];
        }
        if (days != null) {
            // A start moved into the window may leave fewer days than drawn; the days may not exceed the dates' span.
            days = (int) Math.min(days, ChronoUnit.DAYS.between(start, end) + 1);
        }
        CompetencyType competency = r.nextInt(5) == 0
                ? CompetencyType.values()[r.nextInt(CompetencyType.values().length)] : kind.competency();
        DeliveryMode mode = switch (kind.kindId()) {
            case 16, 17, 22 -> DeliveryMode.DARING;
            case 14, 15, 24, 10, 1 -> DeliveryMode.LURING;
            default -> new DeliveryMode[] {DeliveryMode.LURING, DeliveryMode.LURING, DeliveryMode.DARING,
                DeliveryMode.BLENDED}[r.nextInt(4)];
        };
        boolean international = r.nextInt(100) == 0;
        String source = switch (kind.kindId()) {
            case 16, 17, 22, 23 -> "lms-bpsdmd";
            case 2, 5, 1 -> "siasn";
            default -> "simpeg-opd";
        };
        String provider = PROVIDERS[r.nextInt(PROVIDERS.length)];
        String certificate = kind.jpChoices() != null && r.nextInt(10) < 7
                ? "SERT/" + end.getYear() + "/" + String.format("%07d", r.nextInt(10_000_000)) : null;
        return new Completion(e.nip(), title, kind.kindId(), competency, mode, provider, start, end, jp, days,
                international, certificate, source, externalId, fate);
    }

    private static KindProfile pickKind(SplittableRandom r) {
        int pick = r.nextInt(KIND_WEIGHT_TOTAL);
        for (KindProfile kind : KINDS) {
            pick -= kind.weight();
            if (pick < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static int binomial(SplittableRandom r, int n, double p) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (r.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }

    private List<Unit> buildUnits() {
        List<Unit> list = new ArrayList<>(400);
        list.add(new Unit(ROOT, "Pemerintah Provinsi Jawa Tengah", null, 1));
        for (int a = 0; a < UNITS_PER_LEVEL[1]; a++) {
            String agency = ROOT + "." + String.format("%02d", a + 1);
            list.add(new Unit(agency, AGENCIES[a], ROOT, 2));
        }
        int divisionsPerAgency = UNITS_PER_LEVEL[2] / UNITS_PER_LEVEL[1];
        int sectionsPerDivision = UNITS_PER_LEVEL[3] / UNITS_PER_LEVEL[2];
        for (int a = 0; a < UNITS_PER_LEVEL[1]; a++) {
            String agency = ROOT + "." + String.format("%02d", a + 1);
            for (int d = 0; d < divisionsPerAgency; d++) {
                list.add(new Unit(agency + "." + (d + 1), DIVISIONS[d] + " " + AGENCIES[a], agency, 3));
            }
        }
        for (int a = 0; a < UNITS_PER_LEVEL[1]; a++) {
            String agency = ROOT + "." + String.format("%02d", a + 1);
            for (int d = 0; d < divisionsPerAgency; d++) {
                for (int s = 0; s < sectionsPerDivision; s++) {
                    list.add(new Unit(agency + "." + (d + 1) + "." + (s + 1),
                            SECTIONS[s] + " " + DIVISIONS[d] + " " + AGENCIES[a], agency + "." + (d + 1), 4));
                }
            }
        }
        return List.copyOf(list);
    }

    private List<Employee> buildEmployees() {
        Random r = new Random(mix(seed, 0x456D706CL));
        LocalDate latestChange = lastDay.minusDays(1);
        Set<String> nips = new HashSet<>(employeeCount * 2);
        List<Employee> list = new ArrayList<>(employeeCount);
        int agencyWeightTotal = java.util.Arrays.stream(AGENCY_WEIGHT).sum();
        int divisions = UNITS_PER_LEVEL[2] / UNITS_PER_LEVEL[1];
        int sections = UNITS_PER_LEVEL[3] / UNITS_PER_LEVEL[2];
        for (int i = 0; i < employeeCount; i++) {
            // The career comes from the employee's own stream, so what it draws leaves the province's other draws alone.
            SplittableRandom life = new SplittableRandom(mix(seed, 0x43617265L + i));
            boolean pns = r.nextDouble() < PNS_SHARE;
            boolean partTime = !pns && life.nextDouble() < PART_TIME_SHARE_OF_PPPK;
            boolean male = r.nextBoolean();
            boolean newHire = r.nextDouble() < NEW_HIRE_SHARE;
            String nip;
            LocalDate employedFrom;
            do {
                // New civil servants are appointed young (the CPNS age limit is 35).
                LocalDate birth = newHire && pns ? LocalDate.of(1990, 1, 1).plusDays(r.nextInt(4_700))
                        : LocalDate.of(1966, 1, 1).plusDays(r.nextInt(13_000));
                if (pns) {
                    YearMonth tmt = newHire
                            ? YearMonth.of(2025, 1 + r.nextInt(Math.max(1, Math.min(12, (int) ChronoUnit.MONTHS
                                    .between(YearMonth.of(2025, 1), YearMonth.from(lastDay.minusDays(31))) + 1))))
                            : YearMonth.from(birth.plusYears(21 + r.nextInt(14)).plusMonths(r.nextInt(12)));
                    if (tmt.isAfter(YearMonth.of(2024, 12)) && !newHire) {
                        tmt = YearMonth.of(2024, 1 + r.nextInt(12));
                    }
                    if (!tmt.isAfter(YearMonth.from(birth))) {
                        continue;
                    }
                    employedFrom = tmt.atDay(1);
                    nip = "%04d%02d%02d%04d%02d%d%03d".formatted(birth.getYear(), birth.getMonthValue(),
                            birth.getDayOfMonth(), tmt.getYear(), tmt.getMonthValue(), male ? 1 : 2, 1 + r.nextInt(999));
                } else {
                    // PPPK numbers: birth date, the year of appointment, "21" where a PNS has the month, gender, sequence.
                    int year = newHire ? 2025 : 2019 + r.nextInt(6);
                    LocalDate from = LocalDate.of(year, 3 + r.nextInt(4), 1);
                    if (partTime) {
                        year = 2025;
                        from = PART_TIME_FROM;
                    }
                    employedFrom = from.isAfter(lastDay.minusDays(31)) ? lastDay.minusDays(31).withDayOfMonth(1) : from;
                    nip = "%04d%02d%02d%04d21%d%03d".formatted(birth.getYear(), birth.getMonthValue(),
                            birth.getDayOfMonth(), year, male ? 1 : 2, 1 + r.nextInt(999));
                }
                if (nips.add(nip)) {
                    break;
                }
            } while (true);
            String name = (male ? MALE[r.nextInt(MALE.length)] : FEMALE[r.nextInt(FEMALE.length)]) + " "
                    + FAMILY[r.nextInt(FAMILY.length)];
            int agency = pickWeighted(r, AGENCY_WEIGHT, agencyWeightTotal);
            PositionLevel level = pns ? pnsLevel(r) : (r.nextInt(100) < 85 ? PositionLevel.FUNGSIONAL : PositionLevel.PELAKSANA);
            String unit = unitFor(level, agency, r, divisions, sections);
            String transferUnit = null;
            LocalDate transferDate = null;
            double change = r.nextDouble();
            LocalDate earliestChange = employedFrom.isAfter(FIRST_DAY) ? employedFrom.plusDays(1) : FIRST_DAY.plusDays(30);
            long room = ChronoUnit.DAYS.between(earliestChange, lastDay.minusDays(1));
            if (room > 0 && change < TRANSFER_SHARE) {
                int other = pickWeighted(r, AGENCY_WEIGHT, agencyWeightTotal);
                transferUnit = unitFor(level, other, r, divisions, sections);
                transferDate = earliestChange.plusDays(r.nextLong(room));
                if (transferUnit.equals(unit)) {
                    transferUnit = null;
                    transferDate = null;
                }
            }
            EmploymentType type = pns ? EmploymentType.PNS : partTime ? EmploymentType.PPPK_PARUH_WAKTU
                    : EmploymentType.PPPK;
            Careers.Career career = Careers.draw(life, new Careers.Start("prov" + seed + "-" + i, type, level,
                    LocalDate.of(year(nip, 0), month(nip, 4), Integer.parseInt(nip.substring(6, 8))),
                    nip.charAt(14) == '2', employedFrom, transferUnit == null), earliestChange, latestChange);
            list.add(new Employee(i, nip, name, type, level, unit, employedFrom, transferUnit, transferDate,
                    career.employedUntil(), career.positionHistory(), career.exemptions(), career.leavingReason()));
        }
        return List.copyOf(list);
    }

    private static int year(String nip, int at) {
        return Integer.parseInt(nip.substring(at, at + 4));
    }

    private static int month(String nip, int at) {
        return Integer.parseInt(nip.substring(at, at + 2));
    }

    private static PositionLevel pnsLevel(Random r) {
        int p = r.nextInt(1000);
        if (p < 2) {
            return PositionLevel.JPT_MADYA;
        } else if (p < 12) {
            return PositionLevel.JPT_PRATAMA;
        } else if (p < 50) {
            return PositionLevel.ADMINISTRATOR;
        } else if (p < 150) {
            return PositionLevel.PENGAWAS;
        } else if (p < 550) {
            return PositionLevel.FUNGSIONAL;
        }
        return PositionLevel.PELAKSANA;
    }

    /** Heads sit at the level they lead; staff mostly in sections, some in divisions. */
    private static String unitFor(PositionLevel level, int agency, Random r, int divisions, int sections) {
        String agencyCode = ROOT + "." + String.format("%02d", agency + 1);
        return switch (level) {
            case JPT_UTAMA, JPT_MADYA -> ROOT;
            case JPT_PRATAMA -> agencyCode;
            case ADMINISTRATOR -> agencyCode + "." + (1 + r.nextInt(divisions));
            default -> r.nextInt(10) == 0 ? agencyCode + "." + (1 + r.nextInt(divisions))
                    : agencyCode + "." + (1 + r.nextInt(divisions)) + "." + (1 + r.nextInt(sections));
        };
    }

    /** An index into {@code weights} drawn with the chances they give ({@code total} is their sum). */
    static int pickWeighted(RandomGenerator r, int[] weights, int total) {
        int pick = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** A well-spread 64-bit value from two (SplitMix64's finaliser), so nearby indexes give unrelated streams. */
    static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

package org.jpledger.bench.read;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.contracts.reference.TrainingKind;
import org.jpledger.contracts.reference.TrainingKinds;

/**
 * The employees of a {@link NationalOrg} and their completions, each generated on its own from the seed and its index,
 * so any employee can be produced again in any order (one pass per table, nothing held in memory).
 *
 * <p>Everyone is in service in the measured year: appointed (TMT) by January of the year before it, so their
 * completions of both years fall within their service; about 3% leave during the measured year before today. NIPs are
 * PNS-shaped for everyone (birth date, TMT month, sex digit, 3-digit sequence: Perka BKN 22/2007) and unique: the
 * birth date is a permutation of {@code index / 999} over the possible birth dates and the sequence is
 * {@code index % 999 + 1}. Each employee is aimed at a status under the default policy (see {@link Rating}); the JP of
 * their active completions in the measured year add up to the chosen total, and their other completions fall in the
 * year before (with a few voided ones in the measured year that must not count).
 */
public final class NationalPeople {

    /** Measured-year completions of one employee, at most. */
    static final int MAX_COMPLETIONS_IN_YEAR = 6;
    static final double LEAVER_SHARE = 0.03;
    static final double PPPK_SHARE = 0.2;
    static final double VOIDED_SHARE = 0.04;

    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1966, 1, 1);
    private static final int SEQUENCES = 999;
    private static final String[] FIRST = {"Agus", "Budi", "Siti", "Dewi", "Rina", "Andi", "Made", "Nyoman", "Putu",
        "Wayan", "Ahmad", "Muhammad", "Nur", "Sri", "Eko", "Dwi", "Tri", "Yuli", "Hendra", "Rudi", "Fitri", "Indah",
        "Rizki", "Fajar", "Bayu", "Teguh", "Lestari", "Wulan", "Yohanes", "Maria", "Ketut", "Gede", "Intan", "Ratna"};
    private static final String[] LAST = {"Santoso", "Wijaya", "Saputra", "Rahmawati", "Hidayat", "Kurniawan",
        "Siregar", "Nasution", "Harahap", "Simanjuntak", "Pratama", "Setiawan", "Susanti", "Lubis", "Sihombing",
        "Purnomo", "Wibowo", "Hasibuan", "Manurung", "Tanjung", "Gunawan", "Suryani", "Handayani", "Permana",
        "Nugroho", "Sembiring", "Pangaribuan", "Kusuma", "Utami", "Syahputra", "Daulay", "Ginting"};
    private static final String[] DEGREES = {"", "", "", "S.Pd.", "S.E.", "S.H.", "S.Kom.", "M.Si.", "S.Kep.",
        "S.T.", "A.Md."};
    private static final String[] TOPICS = {"Penyusunan Anggaran", "Pelayanan Publik", "Kepemimpinan", "Literasi Digital",
        "Manajemen Risiko", "Pengadaan Barang dan Jasa", "Arsip Dinamis", "Analisis Kebijakan", "Keselamatan Kerja",
        "Penilaian Kinerja", "Etika ASN", "Wawasan Kebangsaan", "Statistik Sektoral", "Perencanaan Pembangunan",
        "Keuangan Daerah", "Komunikasi Publik"};
    private static final String[] PROVIDERS = {"BPSDM Provinsi", "Lembaga Administrasi Negara", "Pusdiklat Kemendagri",
        "BKN", "Universitas Terbuka", "ASN Unggul (LMS)", "Pusdiklat Kemenkeu", "Badan Diklat Daerah"};
    private static final String[] SOURCES = {"SIASN", "LMS-ASN-UNGGUL", "BPSDM", "SIMPEG-DAERAH"};
    private static final List<TrainingKind> KINDS = TrainingKinds.all();

    /**
     * One completion.
     *
     * @param jpHalves recognized JP × 2
     * @param voided   voided (does not count)
     */
    public record Completion(UUID id, int year, LocalDate startDate, LocalDate endDate, int jpHalves,
            TrainingKind kind, CompetencyType competencyType, DeliveryMode deliveryMode, String title, String provider,
            boolean international, String certificateNumber, String sourceSystem, String externalId, boolean voided) {
    }

    /**
     * One employee, with every completion of both years.
     *
     * @param unit          index of their unit in the org
     * @param employedUntil last day in service; null while in service
     * @param totalHalves   JP × 2 of their active completions in the measured year
     */
    public record Person(long index, String nip, String name, EmploymentType employmentType, PositionLevel positionLevel,
            int unit, int sex, LocalDate birthDate, LocalDate employedFrom, LocalDate employedUntil, int totalHalves,
            Rating.Status status, List<Completion> completions) {

        /** Completions of the measured year, voided ones included. */
        public List<Completion> completionsIn(int year) {
            return completions.stream().filter(c -> c.year() == year).toList();
        }
    }

    private final NationalOrg org;
    private final long seed;
    private final int year;
    private final LocalDate today;
    private final int completionsPerEmployee;
    private final int birthRange;
    private final long birthStride;

    /**
     * @param year                   the measured training year; not after {@code today}'s
     * @param today                  the day statuses are aimed at (Asia/Jakarta), as reporting-service will rate them
     * @param completionsPerEmployee completions per employee over the measured year and the one before
     */
    public NationalPeople(NationalOrg org, long seed, int year, LocalDate today, int completionsPerEmployee) {
        if (year > today.getYear()) {
            throw new IllegalArgumentException("the measured year " + year + " has not begun on " + today);
        }
        if (completionsPerEmployee < 0) {
            throw new IllegalArgumentException("completions per employee must not be negative");
        }
        this.org = org;
        this.seed = seed;
        this.year = year;
        this.today = today;
        this.completionsPerEmployee = completionsPerEmployee;
        LocalDate latestBirth = LocalDate.of(year - 24, 12, 31);
        this.birthRange = (int) (latestBirth.toEpochDay() - EARLIEST_BIRTH.toEpochDay() + 1);
        long stride = 7919;
        while (gcd(stride, birthRange) != 1) {
            stride += 2;
        }
        this.birthStride = stride;
    }

    /** How many employees this generator can give unique NIPs. */
    public long capacity() {
        return (long) birthRange * SEQUENCES;
    }

    public int year() {
        return year;
    }

    public LocalDate today() {
        return today;
    }

    public NationalOrg org() {
        return org;
    }

    public int completionsPerEmployee() {
        return completionsPerEmployee;
    }

    /** The employee of this index (0-based), the same every time for the same seed, year and day. */
    public Person person(long index) {
        if (index < 0 || index >= capacity()) {
            throw new IllegalArgumentException("employee index " + index + " beyond the generator's " + capacity());
        }
        SplittableRandom random = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + index));
        long group = index / SEQUENCES;
        int sequence = (int) (index % SEQUENCES) + 1;
        LocalDate birth = EARLIEST_BIRTH.plusDays((group * birthStride) % birthRange);
        int sex = 1 + random.nextInt(2);
        int latestTmtYear = Math.min(birth.getYear() + 40, year - 1);
        int tmtYear = birth.getYear() + 19 + random.nextInt(latestTmtYear - (birth.getYear() + 19) + 1);
        int tmtMonth = tmtYear == year - 1 ? 1 : 1 + random.nextInt(12);
        LocalDate employedFrom = LocalDate.of(tmtYear, tmtMonth, 1);
        String nip = nip(birth, tmtYear, tmtMonth, sex, sequence);
        EmploymentType type = random.nextDouble() < PPPK_SHARE ? EmploymentType.PPPK : EmploymentType.PNS;
        PositionLevel level = level(random, type);
        String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
        String degree = DEGREES[random.nextInt(DEGREES.length)];
        if (!degree.isEmpty()) {
            name = name + ", " + degree;
        }
        int unit = org.placeEmployee(random);

        LocalDate yearStart = LocalDate.of(year, 1, 1);
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate lastLeavingDay = min(today.minusDays(1), yearEnd.minusDays(1));
        LocalDate firstLeavingDay = LocalDate.of(year, 1, 10);
        LocalDate employedUntil = null;
        if (random.nextDouble() < LEAVER_SHARE && !lastLeavingDay.isBefore(firstLeavingDay)) {
            employedUntil = firstLeavingDay.plusDays(random.nextLong(
                    lastLeavingDay.toEpochDay() - firstLeavingDay.toEpochDay() + 1));
        }
        LocalDate windowFrom = yearStart;
        LocalDate windowUntil = employedUntil == null ? yearEnd : employedUntil;
        LocalDate lastTrainingDay = min(windowUntil, today.minusDays(1));
        int totalHalves = lastTrainingDay.isBefore(windowFrom) ? 0
                : aimedTotal(random, employedUntil != null, windowFrom, windowUntil);

        List<Completion> completions = completions(random, index, totalHalves, windowFrom, lastTrainingDay);
        Rating.Status status = Rating.status(year, totalHalves, windowFrom, windowUntil, today);
        return new Person(index, nip, name, type, level, unit, sex, birth, employedFrom, employedUntil, totalHalves,
                status, completions);
    }

    /** A total (JP × 2) aimed at a status: most compliant, some on track, many at risk, leavers mostly not met. */
    private int aimedTotal(SplittableRandom random, boolean leaver, LocalDate from, LocalDate until) {
        int target = Rating.targetJp(year, from, until);
        long days = Rating.days(from, until);
        long elapsed = Rating.elapsed(from, until, today);
        // The least total (JP × 2) that is on track today; below it the employee is at risk.
        int onTrackFloor = (int) ((2L * target * elapsed + days - 1) / days);
        double r = random.nextDouble();
        if (leaver) {
            return r < 0.75 ? random.nextInt(2 * target) : compliant(random, target);
        }
        if (r < 0.55) {
            return compliant(random, target);
        }
        if (r < 0.70 && onTrackFloor <= 2 * target - 1) {
            return onTrackFloor + random.nextInt(2 * target - onTrackFloor);
        }
        if (onTrackFloor == 0 || random.nextDouble() < 0.25) {
            return 0;
        }
        return random.nextInt(onTrackFloor);
    }

    private static int compliant(SplittableRandom random, int target) {
        double extra = random.nextDouble();
        return 2 * target + (int) (extra * extra * 80);
    }

    private List<Completion> completions(SplittableRandom random, long index, int totalHalves, LocalDate from,
            LocalDate lastTrainingDay) {
        int slots = completionsPerEmployee;
        int inYear = totalHalves == 0 || slots == 0 ? 0
                : 1 + random.nextInt(Math.min(Math.min(slots, MAX_COMPLETIONS_IN_YEAR), totalHalves));
        boolean voided = slots - inYear >= 1 && !lastTrainingDay.isBefore(from) && random.nextDouble() < VOIDED_SHARE;
        List<Completion> completions = new ArrayList<>(slots);
        int[] pieces = split(random, totalHalves, inYear);
        for (int j = 0; j < inYear; j++) {
            completions.add(completion(random, index, j, year, pieces[j], from, lastTrainingDay, false));
        }
        int next = inYear;
        if (voided) {
            completions.add(completion(random, index, next++, year, 4 + random.nextInt(40), from, lastTrainingDay, true));
        }
        LocalDate previousStart = LocalDate.of(year - 1, 1, 1);
        LocalDate previousEnd = LocalDate.of(year - 1, 12, 31);
        while (next < slots) {
            completions.add(completion(random, index, next++, year - 1, 4 + random.nextInt(61), previousStart,
                    previousEnd, false));
        }
        return completions;
    }

    /** {@code total} split into {@code parts} positive pieces (none when parts is 0). */
    static int[] split(SplittableRandom random, int total, int parts) {
        if (parts == 0) {
            return new int[0];
        }
        int[] cuts = new int[parts + 1];
        cuts[parts] = total;
        // parts - 1 distinct cut points in [1, total - 1]; parts <= total, so they exist.
        for (int k = 1; k < parts; k++) {
            int cut;
            boolean taken;
            do {
                cut = 1 + random.nextInt(total - 1);
                taken = false;
                for (int m = 1; m < k; m++) {
                    taken |= cuts[m] == cut;
                }
            } while (taken);
            cuts[k] = cut;
        }
        Arrays.sort(cuts, 1, parts);
        int[] pieces = new int[parts];
        for (int k = 0; k < parts; k++) {
            pieces[k] = cuts[k + 1] - cuts[k];
        }
        return pieces;
    }

    private Completion completion(SplittableRandom random, long index, int j, int completionYear, int halves,
            LocalDate first, LocalDate last, boolean voided) {
        LocalDate end = first.plusDays(random.nextLong(last.toEpochDay() - first.toEpochDay() + 1));
        LocalDate start = end.minusDays(random.nextInt(5));
        LocalDate yearStart = LocalDate.of(completionYear, 1, 1);
        if (start.isBefore(yearStart)) {
            start = yearStart;
        }
        TrainingKind kind = KINDS.get(random.nextInt(KINDS.size()));
        double c = random.nextDouble();
        CompetencyType competency = c < 0.6 ? CompetencyType.TEKNIS : c < 0.85 ? CompetencyType.MANAJERIAL
                : CompetencyType.SOSIAL_KULTURAL;
        double d = random.nextDouble();
        DeliveryMode mode = d < 0.5 ? DeliveryMode.LURING : d < 0.85 ? DeliveryMode.DARING : DeliveryMode.BLENDED;
        String title = kind.name() + " " + TOPICS[random.nextInt(TOPICS.length)];
        String provider = PROVIDERS[random.nextInt(PROVIDERS.length)];
        boolean international = random.nextDouble() < 0.02;
        String source = SOURCES[random.nextInt(SOURCES.length)];
        long idBits = mix(seed ^ mix(index * 64 + j));
        UUID id = new UUID((idBits & ~0xF000L) | 0x4000L, (mix(idBits) & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        String certificate = random.nextDouble() < 0.7
                ? "SERT/" + completionYear + "/" + Long.toString(Math.abs(idBits % 1_000_000_000L), 36).toUpperCase()
                : null;
        return new Completion(id, completionYear, start, end, halves, kind, competency, mode, title, provider,
                international, certificate, source, "N" + index + "-" + j, voided);
    }

    private static PositionLevel level(SplittableRandom random, EmploymentType type) {
        double r = random.nextDouble();
        if (type == EmploymentType.PPPK) {
            return r < 0.7 ? PositionLevel.FUNGSIONAL : PositionLevel.PELAKSANA;
        }
        if (r < 0.40) {
            return PositionLevel.PELAKSANA;
        }
        if (r < 0.80) {
            return PositionLevel.FUNGSIONAL;
        }
        if (r < 0.90) {
            return PositionLevel.PENGAWAS;
        }
        if (r < 0.96) {
            return PositionLevel.ADMINISTRATOR;
        }
        return r < 0.99 ? PositionLevel.JPT_PRATAMA : PositionLevel.JPT_MADYA;
    }

    /** Birth date YYYYMMDD, appointment YYYYMM, sex digit, 3-digit sequence. */
    static String nip(LocalDate birth, int tmtYear, int tmtMonth, int sex, int sequence) {
        char[] digits = new char[18];
        put(digits, 0, birth.getYear(), 4);
        put(digits, 4, birth.getMonthValue(), 2);
        put(digits, 6, birth.getDayOfMonth(), 2);
        put(digits, 8, tmtYear, 4);
        put(digits, 12, tmtMonth, 2);
        put(digits, 14, sex, 1);
        put(digits, 15, sequence, 3);
        return new String(digits);
    }

    private static void put(char[] digits, int at, int value, int width) {
        for (int k = width - 1; k >= 0; k--) {
            digits[at + k] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** JP × 2 as the decimal text PostgreSQL reads: 7 or 7.5. */
    static String jp(int halves) {
        return (halves & 1) == 0 ? Integer.toString(halves >> 1) : (halves >> 1) + ".5";
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

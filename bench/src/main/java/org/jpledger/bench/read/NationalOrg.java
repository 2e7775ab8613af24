package org.jpledger.bench.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A national unit tree generated deterministically from a seed: one national root (level 0), provinces (level 1), and
 * below each province a fixed fan-out per level down to the leaves. The national default, 38 provinces with 8, 7 and 6
 * children per level, gives 401 units per province in 4 levels and 15,239 units in all.
 *
 * <p>Employees are placed on units by weight: 85% on leaves, 12% on the levels between province and leaf, 3% on the
 * provinces themselves, none on the national root. Each unit's weight within its class varies (log-normal), so unit
 * sizes differ as they do in a real organisation.
 */
public final class NationalOrg {

    /** Share of employees placed on leaf units. */
    static final double LEAF_SHARE = 0.85;
    /** Share of employees placed on the levels between the province and the leaves. */
    static final double MID_SHARE = 0.12;
    /** Share of employees placed on the province units themselves (the rest of 1 after leaves and mid levels). */
    static final double PROVINCE_SHARE = 1 - LEAF_SHARE - MID_SHARE;

    /**
     * The tree's shape.
     *
     * @param provinces number of level-1 units below the national root
     * @param fanout    children per unit at each level below a province; its length is the number of levels below it
     */
    public record Shape(int provinces, List<Integer> fanout) {

        public Shape {
            if (provinces < 1) {
                throw new IllegalArgumentException("at least one province");
            }
            fanout = List.copyOf(fanout);
            if (fanout.stream().anyMatch(f -> f < 1)) {
                throw new IllegalArgumentException("every fan-out must be at least 1: " + fanout);
            }
        }

        /** 38 provinces of 401 units in 4 levels: 15,239 units. */
        public static Shape national() {
            return new Shape(38, List.of(8, 7, 6));
        }

        /** Units per province, the province included. */
        public int unitsPerProvince() {
            int total = 1;
            int atLevel = 1;
            for (int f : fanout) {
                atLevel *= f;
                total += atLevel;
            }
            return total;
        }

        /** Units in the whole tree, the national root included. */
        public int units() {
            return 1 + provinces * unitsPerProvince();
        }

        /** The deepest level (0 is the national root, 1 the provinces). */
        public int leafLevel() {
            return 1 + fanout.size();
        }
    }

    /**
     * One unit.
     *
     * @param index  position in {@link #units()}; parents come before their children
     * @param parent index of the parent unit, -1 for the national root
     * @param level  0 for the national root, 1 for a province, {@link Shape#leafLevel()} for a leaf
     */
    public record OrgUnit(int index, String code, String name, int parent, int level) {
    }

    private static final String[] LEVEL_NAMES = {"Kementerian Dalam Negeri", "Provinsi", "Dinas", "Bidang", "Seksi",
        "Subseksi", "Urusan"};
    private static final String[] AGENCIES = {"Pendidikan", "Kesehatan", "Pekerjaan Umum", "Perhubungan", "Keuangan",
        "Kepegawaian", "Pertanian", "Sosial", "Lingkungan Hidup", "Perindustrian", "Pariwisata", "Kependudukan",
        "Koperasi", "Ketahanan Pangan", "Perikanan", "Komunikasi dan Informatika"};

    private final Shape shape;
    private final List<OrgUnit> units;
    private final int[][] classUnits = new int[3][];
    private final double[][] classCumulative = new double[3][];
    private final double[] classShare = new double[3];

    private NationalOrg(Shape shape, List<OrgUnit> units, double[] weights) {
        this.shape = shape;
        this.units = Collections.unmodifiableList(units);
        int leafLevel = shape.leafLevel();
        List<List<Integer>> members = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (OrgUnit unit : units) {
            if (unit.level() == 0) {
                continue;
            }
            members.get(unit.level() == leafLevel ? 0 : unit.level() == 1 ? 2 : 1).add(unit.index());
        }
        double[] shares = {LEAF_SHARE, MID_SHARE, PROVINCE_SHARE};
        // A shape without mid levels (or where provinces are the leaves) gives the missing class's share to the leaves.
        double leftOver = 0;
        for (int c = 1; c < 3; c++) {
            if (members.get(c).isEmpty()) {
                leftOver += shares[c];
                shares[c] = 0;
            }
        }
        shares[0] += leftOver;
        for (int c = 0; c < 3; c++) {
            int[] indexes = members.get(c).stream().mapToInt(Integer::intValue).toArray();
            double[] cumulative = new double[indexes.length];
            double sum = 0;
            for (int i = 0; i < indexes.length; i++) {
                sum += weights[indexes[i]];
                cumulative[i] = sum;
            }
            classUnits[c] = indexes;
            classCumulative[c] = cumulative;
            classShare[c] = shares[c];
        }
    }

    /** The tree of {@code shape}, with unit weights drawn from {@code seed}. */
    public static NationalOrg generate(Shape shape, long seed) {
        List<OrgUnit> units = new ArrayList<>(shape.units());
        SplittableRandom random = new SplittableRandom(seed ^ 0x6f72672d74726565L);
        double[] weights = new double[shape.units()];
        units.add(new OrgUnit(0, "ID", LEVEL_NAMES[0] + " (Nasional)", -1, 0));
        for (int p = 1; p <= shape.provinces(); p++) {
            String code = "P%02d".formatted(p);
            add(units, weights, random, code, "Pemerintah " + LEVEL_NAMES[1] + " " + p, 0, 1);
            addChildren(units, weights, random, shape, units.size() - 1, code, 2);
        }
        return new NationalOrg(shape, units, weights);
    }

    private static void addChildren(List<OrgUnit> units, double[] weights, SplittableRandom random, Shape shape,
            int parent, String parentCode, int level) {
        if (level > shape.leafLevel()) {
            return;
        }
        int fanout = shape.fanout().get(level - 2);
        for (int c = 1; c <= fanout; c++) {
            String code = parentCode + "." + "%02d".formatted(c);
            String agency = AGENCIES[Math.floorMod(code.hashCode(), AGENCIES.length)];
            String kind = LEVEL_NAMES[Math.min(level, LEVEL_NAMES.length - 1)];
            add(units, weights, random, code, kind + " " + agency + " " + code, parent, level);
            addChildren(units, weights, random, shape, units.size() - 1, code, level + 1);
        }
    }

    private static void add(List<OrgUnit> units, double[] weights, SplittableRandom random, String code, String name,
            int parent, int level) {
        int index = units.size();
        units.add(new OrgUnit(index, code, name, parent, level));
        // Log-normal sizes: most units near the mean, a few several times larger.
        weights[index] = Math.exp(0.6 * gaussian(random));
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    public Shape shape() {
        return shape;
    }

    /** Every unit, parents before children; index 0 is the national root. */
    public List<OrgUnit> units() {
        return units;
    }

    public OrgUnit root() {
        return units.get(0);
    }

    /** The number of units at each level, index = level. */
    public int[] countByLevel() {
        int[] counts = new int[shape.leafLevel() + 1];
        for (OrgUnit unit : units) {
            counts[unit.level()]++;
        }
        return counts;
    }

    /** The unit an employee works in, drawn with {@code random} (which the caller seeds per employee). */
    public int placeEmployee(SplittableRandom random) {
        double r = random.nextDouble();
        int c = r < classShare[0] ? 0 : r < classShare[0] + classShare[1] ? 1 : 2;
        if (classUnits[c].length == 0) {
            c = 0;
        }
        double[] cumulative = classCumulative[c];
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int found = Arrays.binarySearch(cumulative, target);
        int position = found >= 0 ? found : -found - 1;
        return classUnits[c][Math.min(position, cumulative.length - 1)];
    }
}

package org.jpledger.training.siasn.service;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How alike two training titles are, from 0 (nothing shared) to 1 (the same after normalising): the Sørensen–Dice
 * coefficient of their character bigrams, after upper-casing, stripping accents and reducing everything but letters
 * and digits to single spaces. Bigrams forgive what titles typed twice differ by: a typo, a dropped word, "Diklat" for
 * "Diklat." or different punctuation and spacing.
 */
public final class TitleSimilarity {

    private TitleSimilarity() {
    }

    /** The similarity of two titles; 0 when either is empty. */
    public static double of(String a, String b) {
        String x = normalise(a);
        String y = normalise(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        if (x.equals(y)) {
            return 1;
        }
        if (x.length() < 2 || y.length() < 2) {
            return 0;
        }
        Map<String, Integer> bigrams = new HashMap<>();
        for (int i = 0; i < x.length() - 1; i++) {
            bigrams.merge(x.substring(i, i + 2), 1, Integer::sum);
        }
        int shared = 0;
        for (int i = 0; i < y.length() - 1; i++) {
            Integer left = bigrams.get(y.substring(i, i + 2));
            if (left != null && left > 0) {
                bigrams.put(y.substring(i, i + 2), left - 1);
                shared++;
            }
        }
        return 2.0 * shared / (x.length() - 1 + y.length() - 1);
    }

    /** The title as compared: upper case, without accents, letters and digits separated by single spaces. */
    public static String normalise(String title) {
        if (title == null) {
            return "";
        }
        String plain = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}

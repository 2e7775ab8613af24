package org.jpledger.reporting.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies an XLSX written by fastexcel with its creation time set to a given instant: fastexcel stamps
 * {@code docProps/core.xml} with the clock's time, which would make every writing of the same rows differ. Entries keep
 * their order and content; each is compressed again with a fixed time, so equal input gives equal bytes.
 */
public final class PinnedXlsx {

    private static final String CORE = "docProps/core.xml";
    private static final Pattern CREATED = Pattern.compile("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)");
    /** The entries' time: the DOS epoch, as fastexcel leaves it. */
    private static final long ENTRY_TIME = java.time.LocalDateTime.of(1980, 1, 1, 0, 0)
            .atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();

    private PinnedXlsx() {
    }

    public static void copy(Path xlsx, OutputStream out, Instant created) throws IOException {
        // Read through the central directory: fastexcel's entries give their sizes there alone, which
        // ZipInputStream does not accept.
        try (ZipFile in = new ZipFile(xlsx.toFile(), StandardCharsets.UTF_8)) {
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(ENTRY_TIME);
                zip.putNextEntry(copy);
                try (InputStream content = in.getInputStream(entry)) {
                    if (entry.getName().equals(CORE)) {
                        String core = new String(content.readAllBytes(), StandardCharsets.UTF_8);
                        String stamp = created == null ? "" : created.truncatedTo(ChronoUnit.MILLIS).toString();
                        zip.write(CREATED.matcher(core).replaceFirst("$1" + Matcher.quoteReplacement(stamp) + "$2")
                                .getBytes(StandardCharsets.UTF_8));
                    } else {
                        content.transferTo(zip);
                    }
                }
                zip.closeEntry();
            }
            zip.finish();
        }
    }
}

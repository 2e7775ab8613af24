package org.jpledger.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small, realistic province loaded through training-service's public API: a unit tree, a few hundred employees and a
 * few thousand completions over two years. Seeded, and keyed by stable external ids, so loading it twice changes nothing.
 */
public final class DemoData {

    public static final String ROOT_UNIT = "PROV-DEMO";
    private static final String[] AGENCIES = {"Sekretariat Daerah", "Badan Kepegawaian Daerah", "Dinas Pendidikan",
        "Dinas Kesehatan", "Dinas Pekerjaan Umum", "Badan Perencanaan Pembangunan Daerah", "Inspektorat",
        "Dinas Komunikasi dan Informatika"};
    private static final String[] SECTIONS = {"Bidang Umum", "Bidang Program", "Bidang Layanan"};
    private static final String[] FIRST = {"Siti", "Budi", "Agus", "Dewi", "Rina", "Joko", "Sri", "Ahmad", "Nur", "Eko",
        "Wahyu", "Lestari", "Hendra", "Yuni", "Fajar", "Ratna"};
    private static final String[] LAST = {"Rahayu", "Santoso", "Wibowo", "Lestari", "Hidayat", "Saputra", "Kurniawan",
        "Susanti", "Pratama", "Setiawan", "Purnamasari", "Nugroho"};
    private static final String[] LEVELS = {"PELAKSANA", "PELAKSANA", "PELAKSANA", "FUNGSIONAL", "FUNGSIONAL",
        "PENGAWAS", "ADMINISTRATOR", "JPT_PRATAMA"};
    private static final String[] COMPETENCY = {"TEKNIS", "TEKNIS", "MANAJERIAL", "SOSIAL_KULTURAL"};
    private static final String[] DELIVERY = {"LURING", "DARING", "DARING", "BLENDED"};
    private static final int[] KINDS = {3, 3, 8, 11, 16, 16, 17, 9, 4, 22, 14, 2};

    /** How much was loaded. */
    public record Summary(int units, int employees, int completions) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String trainingUrl;
    private final String authorization;
    private final Random random = new Random(20261122L);

    /** Loads through {@code trainingUrl} with {@code authorization}, a roster admin's and training writer's token. */
    public DemoData(String trainingUrl, String authorization) {
        this.trainingUrl = trainingUrl;
        this.authorization = authorization;
    }

    /** Loads {@code employees} employees with about ten completions each, ending no later than {@code today}. */
    public Summary load(int employees, LocalDate today) throws IOException, InterruptedException {
        List<String> leafUnits = new ArrayList<>();
        int units = 0;
        put("/api/v1/units/" + ROOT_UNIT, "{\"name\":\"Pemerintah Provinsi Demo\"}");
        units++;
        for (int a = 0; a < AGENCIES.length; a++) {
            String agency = ROOT_UNIT + "-" + (a + 1);
            put("/api/v1/units/" + agency, unit(AGENCIES[a], ROOT_UNIT));
            units++;
            for (int s = 0; s < SECTIONS.length; s++) {
                String section = agency + "-" + (s + 1);
                put("/api/v1/units/" + section, unit(SECTIONS[s] + " " + AGENCIES[a], agency));
                leafUnits.add(section);
                units++;
            }
        }
        List<String> nips = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (nips.size() < employees) {
            String nip = nip();
            if (seen.add(nip)) {
                nips.add(nip);
            }
        }
        AtomicInteger completions = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < nips.size(); i++) {
                String nip = nips.get(i);
                String unit = leafUnits.get(i % leafUnits.size());
                String employee = employee(nip, unit, i);
                List<String> trainings = new ArrayList<>();
                int count = random.nextInt(21);
                for (int c = 0; c < count; c++) {
                    trainings.add(completion(nip, "demo-" + nip + "-" + c, today));
                }
                work.add(pool.submit(() -> {
                    put("/api/v1/employees/" + nip, employee);
                    for (String training : trainings) {
                        post("/api/v1/completions", training);
                        completions.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("demo data could not be loaded: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdown();
        }
        return new Summary(units, nips.size(), completions.get());
    }

    private static String unit(String name, String parent) {
        return "{\"name\":\"" + name + "\",\"parentCode\":\"" + parent + "\"}";
    }

    private String employee(String nip, String unit, int i) {
        boolean pppk = i % 7 == 6;
        String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
        return """
                {"name":"%s","employmentType":"%s","positionLevel":"%s","unitCode":"%s","employedFrom":"%s"}"""
                .formatted(name, pppk ? "PPPK" : "PNS", pppk ? "FUNGSIONAL" : LEVELS[random.nextInt(LEVELS.length)], unit,
                        pppk ? "2024-03-01" : nip.substring(8, 12) + "-" + nip.substring(12, 14) + "-01");
    }

    private String completion(String nip, String externalId, LocalDate today) {
        int kind = KINDS[random.nextInt(KINDS.length)];
        LocalDate end = today.minusDays(random.nextInt(600));
        int days = 1 + random.nextInt(3);
        String amount = (kind == 9 || kind == 4) && random.nextBoolean()
                ? "\"days\":" + days
                : "\"jp\":" + (2 + random.nextInt(7) * 2);
        return """
                {"nip":"%s","title":"Pelatihan %d","kindId":%d,"competencyType":"%s","deliveryMode":"%s",
                 "provider":"BPSDMD Provinsi Demo","startDate":"%s","endDate":"%s",%s,"sourceSystem":"demo",
                 "externalId":"%s"}""".formatted(nip, kind, kind, COMPETENCY[random.nextInt(COMPETENCY.length)],
                DELIVERY[random.nextInt(DELIVERY.length)], end.minusDays(days - 1), end, amount, externalId);
    }

    /** A valid PNS NIP: birth date, appointment month 20-30 years later, gender digit, sequence. */
    private String nip() {
        LocalDate birth = LocalDate.of(1966, 1, 1).plusDays(random.nextInt(10_000));
        LocalDate appointed = birth.plusYears(20 + random.nextInt(10)).plusMonths(random.nextInt(12));
        return "%04d%02d%02d%04d%02d%d%03d".formatted(birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth(),
                appointed.getYear(), appointed.getMonthValue(), 1 + random.nextInt(2), 1 + random.nextInt(999));
    }

    private void put(String path, String json) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(trainingUrl + path)).PUT(HttpRequest.BodyPublishers.ofString(json)), json);
    }

    private void post(String path, String json) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(URI.create(trainingUrl + path)).POST(HttpRequest.BodyPublishers.ofString(json)), json);
    }

    private void send(HttpRequest.Builder request, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IOException("HTTP " + response.statusCode() + " for " + json + ": " + response.body());
        }
    }
}

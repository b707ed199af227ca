package io.mempool.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bucket in compare: its row with DPDK's bucket column beside it, their cells in results.json, the page and a baseline,
 * and the pipeline scenario saying why it has no bucket figure. Nothing here asserts a speed.
 */
class BucketColumnsTest {
    private static final String REFUSED = "not run (a shared pool refuses bucket: ";

    @Test
    void bucketRunsWithDpdksBucketColumnBesideItAndThePipelineSaysWhyItHasNoBucket(@TempDir final Path dir) throws Exception {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int code;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            code = Main.run(new String[] {"compare", "--ops", "bucket,ring_mp_mc", "--peers", "none", "--scenarios",
                "default_g32_p32_k128_t1,none_g32_p32_k128_t1," + PipelineRun.ID, "--warmup-ms", "0", "--max-warmup-ms", "0",
                "--iterations", "2", "--iteration-ms", "20", "--forks", "0", "--dpdk", "off", "--out", dir.toString()}, out, out);
        }
        final String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        assertTrue(out.lines().anyMatch(l -> l.matches("\\[ *[0-9]+/[0-9]+] none_g32_p32_k128_t1 +bucket +[0-9.]+[kMG] .*")),
            "bucket runs in the no-cache row too:\n" + out);
        final List<String> rows = out.lines().map(l -> l.split(" ")[0]).toList();
        final List<String> order = List.of("bucket", "dpdk_bucket", "ring_mp_mc", "ring_mp_mc_unchecked", "get_put", "floor", "dpdk");
        assertEquals(order, rows.subList(rows.indexOf("bucket"), rows.indexOf("bucket") + order.size()),
            "DPDK's bucket beside jmempool's, in the --ops order:\n" + out);
        assertTrue(out.lines().anyMatch(l -> l.matches("dpdk_bucket +- +-")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("  bucket +" + Pattern.quote(REFUSED) + ".*memzoneBytes.*")),
            "the pipeline says why it has no bucket figure:\n" + out);
        assertTrue(out.lines().anyMatch(l -> l.matches("  bucket, cache 512, bulk 32, n_keep 128, 1 thread: >= 0.8x dpdk_bucket +not measured \\(--dpdk off\\)")),
            out);

        final Map<?, ?> json = (Map<?, ?>) JsonReader.parse(Files.readString(dir.resolve("results.json")));
        final Map<?, ?> headline = (Map<?, ?>) ((Map<?, ?>) ((List<?>) json.get("scenarios")).get(0)).get("results");
        assertEquals("--dpdk off", ((Map<?, ?>) headline.get("dpdk_bucket")).get("note"));
        assertTrue((Double) ((Map<?, ?>) headline.get("bucket")).get("median") > 0);
        final Map<?, ?> pipeline = (Map<?, ?>) ((Map<?, ?>) json.get("pipeline")).get("results");
        final Map<?, ?> bucket = (Map<?, ?>) pipeline.get("bucket");
        assertNull(bucket.get("median"));
        assertTrue(((String) bucket.get("note")).startsWith(REFUSED), bucket.toString());
        assertEquals("--dpdk off", ((Map<?, ?>) json.get("about")).get("dpdk_bucket"));
        final String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("data-cell=\"default_g32_p32_k128_t1|dpdk_bucket\">--dpdk off</td>"), html);
        assertTrue(html.contains("data-cell=\"shared_pipeline|bucket\">" + REFUSED), html);
    }

    @Test
    void withoutBucketThePipelineHasNoBucketLine() {
        final Figures figures = new Figures(List.of(), List.of(Alternative.ofOps(Alternative.DPDK_OPS)));
        figures.add(PipelineRun.Variant.TWO_JVMS.cellKey(), Fork.of(20e6, 21e6));
        figures.add(PipelineRun.Variant.ONE_JVM.cellKey(), Fork.of(30e6, 31e6));
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Tables.print(figures, Targets.evaluate(figures), Noise.of(figures), null, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertFalse(bytes.toString(StandardCharsets.UTF_8).contains("refuses bucket"));
        assertFalse(JsonReport.render(figures, Map.of(), List.of(), Noise.of(figures)).contains("\"bucket\""));
    }

    @Test
    void bucketStandsAgainstDpdksBucketAndThatCellIsABaselineCell(@TempDir final Path dir) throws Exception {
        final Alternative bucket = Alternative.ofOps(Alternative.BUCKET_OPS);
        final Figures figures = new Figures(List.of(Targets.HEADLINE), List.of(bucket, Alternative.DPDK_BUCKET, Alternative.DPDK));
        figures.add(Targets.HEADLINE, bucket, Fork.of(700e6, 710e6));
        figures.add(Targets.HEADLINE, Alternative.DPDK_BUCKET, Fork.of(1.7e9, 1.72e9));
        figures.add(Targets.HEADLINE, Alternative.DPDK_BUCKET, Fork.of(1.68e9, 1.7e9));
        final ByteArrayOutputStream table = new ByteArrayOutputStream();
        Tables.print(figures, Targets.evaluate(figures), Noise.of(figures), null, new PrintStream(table, true, StandardCharsets.UTF_8));
        assertTrue(table.toString(StandardCharsets.UTF_8).lines().anyMatch(l -> l.matches(
            "  cache 512, bulk 32, n_keep 128, 1 thread +bucket +705.0M +vs dpdk_bucket 0\\.41x +vs peers -, vs floor -")),
            "bucket's standing is against DPDK's bucket, not ring_mp_mc's DPDK:\n" + table);
        final Path file = dir.resolve("results.json");
        Files.writeString(file, JsonReport.render(figures, new LinkedHashMap<>(), Targets.evaluate(figures), Noise.of(figures)));
        final Baseline baseline = Baseline.load(file);
        final Baseline.Cell cell = baseline.cell(Targets.HEADLINE, Alternative.DPDK_BUCKET);
        assertEquals(figures.median(Targets.HEADLINE, Alternative.DPDK_BUCKET), cell.median(), 1e6);
        assertEquals(1.68e9, cell.min(), 1e6);
        assertNull(baseline.cell(Targets.HEADLINE, Alternative.DPDK), "no figure, no baseline cell");
        final String html = HtmlReport.render(figures, Map.of(), Targets.evaluate(figures), Noise.of(figures), baseline);
        assertTrue(html.contains("data-cell=\"default_g32_p32_k128_t1|dpdk_bucket\" data-median="), html);
    }
}

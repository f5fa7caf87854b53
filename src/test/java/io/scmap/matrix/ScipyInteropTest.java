package io.scmap.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scmap.crawl.InteractionWeights;
import io.scmap.store.ImportListener;
import io.scmap.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks our files against scipy itself, where /usr/bin/python3 can import scipy. */
class ScipyInteropTest {
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    @BeforeAll
    static void needsScipy() throws Exception {
        boolean present =
                Files.isExecutable(Path.of(PYTHON)) && run(List.of(PYTHON, "-c", "import scipy.sparse")).exit == 0;
        Assumptions.assumeTrue(present, "python3 with scipy is absent on this machine: skipping scipy interop");
    }

    private record Result(int exit, String out) {}

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timeout");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static JsonNode python(String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(PYTHON, "-c", script));
        command.addAll(List.of(args));
        Result r = run(command);
        assertThat(r.exit).as(r.out).isZero();
        return new ObjectMapper().readTree(r.out);
    }

    @Test
    void scipyLoadsWhatWeWrite() throws Exception {
        SparseMatrix m = NpzTest.randomMatrix(30, 45, 8);
        Path file = dir.resolve("sparse_matrix.npz");
        Matrices.writeNpz(m, file, true);
        JsonNode j = python(
                "import sys, json, scipy.sparse as sp\n"
                        + "a = sp.load_npz(sys.argv[1])\n"
                        + "print(json.dumps({'format': a.format, 'shape': list(a.shape),"
                        + " 'indptr': a.indptr.tolist(), 'indices': a.indices.tolist(), 'data': a.data.tolist()}))\n",
                file.toString());
        assertThat(j.get("format").asText()).isEqualTo("csr");
        assertThat(j.get("shape").get(0).asInt()).isEqualTo(30);
        assertThat(j.get("shape").get(1).asInt()).isEqualTo(45);
        for (int k = 0; k < m.indptr().length; k++) {
            assertThat(j.get("indptr").get(k).asInt()).isEqualTo(m.indptr()[k]);
        }
        for (int k = 0; k < m.nnz(); k++) {
            assertThat(j.get("indices").get(k).asInt()).isEqualTo(m.indices()[k]);
            assertThat(j.get("data").get(k).asDouble()).isEqualTo(m.data()[k]);
        }
    }

    @Test
    void weReadWhatScipyWritesInEachFormat() throws Exception {
        python(
                "import sys, numpy as np, scipy.sparse as sp\n"
                        + "a = sp.coo_matrix((np.array([1.5, 2, 4, 3, 0.25]),"
                        + " (np.array([1, 0, 1, 0, 1]), np.array([2, 1, 0, 1, 2]))), shape=(3, 4))\n"
                        + "sp.save_npz(sys.argv[1] + '/coo.npz', a)\n"
                        + "sp.save_npz(sys.argv[1] + '/csr.npz', a.tocsr(), compressed=False)\n"
                        + "sp.save_npz(sys.argv[1] + '/csc.npz', a.tocsc())\n"
                        + "print('{}')\n",
                dir.toString());
        SparseMatrix expected =
                SparseMatrix.of(3, 4, new int[] {0, 1, 3, 3}, new int[] {1, 0, 2}, new double[] {5, 4, 1.75});
        for (String name : List.of("coo.npz", "csr.npz", "csc.npz")) {
            NpzTest.assertSameMatrix(Matrices.readNpz(dir.resolve(name)), expected);
        }
    }

    @Test
    void aTrioWrittenByScipyAndPythonsCsvImportsCellForCell() throws Exception {
        JsonNode j = python(
                "import sys, csv, json, numpy as np, scipy.sparse as sp\n"
                        + "d = sys.argv[1]\n"
                        + "rng = np.random.default_rng(5)\n"
                        + "n, m = 40, 70\n"
                        + "r = rng.integers(0, n, 600); c = rng.integers(0, m, 600)\n"
                        + "v = rng.choice([1.0, 3.0], 600)\n"
                        + "a = sp.coo_matrix((v, (r, c)), shape=(n, m)).tocsr()\n"
                        + "sp.save_npz(d + '/sparse_matrix.npz', a)\n"
                        + "with open(d + '/remaining_seeds.csv', 'w', newline='', encoding='utf-8') as f:\n"
                        + "    w = csv.writer(f)\n"
                        + "    w.writerow(['', 'links', 'names', 'followers', 'emerge_date'])\n"
                        + "    for i in range(n):\n"
                        + "        fol = '' if i % 7 == 3 else '%.1f' % (100 * i)\n"
                        + "        w.writerow([i, 'https://soundcloud.com/user-%d' % i, 'Name, %d' % i, fol,"
                        + " '%d/%d/%d' % (1 + i % 12, 1 + i % 28, 2010 + i % 13)])\n"
                        + "with open(d + '/seeds.csv', 'w', newline='', encoding='utf-8') as f:\n"
                        + "    w = csv.writer(f)\n"
                        + "    w.writerow(['', 'links', 'names', 'followers'])\n"
                        + "    for k in range(m):\n"
                        + "        w.writerow([k, 'user-%d' % k, 'user-%d' % k, 'nan'])\n"
                        + "a.sort_indices()\n"
                        + "print(json.dumps({'indptr': a.indptr.tolist(), 'indices': a.indices.tolist(),"
                        + " 'data': a.data.tolist()}))\n",
                dir.toString());
        Path db = dir.resolve("imported.db");
        Matrices.importReference(
                dir.resolve("sparse_matrix.npz"),
                dir.resolve("remaining_seeds.csv"),
                dir.resolve("seeds.csv"),
                db,
                Clock.systemUTC(),
                ImportListener.NONE);

        InteractionMatrix back;
        try (Store store = Store.openReadOnly(db)) {
            back = Matrices.fromStore(store, InteractionWeights.DEFAULTS);
        }
        SparseMatrix v = back.values();
        assertThat(v.rows()).isEqualTo(40);
        assertThat(v.cols()).isEqualTo(70);
        assertThat(v.nnz()).isEqualTo(j.get("data").size());
        for (int k = 0; k < v.indptr().length; k++) {
            assertThat(v.indptr()[k]).isEqualTo(j.get("indptr").get(k).asInt());
        }
        for (int k = 0; k < v.nnz(); k++) {
            assertThat(v.indices()[k]).isEqualTo(j.get("indices").get(k).asInt());
            assertThat(v.data()[k]).isEqualTo(j.get("data").get(k).asDouble());
        }
        assertThat(back.rows().get(5)).isEqualTo(new RowLabel(-1, "user-5", "Name, 5", 500, LocalDate.of(2015, 6, 6)));
        assertThat(back.rows().get(3).followers()).isEqualTo(-1);
        assertThat(back.columns().get(69)).isEqualTo(new ColumnLabel(-1, "user-69", "user-69"));
    }
}

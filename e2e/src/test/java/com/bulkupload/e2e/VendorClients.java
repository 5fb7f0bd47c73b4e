package com.bulkupload.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The vendors' client libraries of ../shared/clients and our scripts that drive them, run as processes. */
final class VendorClients {

    /** Our scripts (python/, node/) that drive the vendors' clients. */
    static final Path SCRIPTS = Path.of(System.getProperty("e2e.clients.dir", "src/test/clients"));
    private static final Path UNPACKED = Path.of("target", "vendor-clients");

    private VendorClients() {
    }

    /** The vendor archive unpacked once under target/, as ../shared/clients/README.md says to. */
    static synchronized Path unpacked(String archive, String packageDirectory) throws IOException, InterruptedException {
        Path into = UNPACKED.resolve(archive.replace(".tgz", ""));
        if (!Files.isDirectory(into.resolve(packageDirectory))) {
            Files.createDirectories(into);
            run(List.of("tar", "xzf", ImportFlowIT.SHARED.resolve("clients").resolve(archive).toString(), "-C", into.toString()), null, 60);
        }
        return into.toAbsolutePath();
    }

    static String run(List<String> command, Path pythonPath, int seconds) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        if (pythonPath != null) {
            builder.environment().put("PYTHONPATH", pythonPath.toString());
        }
        builder.environment().put("TOKEN_TTL_SECONDS", "30");
        Process process = builder.start();
        // read while it runs: a full pipe would stall the client
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append(e);
            }
        });
        reader.start();
        boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        reader.join(10_000);
        assertTrue(finished, "did not finish in " + seconds + " s: " + command + "\n" + output);
        assertEquals(0, process.exitValue(), command + "\n" + output);
        return "\n" + output;
    }
}

package com.bulkupload.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.e2e.BulkApi.Tenant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;

/**
 * SOAP stacks other than Java build working clients from the live WSDL: python-zeep (Debian's
 * python3-zeep) and the npm package soap (installed by the build with npm ci). Each script gets a
 * URL and a status with a fresh tenant's credentials.
 */
@ServerTest
@RunAsClient
class ClientInteropIT {

    private static final Path CLIENTS = Path.of(System.getProperty("e2e.clients.dir", "src/test/clients"));

    @Test
    void pythonZeepClient() throws Exception {
        String python = System.getProperty("e2e.python", "/usr/bin/python3");
        assertClientWorks(python, CLIENTS.resolve("python/zeep_client.py").toString());
    }

    @Test
    void nodeSoapClient() throws Exception {
        assertClientWorks("node", CLIENTS.resolve("node/soap_client.js").toString());
    }

    private static void assertClientWorks(String interpreter, String script) throws IOException, InterruptedException {
        Tenant tenant = BulkApi.newTenant();
        List<String> command = new ArrayList<>(List.of(interpreter, script, BulkApi.BASE, tenant.accessToken(),
                tenant.developerToken(), Long.toString(tenant.customerId()), Long.toString(tenant.accountId())));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertTrue(finished, "client did not finish: " + output);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.matches("(?s).*RequestId=\\w+ RequestStatus=PendingFileUpload.*"), output);
    }
}

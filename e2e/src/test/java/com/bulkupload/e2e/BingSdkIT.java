package com.bulkupload.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.e2e.BulkApi.Tenant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Microsoft's own Bing Ads SDKs, unmodified from ../shared/clients, against the running server,
 * with only their endpoint moved: the SOAP SDK (bingads 13.0.28 with suds, on Debian's python3 with
 * python3-requests and python3-zeep) and the REST SDK (msads 13.0.28.1, on the machine's default
 * python3). Each script prints PASS lines and "N passed, 0 failed"; see the scripts for the steps.
 */
@ServerTest
@RunAsClient
class BingSdkIT {

    private static final Path CLIENTS = VendorClients.SCRIPTS;

    @TempDir
    Path work;

    @Test
    void microsoftsSoapSdkUploadsPollsRenewsItsTokenAndUnzipsTheResult() throws Exception {
        String output = soapSdkChecks(work);
        assertTrue(output.contains("\n13 passed, 0 failed"), output);
    }

    /** The SOAP SDK's checks (bingads_sdk_client.py) for a new tenant, through BulkApi.BASE: a server, or ClusterIT's balancer. */
    static String soapSdkChecks(Path work) throws Exception {
        Tenant tenant = BulkApi.newTenant();
        Path big = work.resolve("big.csv");
        VendorClients.run(List.of(ImportFlowIT.SHARED.resolve("tools/gen-customers").toString(), "--rows", "60000", "--out", big.toString()), null, 60);
        return VendorClients.run(List.of(System.getProperty("e2e.python", "/usr/bin/python3"),
                CLIENTS.resolve("python/bingads_sdk_client.py").toString(), BulkApi.BASE, tenant.clientId(), tenant.clientSecret(),
                tenant.developerToken(), Long.toString(tenant.customerId()), Long.toString(tenant.accountId()),
                ImportFlowIT.DATA.toAbsolutePath().toString(), work.toString(), big.toString()),
                VendorClients.unpacked("bingads-python-13.0.28.tgz", "bingads"), 420);
    }

    @Test
    void microsoftsRestSdkCallsBothOperationsParsesFaultsAndUploads() throws Exception {
        Tenant tenant = BulkApi.newTenant();
        String output = VendorClients.run(List.of(restSdkPython(),
                CLIENTS.resolve("python/msads_sdk_client.py").toString(), BulkApi.BASE, tenant.clientId(), tenant.clientSecret(),
                tenant.developerToken(), Long.toString(tenant.customerId()), Long.toString(tenant.accountId()),
                ImportFlowIT.DATA.toAbsolutePath().toString(), work.toString()),
                VendorClients.unpacked("msads-13.0.28.1.tgz", "bingads"), 180);
        assertTrue(output.contains("\n6 passed, 0 failed"), output);
    }

    /**
     * Customer Match as Microsoft's SOAP SDK does it: upload_entities of customer lists and hashed
     * items, inline (UploadEntityRecords) up to 1,000 entities and as a zipped bulk file beyond,
     * Remove, Replace, bad items, a Campaign record, another account's list, format version 5.0,
     * and a hashed item matching a customer Marketo imported in plain text.
     */
    @Test
    void microsoftsSoapSdkRunsCustomerMatchWithHashedItemsInlineAndAsAFile() throws Exception {
        Tenant tenant = BulkApi.newTenant();
        Tenant other = BulkApi.newTenant();
        String output = VendorClients.run(List.of(System.getProperty("e2e.python", "/usr/bin/python3"),
                CLIENTS.resolve("python/bingads_customer_match.py").toString(), BulkApi.BASE, tenant.clientId(), tenant.clientSecret(),
                tenant.developerToken(), Long.toString(tenant.customerId()), Long.toString(tenant.accountId()), work.toString(),
                Long.toString(other.defaultListId())),
                VendorClients.unpacked("bingads-python-13.0.28.tgz", "bingads"), 420);
        assertTrue(output.contains("\n13 passed, 0 failed"), output);
    }

    /**
     * The machine's default python3, which has what the REST SDK needs (pydantic 2); if PATH
     * does not lead to it (a shell without pyenv's shims), the pyenv one.
     */
    private static String restSdkPython() throws IOException, InterruptedException {
        String configured = System.getProperty("e2e.default.python");
        if (configured != null) {
            return configured;
        }
        for (String candidate : List.of("python3", System.getProperty("user.home") + "/.pyenv/shims/python3")) {
            try {
                Process probe = new ProcessBuilder(candidate, "-c",
                        "import sys, pydantic, requests; sys.exit(0 if pydantic.VERSION.startswith('2') else 1)")
                        .redirectErrorStream(true).start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException e) {
                // not there: try the next one
            }
        }
        throw new AssertionError("no python3 with pydantic 2 and requests for Microsoft's REST SDK (msads)");
    }

}

package com.bulkupload.interfaces.cxf;

import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.FileStore;
import com.bulkupload.application.analysis.CrowdAnalysisService;
import com.bulkupload.application.identity.AdminService;
import com.bulkupload.application.identity.AuthenticationService;
import com.bulkupload.application.identity.ResultFileUrls;
import com.bulkupload.application.identity.SignedRequestService;
import com.bulkupload.application.identity.SigningKeyService;
import com.bulkupload.application.maintenance.HealthService;
import com.bulkupload.application.maintenance.ServerStartup;
import com.bulkupload.application.reports.RowReportService;
import com.bulkupload.application.requests.CustomerQueryService;
import com.bulkupload.application.requests.EntityRecordUploads;
import com.bulkupload.application.requests.FileSubmissionService;
import com.bulkupload.application.requests.ListColumnMappings;
import com.bulkupload.application.requests.UploadPreviews;
import com.bulkupload.application.requests.UploadRequestService;
import com.bulkupload.interfaces.admin.AdminKeyFilter;
import com.bulkupload.interfaces.admin.AdminResource;
import com.bulkupload.interfaces.alibaba.AlibabaErrorMapper;
import com.bulkupload.interfaces.alibaba.AlibabaRpcResource;
import com.bulkupload.interfaces.health.HealthResource;
import com.bulkupload.interfaces.identity.OAuthErrorMapper;
import com.bulkupload.interfaces.identity.TokenResource;
import com.bulkupload.interfaces.json.AccountListResource;
import com.bulkupload.interfaces.json.BulkJsonResource;
import com.bulkupload.interfaces.json.CustomerListResource;
import com.bulkupload.interfaces.json.UploadListResource;
import com.bulkupload.interfaces.marketo.MarketoBulkImportResource;
import com.bulkupload.interfaces.marketo.MarketoErrorMapper;
import com.bulkupload.interfaces.openapi.OpenApiDocument;
import com.bulkupload.interfaces.openapi.OpenApiResource;
import com.bulkupload.interfaces.soap.BulkSoapEndpoint;
import com.bulkupload.interfaces.soap.SoapAuthenticationInterceptor;
import com.bulkupload.interfaces.soap.SoapFaultInterceptor;
import com.bulkupload.interfaces.soap.SoapTrackingIdInterceptor;
import com.bulkupload.interfaces.taobao.TopErrorMapper;
import com.bulkupload.interfaces.taobao.TopRouterResource;
import com.bulkupload.interfaces.upload.ResultFileResource;
import com.bulkupload.interfaces.upload.UploadAuthenticationFilter;
import com.bulkupload.interfaces.upload.UploadResource;
import com.bulkupload.interfaces.web.ApiAuthenticationFilter;
import com.bulkupload.interfaces.web.ApiExceptionMapper;
import com.bulkupload.interfaces.web.ClientGoneWriterInterceptor;
import com.bulkupload.interfaces.web.DotSegments;
import com.bulkupload.interfaces.web.Failures;
import com.bulkupload.interfaces.web.JsonMapping;
import com.bulkupload.interfaces.web.NulCharacterFilter;
import com.bulkupload.interfaces.web.ResultLinks;
import com.bulkupload.interfaces.web.UploadGate;
import com.bulkupload.interfaces.web.UploadReceiver;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.annotation.WebServlet;
import java.time.Clock;
import java.util.List;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;

/**
 * Publishes every protocol on one CXF bus: the SOAP endpoint and one JAX-RS publication per
 * protocol. All are thin adapters over the same application services, injected here and handed to them.
 */
@WebServlet(urlPatterns = "/*", loadOnStartup = 1, asyncSupported = true)
public class BulkCxfServlet extends CXFNonSpringServlet {

    public static final String SOAP_ADDRESS = "/Bulk/v13/BulkService.svc";

    @EJB
    com.bulkupload.application.requests.UploadsInFlight uploadsInFlight;

    @EJB
    UploadRequestService requests;

    @EJB
    AuthenticationService authentication;

    @EJB
    AdminService admin;

    @EJB
    ServerStartup startup;

    @EJB
    HealthService health;

    @EJB
    FileSubmissionService files;

    @EJB
    ResultFileUrls resultFileUrls;

    @EJB
    CustomerQueryService customerQueries;

    @EJB
    RowReportService rowReports;

    @EJB
    SigningKeyService signingKeys;

    @EJB
    SignedRequestService signedRequests;

    @EJB
    CrowdAnalysisService crowdAnalyses;

    @EJB
    EntityRecordUploads entityRecords;

    @EJB
    ListColumnMappings listColumnMappings;

    @EJB
    UploadPreviews uploadPreviews;

    @Inject
    FileStore storage;

    @Inject
    BulkSettings settings;

    @Override
    protected void invoke(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
            throws jakarta.servlet.ServletException {
        super.invoke(DotSegments.resolved(request), response);
    }

    @Override
    protected void loadBus(ServletConfig servletConfig) {
        super.loadBus(servletConfig);
        Bus bus = getBus();
        // Without a ClassLoader extension CXF resolves one through the ResourceManager on every
        // request (ClassLoader.getResource("") across the deployment's modules, under a JDK lock):
        // that alone held JSON status calls to a few hundred per second.
        bus.setExtension(BulkCxfServlet.class.getClassLoader(), ClassLoader.class);
        publishSoap(bus);
        publishJson(bus);
    }

    private void publishSoap(Bus bus) {
        JaxWsServerFactoryBean soap = new JaxWsServerFactoryBean();
        soap.setBus(bus);
        soap.setAddress(SOAP_ADDRESS);
        soap.setServiceBean(new BulkSoapEndpoint(requests, entityRecords, new ResultLinks(settings.publicUrl(), resultFileUrls, Clock.systemUTC())));
        // No SOAP request of this API comes near these: a hostile envelope (huge, deep, endless
        // text) is refused by the parser with fault 100 before it costs memory (DOCTYPEs and
        // entities are refused by CXF's parser defaults). The largest legitimate one is
        // UploadEntityRecords: up to 10,000 lines (EntityRecordUploads.MAX_RECORDS) inside the
        // 4 MiB an API body may have (BULK_MAX_REQUEST_BODY_BYTES).
        soap.setProperties(new java.util.HashMap<>(java.util.Map.of(
                "org.apache.cxf.stax.maxElementDepth", 32,
                "org.apache.cxf.stax.maxTextLength", 65_536,
                "org.apache.cxf.stax.maxAttributeSize", 65_536,
                "org.apache.cxf.stax.maxChildElements", 10_001,
                "org.apache.cxf.stax.maxElementCount", 20_000,
                "org.apache.cxf.stax.maxXMLCharacters", 4L * 1024 * 1024 + 65_536)));
        soap.getInInterceptors().add(new SoapAuthenticationInterceptor(authentication));
        soap.getOutInterceptors().add(new SoapTrackingIdInterceptor());
        soap.getOutFaultInterceptors().add(new SoapTrackingIdInterceptor());
        soap.getOutFaultInterceptors().add(new SoapFaultInterceptor());
        soap.create();
    }

    /**
     * One JAX-RS publication per protocol, each with its own address, authentication filter and
     * error mapper; {@link Failures} classifies failures for all of them alike.
     */
    private void publishJson(Bus bus) {
        UploadReceiver receiver = new UploadReceiver(storage, settings.maxFileBytes(), settings.minFreeBytes(), new UploadGate(settings, new UploadGate.AccountUploads() {
            @Override
            public java.util.Optional<String> enter(Long accountId) {
                return uploadsInFlight.enter(accountId);
            }

            @Override
            public void alive(String uploadId) {
                uploadsInFlight.alive(uploadId);
            }

            @Override
            public void leave(String uploadId) {
                uploadsInFlight.leave(uploadId);
            }
        }));
        ResultLinks links = new ResultLinks(settings.publicUrl(), resultFileUrls, Clock.systemUTC());
        ApiAuthenticationFilter bingHeaders = new ApiAuthenticationFilter(authentication);
        publish(bus, "/Bulk/v13", List.of(new BulkJsonResource(requests, entityRecords, links)),
                new NulCharacterFilter(), bingHeaders,
                new ApiExceptionMapper(ApiExceptionMapper.BING_REST_STATUS, false));
        publish(bus, "/files", List.of(
                        new UploadResource(files, receiver),
                        new ResultFileResource(resultFileUrls)),
                new NulCharacterFilter(), new UploadAuthenticationFilter(authentication),
                new ApiExceptionMapper(ApiExceptionMapper.OWN_STATUS, true));
        publish(bus, "/api/v1", List.of(new CustomerListResource(customerQueries, listColumnMappings), new UploadListResource(requests, rowReports, uploadPreviews, receiver),
                        new AccountListResource(authentication)),
                new NulCharacterFilter(), bingHeaders,
                new ApiExceptionMapper(ApiExceptionMapper.OWN_STATUS, true));
        publish(bus, "/identity", List.of(new TokenResource(authentication)), new OAuthErrorMapper());
        publish(bus, "/bulk/v1", List.of(new MarketoBulkImportResource(authentication, requests, files, rowReports, receiver)),
                new NulCharacterFilter(), new MarketoErrorMapper());
        publish(bus, "/admin/v1", List.of(new AdminResource(admin, signingKeys)),
                new NulCharacterFilter(), new AdminKeyFilter(startup),
                new ApiExceptionMapper(ApiExceptionMapper.OWN_STATUS, true));
        publish(bus, "/router", List.of(new TopRouterResource(signedRequests, authentication, crowdAnalyses)), new TopErrorMapper());
        // Alibaba's RPC style lives at the root; every other publication's address is longer and wins
        publish(bus, "/", List.of(new AlibabaRpcResource(signedRequests, customerQueries, files, requests, links)), new AlibabaErrorMapper());
        publish(bus, "/health", List.of(new HealthResource(health)),
                new ApiExceptionMapper(ApiExceptionMapper.OWN_STATUS, true));
        OpenApiDocument openApi = OpenApiDocument.load();
        publish(bus, "/openapi.json", List.of(OpenApiResource.json(openApi)), new ApiExceptionMapper(ApiExceptionMapper.OWN_STATUS, true));
        publish(bus, "/openapi.yaml", List.of(OpenApiResource.yaml(openApi)), new ApiExceptionMapper(ApiExceptionMapper.OWN_STATUS, true));
    }

    private static void publish(Bus bus, String address, List<Object> resources, Object... providers) {
        JAXRSServerFactoryBean server = new JAXRSServerFactoryBean();
        server.setBus(bus);
        server.setAddress(address);
        server.setServiceBeans(resources);
        List<Object> all = new java.util.ArrayList<>();
        all.add(JsonMapping.provider());
        all.add(new ClientGoneWriterInterceptor());
        all.addAll(List.of(providers));
        server.setProviders(all);
        server.create();
    }
}

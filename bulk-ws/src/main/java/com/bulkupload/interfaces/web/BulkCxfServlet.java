package com.bulkupload.interfaces.web;

import com.bulkupload.application.AdminService;
import com.bulkupload.application.AuthenticationService;
import com.bulkupload.application.BulkUploadService;
import com.bulkupload.application.CustomerQueryService;
import com.bulkupload.application.HealthService;
import com.bulkupload.application.ResultFileUrls;
import com.bulkupload.application.ServerStartup;
import com.bulkupload.application.UploadService;
import com.bulkupload.infrastructure.config.BulkSettings;
import com.bulkupload.infrastructure.files.FileStorage;
import com.bulkupload.interfaces.admin.AdminKeyFilter;
import com.bulkupload.interfaces.admin.AdminResource;
import com.bulkupload.interfaces.health.HealthResource;
import com.bulkupload.interfaces.identity.TokenResource;
import com.bulkupload.interfaces.json.ApiAuthenticationFilter;
import com.bulkupload.interfaces.json.ApiExceptionMapper;
import com.bulkupload.interfaces.json.BulkJsonResource;
import com.bulkupload.interfaces.json.CustomerListResource;
import com.bulkupload.interfaces.json.JsonMapping;
import com.bulkupload.interfaces.json.NulCharacterFilter;
import com.bulkupload.interfaces.soap.BulkSoapEndpoint;
import com.bulkupload.interfaces.soap.SoapAuthenticationInterceptor;
import com.bulkupload.interfaces.soap.SoapFaultInterceptor;
import com.bulkupload.interfaces.soap.SoapTrackingIdInterceptor;
import com.bulkupload.interfaces.upload.ResultFileResource;
import com.bulkupload.interfaces.upload.UploadResource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.annotation.WebServlet;
import java.util.List;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxws.JaxWsServerFactoryBean;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;

/**
 * Publishes the SOAP endpoint and the JSON resources on one CXF bus. Both are thin adapters over
 * the same application services, which are injected here and handed to them.
 */
@WebServlet(urlPatterns = "/*", loadOnStartup = 1)
public class BulkCxfServlet extends CXFNonSpringServlet {

    public static final String SOAP_ADDRESS = "/Bulk/v13/BulkService.svc";

    @EJB
    BulkUploadService bulkUploads;

    @EJB
    AuthenticationService authentication;

    @EJB
    AdminService admin;

    @EJB
    ServerStartup startup;

    @EJB
    HealthService health;

    @EJB
    UploadService uploads;

    @EJB
    ResultFileUrls resultFileUrls;

    @EJB
    CustomerQueryService customerQueries;

    @Inject
    FileStorage storage;

    @Inject
    BulkSettings settings;

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
        soap.setServiceBean(new BulkSoapEndpoint(bulkUploads));
        // No SOAP request of this API comes near these: a hostile envelope (huge, deep, endless
        // text) is refused by the parser with fault 100 before it costs memory (DOCTYPEs and
        // entities are refused by CXF's parser defaults).
        soap.setProperties(new java.util.HashMap<>(java.util.Map.of(
                "org.apache.cxf.stax.maxElementDepth", 32,
                "org.apache.cxf.stax.maxTextLength", 65_536,
                "org.apache.cxf.stax.maxAttributeSize", 65_536,
                "org.apache.cxf.stax.maxChildElements", 1_000,
                "org.apache.cxf.stax.maxElementCount", 10_000,
                "org.apache.cxf.stax.maxXMLCharacters", 1_048_576L)));
        soap.getInInterceptors().add(new SoapAuthenticationInterceptor(authentication));
        soap.getOutInterceptors().add(new SoapTrackingIdInterceptor());
        soap.getOutFaultInterceptors().add(new SoapTrackingIdInterceptor());
        soap.getOutFaultInterceptors().add(new SoapFaultInterceptor());
        soap.create();
    }

    private void publishJson(Bus bus) {
        JAXRSServerFactoryBean json = new JAXRSServerFactoryBean();
        json.setBus(bus);
        json.setAddress("/");
        json.setServiceBeans(List.of(
                new BulkJsonResource(bulkUploads),
                new TokenResource(authentication),
                new AdminResource(admin),
                new HealthResource(health),
                new UploadResource(uploads, storage, settings.maxFileBytes()),
                new ResultFileResource(resultFileUrls, storage),
                new CustomerListResource(customerQueries)));
        json.setProviders(List.of(
                JsonMapping.provider(),
                new NulCharacterFilter(),
                new ApiAuthenticationFilter(authentication),
                new AdminKeyFilter(startup),
                new ApiExceptionMapper()));
        json.create();
    }
}

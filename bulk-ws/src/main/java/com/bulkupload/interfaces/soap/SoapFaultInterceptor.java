package com.bulkupload.interfaces.soap;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.importing.Causes;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.interfaces.web.CallerContexts;
import com.bulkupload.wsdl.adapi.AdApiError;
import com.bulkupload.wsdl.adapi.AdApiFaultDetail;
import com.bulkupload.wsdl.adapi.ArrayOfAdApiError;
import com.bulkupload.wsdl.v13.ApiFaultDetail;
import com.bulkupload.wsdl.v13.ArrayOfOperationError;
import com.bulkupload.wsdl.v13.ObjectFactory;
import com.bulkupload.wsdl.v13.OperationError;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Element;

/**
 * The one place a SOAP fault is made: whatever went wrong, the client gets a fault whose detail is
 * an {@code ApiFaultDetail} with the TrackingId and one OperationError from the error table.
 * Refusals keep their code; unreadable requests are 100 NullRequest; anything else is
 * 0 InternalError, logged with its stack trace under the TrackingId and never sent to the client.
 */
public class SoapFaultInterceptor extends AbstractSoapInterceptor {

    private static final Logger LOG = Logger.getLogger(SoapFaultInterceptor.class.getName());
    private static final JAXBContext JAXB = jaxbContext();
    private static final int MAX_DETAILS = 300;

    public SoapFaultInterceptor() {
        super(Phase.PRE_STREAM);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Exception exception = message.getContent(Exception.class);
        Fault fault = exception instanceof Fault f ? f : new Fault(exception);
        String trackingId = CallerContexts.trackingId(message);

        BulkApiException refusal = Causes.find(exception, BulkApiException.class);
        ErrorCode error;
        String details;
        if (refusal != null) {
            error = refusal.error();
            details = refusal.details();
        } else if (isUnreadableRequest(fault, message)) {
            error = ErrorCode.NULL_REQUEST;
            details = shorten(fault.getMessage());
        } else {
            error = ErrorCode.INTERNAL_ERROR;
            details = null;
            LOG.log(Level.SEVERE, "SOAP call failed, TrackingId=" + trackingId, exception);
        }

        fault.setMessage(error.message());
        fault.setFaultCode(error.httpStatus() >= 500 ? Fault.FAULT_CODE_SERVER : Fault.FAULT_CODE_CLIENT);
        Element detail = fault.getOrCreateDetail();
        while (detail.getFirstChild() != null) {
            detail.removeChild(detail.getFirstChild());
        }
        try {
            JAXB.createMarshaller().marshal(new ObjectFactory().createApiFaultDetail(detail(trackingId, error, details)), detail);
            if (error.code() < FIRST_OPERATION_CODE) {
                JAXB.createMarshaller().marshal(new com.bulkupload.wsdl.adapi.ObjectFactory()
                        .createAdApiFaultDetail(adApiDetail(trackingId, error, details)), detail);
            }
        } catch (JAXBException e) {
            LOG.log(Level.SEVERE, "Could not write the fault detail, TrackingId=" + trackingId, e);
        }
        message.setContent(Exception.class, fault);
    }

    /**
     * Codes below this are errors of the API itself (authentication, throttling, malformed
     * requests, internal errors): Microsoft's service reports them in an AdApiFaultDetail, and its
     * SDKs look only there for 109 (renew the token) and 117 (wait and retry). The fault keeps our
     * ApiFaultDetail first (CONTRACT §4) and adds the AdApiFaultDetail after it.
     */
    static final int FIRST_OPERATION_CODE = 1000;

    private static AdApiFaultDetail adApiDetail(String trackingId, ErrorCode error, String details) {
        AdApiError adApiError = new AdApiError();
        adApiError.setCode(error.code());
        com.bulkupload.wsdl.adapi.ObjectFactory adapi = new com.bulkupload.wsdl.adapi.ObjectFactory();
        adApiError.setDetail(adapi.createAdApiErrorDetail(details));
        adApiError.setErrorCode(adapi.createAdApiErrorErrorCode(error.errorCode()));
        adApiError.setMessage(adapi.createAdApiErrorMessage(error.message()));
        ArrayOfAdApiError errors = new ArrayOfAdApiError();
        errors.getAdApiError().add(adApiError);
        AdApiFaultDetail faultDetail = new AdApiFaultDetail();
        faultDetail.setTrackingId(adapi.createApplicationFaultTrackingId(trackingId));
        faultDetail.setErrors(adapi.createAdApiFaultDetailErrors(errors));
        return faultDetail;
    }

    private static ApiFaultDetail detail(String trackingId, ErrorCode error, String details) {
        OperationError operationError = new OperationError();
        operationError.setCode(error.code());
        operationError.setDetails(details);
        operationError.setErrorCode(error.errorCode());
        operationError.setMessage(error.message());
        ArrayOfOperationError errors = new ArrayOfOperationError();
        errors.getOperationError().add(operationError);
        ApiFaultDetail faultDetail = new ApiFaultDetail();
        faultDetail.setTrackingId(new com.bulkupload.wsdl.adapi.ObjectFactory().createApplicationFaultTrackingId(trackingId));
        faultDetail.setOperationErrors(errors);
        return faultDetail;
    }

    /**
     * Faults CXF raises while reading the request: bad XML, DOCTYPE, unknown mustUnderstand
     * headers, wrong elements or types, a body that names no operation. A failure of our own
     * infrastructure (database, EJB) is never the client's fault, wherever it happened.
     */
    private static boolean isUnreadableRequest(Fault fault, SoapMessage message) {
        if (Causes.find(fault, jakarta.ejb.EJBException.class) != null || Causes.find(fault, java.sql.SQLException.class) != null
                || Causes.find(fault, jakarta.persistence.PersistenceException.class) != null) {
            return false;
        }
        if (Fault.FAULT_CODE_CLIENT.equals(fault.getFaultCode())
                || (fault instanceof SoapFault soapFault && CLIENT_FAULT_CODES.contains(soapFault.getFaultCode().getLocalPart()))) {
            return true;
        }
        return message.getExchange().getBindingOperationInfo() == null
                || Causes.find(fault, XMLStreamException.class) != null
                || Causes.find(fault, JAXBException.class) != null
                || String.valueOf(fault.getMessage()).startsWith("Unmarshalling Error");
    }

    private static final java.util.Set<String> CLIENT_FAULT_CODES = java.util.Set.of("Client", "Sender", "MustUnderstand", "VersionMismatch");

    private static String shorten(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= MAX_DETAILS ? text : text.substring(0, MAX_DETAILS) + "...";
    }

    private static JAXBContext jaxbContext() {
        try {
            return JAXBContext.newInstance(ObjectFactory.class, com.bulkupload.wsdl.adapi.ObjectFactory.class);
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }
}

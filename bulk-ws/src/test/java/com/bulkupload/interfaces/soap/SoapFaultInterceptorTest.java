package com.bulkupload.interfaces.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.domain.model.error.ErrorCode;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.ExchangeImpl;
import org.apache.cxf.message.MessageImpl;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SoapFaultInterceptorTest {

    private static Fault handle(Exception exception) {
        SoapMessage message = new SoapMessage(new MessageImpl());
        message.setVersion(Soap11.getInstance());
        message.setExchange(new ExchangeImpl());
        message.setContent(Exception.class, exception);
        new SoapFaultInterceptor().handleMessage(message);
        return (Fault) message.getContent(Exception.class);
    }

    private static String code(Fault fault) {
        Element detail = fault.getDetail();
        return detail.getElementsByTagNameNS(SoapNames.NS, "Code").item(0).getTextContent();
    }

    @Test
    void refusalBecomesApiFaultDetailWithItsCode() {
        Fault fault = handle(new Fault(new BulkApiException(ErrorCode.INVALID_DEVELOPER_TOKEN)));
        assertEquals("107", code(fault));
        assertEquals(Fault.FAULT_CODE_CLIENT, fault.getFaultCode());
        assertEquals(ErrorCode.INVALID_DEVELOPER_TOKEN.message(), fault.getMessage());
        Element detail = fault.getDetail();
        assertEquals(1, detail.getElementsByTagNameNS(SoapNames.NS, "ApiFaultDetail").getLength());
        assertEquals("InvalidDeveloperToken", detail.getElementsByTagNameNS(SoapNames.NS, "ErrorCode").item(0).getTextContent());
    }

    @Test
    void unreadableXmlIsNullRequest() {
        Fault fault = handle(new Fault(new XMLStreamException("Received a DOCTYPE declaration")));
        assertEquals("100", code(fault));
        assertEquals(Fault.FAULT_CODE_CLIENT, fault.getFaultCode());
    }

    @Test
    void ourOwnFailureIsInternalAndHidesItsCause() {
        Fault fault = handle(new Fault(new jakarta.ejb.EJBException("database is down at 10.0.0.7")));
        assertEquals("0", code(fault));
        assertEquals(Fault.FAULT_CODE_SERVER, fault.getFaultCode());
        assertTrue(!fault.getMessage().contains("10.0.0.7"));
        assertEquals(0, fault.getDetail().getElementsByTagNameNS(SoapNames.NS, "Details").getLength());
    }
}

package com.bulkupload.interfaces.soap;

import com.bulkupload.interfaces.web.CallerContexts;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Element;

/** Puts the request's TrackingId into the SOAP header of every response and fault. */
public class SoapTrackingIdInterceptor extends AbstractSoapInterceptor {

    public SoapTrackingIdInterceptor() {
        super(Phase.PRE_PROTOCOL);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Element trackingId = DOMUtils.getEmptyDocument().createElementNS(SoapNames.NS, "TrackingId");
        trackingId.setTextContent(CallerContexts.trackingId(message));
        message.getHeaders().removeIf(header -> SoapNames.TRACKING_ID.equals(header.getName()));
        message.getHeaders().add(new Header(SoapNames.TRACKING_ID, trackingId));
    }
}

package com.bulkupload.interfaces.soap;

import com.bulkupload.application.identity.ApiCredentials;
import com.bulkupload.application.identity.AuthenticationService;
import com.bulkupload.interfaces.web.CallerContexts;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Element;

/**
 * Authenticates every SOAP call from its headers before the body is even unmarshalled, through the
 * same {@link AuthenticationService} the JSON API uses. UserName and Password are accepted and
 * ignored; Action is understood (it names the operation, which the body already does).
 */
public class SoapAuthenticationInterceptor extends AbstractSoapInterceptor {

    private static final Set<QName> UNDERSTOOD = Set.of(
            SoapNames.AUTHENTICATION_TOKEN, SoapNames.DEVELOPER_TOKEN, SoapNames.CUSTOMER_ID,
            SoapNames.CUSTOMER_ACCOUNT_ID, SoapNames.USER_NAME, SoapNames.PASSWORD,
            SoapNames.ACTION_MS, SoapNames.ACTION_WSA, SoapNames.ACTION_WSA_2004);

    private final AuthenticationService authentication;

    public SoapAuthenticationInterceptor(AuthenticationService authentication) {
        super(Phase.PRE_PROTOCOL);
        this.authentication = authentication;
    }

    @Override
    public Set<QName> getUnderstoodHeaders() {
        return UNDERSTOOD;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Map<QName, String> headers = new HashMap<>();
        for (Header header : message.getHeaders()) {
            if (header.getObject() instanceof Element element) {
                headers.put(header.getName(), element.getTextContent());
            }
        }
        CallerContexts.set(authentication.authenticate(new ApiCredentials(
                headers.get(SoapNames.AUTHENTICATION_TOKEN),
                headers.get(SoapNames.DEVELOPER_TOKEN),
                headers.get(SoapNames.CUSTOMER_ID),
                headers.get(SoapNames.CUSTOMER_ACCOUNT_ID))));
    }
}

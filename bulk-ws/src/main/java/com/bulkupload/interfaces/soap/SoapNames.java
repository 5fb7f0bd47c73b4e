package com.bulkupload.interfaces.soap;

import javax.xml.namespace.QName;

/** Qualified names of the v13 SOAP contract. */
final class SoapNames {

    static final String NS = "https://bingads.microsoft.com/CampaignManagement/v13";

    static final QName AUTHENTICATION_TOKEN = new QName(NS, "AuthenticationToken");
    static final QName DEVELOPER_TOKEN = new QName(NS, "DeveloperToken");
    static final QName CUSTOMER_ID = new QName(NS, "CustomerId");
    static final QName CUSTOMER_ACCOUNT_ID = new QName(NS, "CustomerAccountId");
    static final QName USER_NAME = new QName(NS, "UserName");
    static final QName PASSWORD = new QName(NS, "Password");
    static final QName TRACKING_ID = new QName(NS, "TrackingId");

    /** The Action header .NET clients send with mustUnderstand="1", in the namespaces seen in the wild. */
    static final QName ACTION_MS = new QName("http://schemas.microsoft.com/ws/2005/05/addressing/none", "Action");
    static final QName ACTION_WSA = new QName("http://www.w3.org/2005/08/addressing", "Action");
    static final QName ACTION_WSA_2004 = new QName("http://schemas.xmlsoap.org/ws/2004/08/addressing", "Action");

    private SoapNames() {
    }
}

/** The SOAP 1.1 adapter (Bing Ads Bulk v13 wire format): endpoint, header authentication, faults. */
package com.bulkupload.interfaces.soap;

/** The JSON adapter: REST mirrors of the SOAP operations, bearer authentication, JSON errors. */
package com.bulkupload.interfaces.json;

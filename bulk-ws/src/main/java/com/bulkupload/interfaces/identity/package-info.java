/** The OAuth 2.0 token endpoint. */
package com.bulkupload.interfaces.identity;

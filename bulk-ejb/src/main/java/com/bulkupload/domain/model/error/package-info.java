/** The stable error-code table every protocol and the result files speak. */
package com.bulkupload.domain.model.error;

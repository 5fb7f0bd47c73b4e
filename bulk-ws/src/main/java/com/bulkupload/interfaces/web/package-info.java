/** HTTP plumbing shared by the adapters: the CXF servlet, TrackingId, the caller of an exchange. */
package com.bulkupload.interfaces.web;

/**
 * The CXF wiring: the one servlet that publishes every adapter on one bus, each with its address,
 * authentication and error mapper. The only package that knows all the adapters.
 */
package com.bulkupload.interfaces.cxf;

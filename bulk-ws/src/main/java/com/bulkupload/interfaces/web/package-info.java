/**
 * HTTP plumbing shared by the adapters: the CXF servlet, TrackingId, the caller of an exchange, and
 * what bounds a slow or greedy client (API bodies read before a thread is given, uploads in flight).
 */
package com.bulkupload.interfaces.web;

/**
 * HTTP pieces every adapter shares, under neutral names and importing no adapter: TrackingId, the
 * caller of an exchange, the API headers' authentication, the JSON error body and its mapper,
 * links to uploads and result files, the one place a multipart file is received
 * ({@code UploadReceiver}), and what bounds a slow or greedy client (API bodies read before a
 * thread is given, uploads in flight).
 */
package com.bulkupload.interfaces.web;

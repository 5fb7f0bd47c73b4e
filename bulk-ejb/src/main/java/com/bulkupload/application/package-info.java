/**
 * Application services: the use cases every protocol adapter calls in domain terms (open an upload
 * request, submit a file, its status, list an account's requests and lists; authentication in two
 * parts; admin, health), the import pipeline and its transactions, start-up and timers. Adapters
 * translate; the decisions are made here. What infrastructure provides is named here as ports
 * ({@link com.bulkupload.application.ImportQueue}, {@link com.bulkupload.application.FileStore},
 * {@link com.bulkupload.application.ServerSecrets}) and implemented in {@code infrastructure.*}.
 */
package com.bulkupload.application;

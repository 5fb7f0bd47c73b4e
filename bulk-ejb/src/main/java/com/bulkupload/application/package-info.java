/**
 * The application: the use cases every protocol adapter calls in domain terms, each in a package
 * of its own ({@code importing}, {@code requests}, {@code identity}, {@code reports},
 * {@code analysis}, {@code maintenance}). This root holds only what several of them share: the
 * error every use case raises ({@link com.bulkupload.application.BulkApiException}), the caller
 * ({@link com.bulkupload.application.CallerContext}), and the ports they all need
 * ({@link com.bulkupload.application.BulkSettings}, {@link com.bulkupload.application.FileStore},
 * {@link com.bulkupload.application.ImportQueue}, {@link com.bulkupload.application.ImportMetrics}).
 * Ports are owned here and implemented in {@code infrastructure.*}; nothing here imports it.
 */
package com.bulkupload.application;

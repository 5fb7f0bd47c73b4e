/**
 * Upload requests as clients see them: opening one (GetBulkUploadUrl), giving it a file or a URL
 * ({@code FileSubmissionService}, {@code RemoteFileImporter}), its status ({@code UploadStatusView},
 * the one status answer every protocol maps), and the account's listings of uploads, lists and
 * customers (CONTRACT §8). Port owned here: {@code RemoteFiles}.
 */
package com.bulkupload.application.requests;

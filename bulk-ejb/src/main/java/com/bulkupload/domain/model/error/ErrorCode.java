package com.bulkupload.domain.model.error;

/**
 * The one table of stable error codes (docs/errors.md), shared by SOAP faults, JSON errors and
 * result files. Codes and names are part of the public contract: add, never renumber.
 * The HTTP status is what a JSON client sees for this code.
 */
public enum ErrorCode {
    INTERNAL_ERROR(0, "InternalError", 500, "An internal error has occurred; quote the TrackingId to support."),
    NULL_REQUEST(100, "NullRequest", 400, "The request is missing or malformed."),
    INVALID_CREDENTIALS(105, "InvalidCredentials", 401, "Authentication failed: the token or client secret is missing, unknown or expired."),
    USER_IS_NOT_AUTHORIZED(106, "UserIsNotAuthorized", 403, "The customer or account is not accessible to this client."),
    INVALID_DEVELOPER_TOKEN(107, "InvalidDeveloperToken", 401, "The DeveloperToken is missing or not valid for this client."),
    AUTHENTICATION_TOKEN_EXPIRED(109, "AuthenticationTokenExpired", 401, "The access token has expired; request a new one."),
    CALL_RATE_EXCEEDED(117, "CallRateExceeded", 429, "Too many calls; retry later."),
    INVALID_REQUEST_ID(3200, "InvalidRequestId", 404, "The RequestId is not valid."),
    UPLOAD_WINDOW_EXPIRED(3201, "UploadWindowExpired", 400, "The upload window of this request has expired."),
    TOO_MANY_ACTIVE_UPLOADS(3202, "TooManyActiveUploads", 429, "The account has too many uploads queued or in progress."),
    INVALID_RESPONSE_MODE(3203, "InvalidResponseMode", 400, "ResponseMode must be ErrorsOnly or ErrorsAndResults."),
    INVALID_CUSTOMER_LIST(3204, "InvalidCustomerList", 400, "The customer list does not exist in this account."),
    INVALID_LOOKUP_FIELD(3205, "InvalidLookupField", 400, "LookupField must be Email, Phone, ExternalId or Id."),
    INVALID_PARTITION_NAME(3206, "InvalidPartitionName", 400, "PartitionName must be 1 to 255 characters."),
    INVALID_CLIENT_REQUEST_TOKEN(3207, "InvalidClientRequestToken", 400, "ClientRequestToken must be 1 to 100 characters."),
    FILE_TOO_LARGE(3210, "FileTooLarge", 413, "The uploaded file is over the size limit."),
    UPLOAD_FILE_FORMAT_NOT_SUPPORTED(3211, "UploadFileFormatNotSupported", 415, "The file format or encoding is not supported."),
    UPLOAD_FILE_ROW_COUNT_EXCEEDED(3212, "UploadFileRowCountExceeded", 413, "The file has more rows than allowed."),
    FILE_ALREADY_UPLOADED(3213, "FileAlreadyUploaded", 400, "A file was already uploaded for this RequestId."),
    INVALID_RESULT_FILE_URL(3214, "InvalidResultFileUrl", 403, "The result file URL is not valid or has expired; get a fresh one from GetBulkUploadStatus."),
    MISSING_FILE(3215, "MissingFile", 400, "The upload must be multipart/form-data with exactly one file part."),
    ROW_REPORT_NOT_READY(3216, "RowReportNotReady", 409, "The import has not finished; its failed and skipped rows can be read once it has."),
    ROW_REPORT_NOT_AVAILABLE(3217, "RowReportNotAvailable", 410, "The request has no rows to report: its file failed as a whole, or its files were purged."),
    FILE_DOWNLOAD_FAILED(3218, "FileDownloadFailed", 400, "The file could not be downloaded from the URL the request names."),
    UPLOAD_TOO_SLOW(3219, "UploadTooSlow", 408, "The upload arrived slower than the minimum transfer rate and was cut; send the file again."),
    STORAGE_FULL(3224, "StorageFull", 503, "The server's file store is full for now; nothing of this file was kept: send it again later."),
    INVALID_COLUMN_MAPPING(3222, "InvalidColumnMapping", 400, "ColumnMappings must map uploaded headers to our fields (or null to ignore one), each field at most once."),
    COLUMN_MAPPING_NOT_IN_FILE(3223, "ColumnMappingNotInFile", 415, "ColumnMappings names a column the file's header does not have."),
    AMBIGUOUS_COLUMNS(3221, "AmbiguousColumns", 415, "Two columns of the file mean the same field; map one of them, or ignore it, with ColumnMappings."),
    BULK_FORMAT_VERSION_NOT_SUPPORTED(3220, "BulkServiceFormatVersionNotSupported", 415, "The bulk file's Format Version is not supported; write format version 6.0."),
    INVALID_CUSTOMER_ID(3230, "InvalidCustomerId", 404, "The customer does not exist."),
    INVALID_ACCOUNT_ID(3231, "InvalidAccountId", 404, "The account does not exist."),
    MISSING_PARAMETER(3240, "MissingParameter", 400, "A required parameter is missing."),
    INVALID_PARAMETER(3241, "InvalidParameter", 400, "A parameter has a value that is not valid."),
    INCOMPLETE_SIGNATURE(3242, "IncompleteSignature", 400, "The request is not signed, or its signature lacks a part."),
    SIGNATURE_DOES_NOT_MATCH(3243, "SignatureDoesNotMatch", 400, "The signature does not match the request."),
    SIGNATURE_NONCE_USED(3244, "SignatureNonceUsed", 400, "The signature nonce has been used already."),
    TIMESTAMP_EXPIRED(3245, "InvalidTimeStampExpired", 400, "The request's timestamp is missing or more than 15 minutes from the server's time."),
    INVALID_ACCESS_KEY_ID(3246, "InvalidAccessKeyIdNotFound", 404, "The signing key does not exist or was revoked."),
    UNKNOWN_ACTION(3247, "InvalidActionNotFound", 404, "The action is not one of this API."),
    ANALYSIS_TASK_NOT_FOUND(3250, "AnalysisTaskNotFound", 404, "The analysis task does not exist, or is not this account's."),
    INVALID_ANALYSIS_PERIOD(3251, "InvalidAnalysisPeriod", 400, "An analysis task's end_time must be after its start_time."),
    INVALID_SESSION(3252, "InvalidSession", 401, "The session is not an access token of a client of the signing key's customer."),
    INVALID_SIGNING_KEY(3233, "InvalidSigningKey", 404, "The signing key does not exist."),
    INVALID_NAME(3232, "InvalidName", 400, "Name must be 1 to 255 characters."),

    // Row-level codes: they appear in result files (ErrorCode, Error columns), never as HTTP errors.
    INVALID_EMAIL(3300, "InvalidEmail", 400, "The Email is not a valid email address."),
    INVALID_PHONE(3301, "InvalidPhone", 400, "A Phone is an optional + followed by 5 to 20 digits."),
    MISSING_LOOKUP_VALUE(3302, "MissingLookupValue", 400, "The row has no value in its lookup column."),
    WRONG_FIELD_COUNT(3303, "WrongFieldCount", 400, "The row does not have as many fields as the header."),
    VALUE_TOO_LONG(3304, "ValueTooLong", 400, "A value is longer than its column allows."),
    INVALID_ACTION(3305, "InvalidAction", 400, "Action must be Upsert or Delete."),
    INVALID_RECORD_ID(3306, "InvalidRecordId", 400, "CustomerId must be a whole number."),
    CUSTOMER_NOT_FOUND(3307, "CustomerNotFound", 400, "No customer in the list has this key; the row changed nothing."),
    INVALID_HASHED_EMAIL(3309, "InvalidHashedEmail", 400, "A hashed e-mail must be the SHA-256 of the normalised e-mail as 64 hex digits, never the e-mail itself."),
    EMAIL_HASH_MISMATCH(3310, "EmailHashMismatch", 400, "The row's EmailSha256 is not the SHA-256 of its Email."),
    RECORD_TYPE_NOT_SUPPORTED(3311, "RecordTypeNotSupported", 400, "Only Format Version, Customer List and Customer List Item records can be uploaded."),
    CUSTOMER_LIST_NOT_FOUND(3312, "CustomerListNotFound", 400, "The record names a customer list that does not exist in this account."),
    INVALID_CUSTOMER_LIST_RECORD(3313, "InvalidCustomerListRecord", 400, "The Customer List or Customer List Item record has a field that is missing or not valid."),
    // File-level warning, listed in the request's Errors while the import goes on.
    UNKNOWN_COLUMNS_IGNORED(3308, "UnknownColumnsIgnored", 400, "The file has columns the service does not know; they were ignored.");

    /** Whether the code is a warning (3308): listed among a request's errors, yet nothing failed for it. */
    public static boolean isWarning(int code) {
        return code == UNKNOWN_COLUMNS_IGNORED.code;
    }

    private final int code;
    private final String errorCode;
    private final int httpStatus;
    private final String message;

    ErrorCode(int code, String errorCode, int httpStatus, String message) {
        this.code = code;
        this.errorCode = errorCode;
        this.httpStatus = httpStatus;
        this.message = message;
    }

    public int code() {
        return code;
    }

    /** The symbolic name clients match on (the contract's ErrorCode column). */
    public String errorCode() {
        return errorCode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String message() {
        return message;
    }
}

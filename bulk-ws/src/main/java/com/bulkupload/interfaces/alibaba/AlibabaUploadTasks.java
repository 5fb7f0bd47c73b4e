package com.bulkupload.interfaces.alibaba;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.CallerContext;
import com.bulkupload.application.requests.FileSubmissionService;
import com.bulkupload.application.requests.OpenRequestCommand;
import com.bulkupload.application.requests.OpenedRequest;
import com.bulkupload.application.requests.OperationErrorView;
import com.bulkupload.application.requests.UploadRequestService;
import com.bulkupload.application.requests.UploadStatusView;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.upload.Protocol;
import com.bulkupload.domain.model.upload.ResponseMode;
import com.bulkupload.interfaces.web.ResultLinks;
import java.util.Map;

/**
 * BatchUploadCustomerManagement and QueryUploadTask (CONTRACT §10): an upload task is an upload
 * request whose file the server downloads from {@code FileUrl}; its UploadTaskId is the RequestId.
 */
final class AlibabaUploadTasks {

    private final FileSubmissionService files;
    private final UploadRequestService requests;
    private final ResultLinks links;

    AlibabaUploadTasks(FileSubmissionService files, UploadRequestService requests, ResultLinks links) {
        this.files = files;
        this.requests = requests;
        this.links = links;
    }

    AlibabaJson.UploadTaskCreated submit(CallerContext caller, Map<String, String> parameters) {
        long listId = id(required(parameters, "CustomerListId"), "CustomerListId");
        String fileName = required(parameters, "FileName");
        String fileUrl = required(parameters, "FileUrl");
        OpenedRequest opened = files.submitRemote(caller, new OpenRequestCommand(ResponseMode.ErrorsAndResults.name(), caller.accountId(),
                listId, null, null, null), Protocol.Alibaba, fileUrl, fileName);
        return new AlibabaJson.UploadTaskCreated(true, "The file will be downloaded and imported; query the task for its progress.",
                opened.requestId());
    }

    AlibabaJson.UploadTask query(CallerContext caller, Map<String, String> parameters) {
        UploadStatusView status = requests.status(caller, required(parameters, "UploadTaskId"));
        String state = switch (status.requestStatus()) {
            case PendingFileUpload -> status.downloading() ? "Downloading" : "Pending";
            case FileUploaded, InProgress -> "Importing";
            case Completed -> "Success";
            case CompletedWithErrors -> "PartialSuccess";
            case Failed, UploadFileRowCountExceeded, UploadFileFormatNotSupported -> "Failed";
        };
        String error = status.failure().map(OperationErrorView::reason).orElse(null);
        return new AlibabaJson.UploadTask(status.requestId(), state, status.percentComplete(), status.rowsProcessed(),
                status.rowsProcessed() - status.rowsFailed(), status.rowsFailed(), state.equals("Failed") ? error : null,
                links.resultFileUrl(status));
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            throw new BulkApiException(ErrorCode.MISSING_PARAMETER, "The input parameter \"" + name + "\" that is mandatory for processing this request is not supplied.");
        }
        return value.trim();
    }

    private static long id(String value, String name) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BulkApiException(ErrorCode.INVALID_PARAMETER, name + " must be a whole number.");
        }
    }
}

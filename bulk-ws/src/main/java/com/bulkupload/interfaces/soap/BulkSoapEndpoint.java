package com.bulkupload.interfaces.soap;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.requests.EntityRecordUploads;
import com.bulkupload.application.requests.OpenRequestCommand;
import com.bulkupload.application.requests.OpenedRequest;
import com.bulkupload.application.requests.OperationErrorView;
import com.bulkupload.application.requests.UploadRequestService;
import com.bulkupload.application.requests.UploadStatusView;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.upload.Protocol;
import com.bulkupload.interfaces.web.CallerContexts;
import com.bulkupload.interfaces.web.ResultLinks;
import com.bulkupload.wsdl.arrays.ArrayOfstring;
import com.bulkupload.wsdl.generic.ArrayOfKeyValuePairOfstringstring;
import com.bulkupload.wsdl.generic.KeyValuePairOfstringstring;
import com.bulkupload.wsdl.v13.ArrayOfOperationError;
import com.bulkupload.wsdl.v13.GetBulkUploadStatusRequest;
import com.bulkupload.wsdl.v13.GetBulkUploadStatusResponse;
import com.bulkupload.wsdl.v13.GetBulkUploadUrlRequest;
import com.bulkupload.wsdl.v13.GetBulkUploadUrlResponse;
import com.bulkupload.wsdl.v13.IBulkService;
import com.bulkupload.wsdl.v13.OperationError;
import com.bulkupload.wsdl.v13.UploadEntityRecordsRequest;
import com.bulkupload.wsdl.v13.UploadEntityRecordsResponse;
import jakarta.jws.WebService;
import java.util.List;

/** The SOAP adapter: generated v13 types in, application service, generated types out. */
@WebService(serviceName = "BulkService", portName = "BasicHttpBinding_IBulkService",
        targetNamespace = SoapNames.NS, endpointInterface = "com.bulkupload.wsdl.v13.IBulkService",
        wsdlLocation = "classpath:wsdl/BulkService.wsdl")
public class BulkSoapEndpoint implements IBulkService {

    private final UploadRequestService requests;
    private final EntityRecordUploads entityRecords;
    private final ResultLinks links;

    public BulkSoapEndpoint(UploadRequestService requests, EntityRecordUploads entityRecords, ResultLinks links) {
        this.requests = requests;
        this.entityRecords = entityRecords;
        this.links = links;
    }

    @Override
    public GetBulkUploadUrlResponse getBulkUploadUrl(GetBulkUploadUrlRequest request) {
        if (request == null) {
            throw new BulkApiException(ErrorCode.NULL_REQUEST, "GetBulkUploadUrlRequest is missing.");
        }
        OpenedRequest result = requests.open(CallerContexts.current(), new OpenRequestCommand(
                request.getResponseMode(), request.getAccountId(), request.getCustomerListId(),
                request.getLookupField(), request.getPartitionName(), request.getClientRequestToken()), Protocol.Bing);
        GetBulkUploadUrlResponse response = new GetBulkUploadUrlResponse();
        response.setRequestId(result.requestId());
        response.setUploadUrl(links.uploadUrl(result.requestId()));
        return response;
    }

    @Override
    public GetBulkUploadStatusResponse getBulkUploadStatus(GetBulkUploadStatusRequest request) {
        if (request == null) {
            throw new BulkApiException(ErrorCode.NULL_REQUEST, "GetBulkUploadStatusRequest is missing.");
        }
        UploadStatusView status = requests.status(CallerContexts.current(), request.getRequestId());
        GetBulkUploadStatusResponse response = new GetBulkUploadStatusResponse();
        // every element always there, nil when empty: Microsoft's WSDL declares them so
        response.setErrors(errors(status.errors()));
        ArrayOfKeyValuePairOfstringstring counters = new ArrayOfKeyValuePairOfstringstring();
        status.counters().forEach((key, value) -> {
            KeyValuePairOfstringstring entry = new KeyValuePairOfstringstring();
            entry.setKey(key);
            entry.setValue(value);
            counters.getKeyValuePairOfstringstring().add(entry);
        });
        response.setForwardCompatibilityMap(counters);
        response.setPercentComplete(status.percentComplete());
        response.setRequestStatus(status.requestStatus().name());
        response.setResultFileUrl(links.resultFileUrl(status));
        return response;
    }

    /** Microsoft's UploadEntityRecords: a bulk file's lines inline, answered with the result records, or InProgress and a RequestId. */
    @Override
    public UploadEntityRecordsResponse uploadEntityRecords(UploadEntityRecordsRequest request) {
        if (request == null) {
            throw new BulkApiException(ErrorCode.NULL_REQUEST, "UploadEntityRecordsRequest is missing.");
        }
        EntityRecordUploads.Answer answer = entityRecords.upload(CallerContexts.current(), request.getAccountId(),
                request.getResponseMode(), request.getEntityRecords() == null ? null : request.getEntityRecords().getString());
        UploadEntityRecordsResponse response = new UploadEntityRecordsResponse();
        if (answer.resultRecords() != null) {
            ArrayOfstring records = new ArrayOfstring();
            records.getString().addAll(answer.resultRecords());
            response.setEntityRecords(records);
        }
        response.setErrors(errors(answer.errors()));
        response.setRequestId(answer.requestId());
        response.setRequestStatus(answer.status().name());
        return response;
    }

    /** Null when there are none: Microsoft's answers carry a nil Errors then. */
    private static ArrayOfOperationError errors(List<OperationErrorView> views) {
        if (views.isEmpty()) {
            return null;
        }
        ArrayOfOperationError errors = new ArrayOfOperationError();
        for (OperationErrorView view : views) {
            OperationError error = new OperationError();
            error.setCode(view.code());
            error.setDetails(view.details());
            error.setErrorCode(view.errorCode());
            error.setMessage(view.message());
            errors.getOperationError().add(error);
        }
        return errors;
    }
}

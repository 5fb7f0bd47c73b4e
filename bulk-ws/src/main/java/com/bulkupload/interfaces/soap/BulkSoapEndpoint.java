package com.bulkupload.interfaces.soap;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.requests.OpenRequestCommand;
import com.bulkupload.application.requests.OpenedRequest;
import com.bulkupload.application.requests.OperationErrorView;
import com.bulkupload.application.requests.UploadRequestService;
import com.bulkupload.application.requests.UploadStatusView;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.upload.Protocol;
import com.bulkupload.interfaces.web.CallerContexts;
import com.bulkupload.interfaces.web.ResultLinks;
import com.bulkupload.wsdl.generic.ArrayOfKeyValuePairOfstringstring;
import com.bulkupload.wsdl.generic.KeyValuePairOfstringstring;
import com.bulkupload.wsdl.v13.ArrayOfOperationError;
import com.bulkupload.wsdl.v13.GetBulkUploadStatusRequest;
import com.bulkupload.wsdl.v13.GetBulkUploadStatusResponse;
import com.bulkupload.wsdl.v13.GetBulkUploadUrlRequest;
import com.bulkupload.wsdl.v13.GetBulkUploadUrlResponse;
import com.bulkupload.wsdl.v13.IBulkService;
import com.bulkupload.wsdl.v13.OperationError;
import jakarta.jws.WebService;

/** The SOAP adapter: generated v13 types in, application service, generated types out. */
@WebService(serviceName = "BulkService", portName = "BasicHttpBinding_IBulkService",
        targetNamespace = SoapNames.NS, endpointInterface = "com.bulkupload.wsdl.v13.IBulkService",
        wsdlLocation = "classpath:wsdl/BulkService.wsdl")
public class BulkSoapEndpoint implements IBulkService {

    private final UploadRequestService requests;
    private final ResultLinks links;

    public BulkSoapEndpoint(UploadRequestService requests, ResultLinks links) {
        this.requests = requests;
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
        if (!status.errors().isEmpty()) {
            ArrayOfOperationError errors = new ArrayOfOperationError();
            for (OperationErrorView view : status.errors()) {
                OperationError error = new OperationError();
                error.setCode(view.code());
                error.setDetails(view.details());
                error.setErrorCode(view.errorCode());
                error.setMessage(view.message());
                errors.getOperationError().add(error);
            }
            response.setErrors(errors);
        }
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
}

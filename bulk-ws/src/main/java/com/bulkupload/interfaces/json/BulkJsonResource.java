package com.bulkupload.interfaces.json;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.requests.EntityRecordUploads;
import com.bulkupload.application.requests.OpenRequestCommand;
import com.bulkupload.application.requests.OpenedRequest;
import com.bulkupload.application.requests.UploadRequestService;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.upload.Protocol;
import com.bulkupload.interfaces.web.Authenticated;
import com.bulkupload.interfaces.web.CallerContexts;
import com.bulkupload.interfaces.web.ResultLinks;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The JSON mirror of the SOAP operations: same names, same fields, same service. */
@Path("/")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class BulkJsonResource {

    private final UploadRequestService requests;
    private final EntityRecordUploads entityRecords;
    private final ResultLinks links;

    public BulkJsonResource(UploadRequestService requests, EntityRecordUploads entityRecords, ResultLinks links) {
        this.requests = requests;
        this.entityRecords = entityRecords;
        this.links = links;
    }

    @POST
    @Path("/BulkUploadUrl/Query")
    public BulkJson.GetBulkUploadUrlResponse getBulkUploadUrl(BulkJson.GetBulkUploadUrlRequest request) {
        if (request == null) {
            throw new BulkApiException(ErrorCode.NULL_REQUEST, "The body is missing.");
        }
        OpenedRequest result = requests.open(CallerContexts.current(), new OpenRequestCommand(
                request.responseMode(), request.accountId(), request.customerListId(), request.lookupField(),
                request.partitionName(), request.clientRequestToken(), request.columnMappings()), Protocol.Bing);
        return new BulkJson.GetBulkUploadUrlResponse(result.requestId(), links.uploadUrl(result.requestId()));
    }

    @POST
    @Path("/BulkUploadStatus/Query")
    public BulkJson.GetBulkUploadStatusResponse getBulkUploadStatus(BulkJson.GetBulkUploadStatusRequest request) {
        if (request == null) {
            throw new BulkApiException(ErrorCode.NULL_REQUEST, "The body is missing.");
        }
        return BulkJson.GetBulkUploadStatusResponse.of(
                requests.status(CallerContexts.current(), request.requestId()), links);
    }

    @POST
    @Path("/EntityRecords/Upload")
    public BulkJson.UploadEntityRecordsResponse uploadEntityRecords(BulkJson.UploadEntityRecordsRequest request) {
        if (request == null) {
            throw new BulkApiException(ErrorCode.NULL_REQUEST, "The body is missing.");
        }
        return BulkJson.UploadEntityRecordsResponse.of(entityRecords.upload(CallerContexts.current(), request.accountId(),
                request.responseMode(), request.entityRecords()));
    }
}

package com.bulkupload.interfaces.alibaba;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** Alibaba Cloud's RPC bodies for this API (CONTRACT §10), spelled as Alibaba spells them. */
public final class AlibabaJson {

    private AlibabaJson() {
    }

    @JsonPropertyOrder({"RequestId", "Success", "Code", "Message", "Data"})
    public record Answer(@JsonProperty("RequestId") String requestId,
                         @JsonProperty("Success") boolean success,
                         @JsonProperty("Code") String code,
                         @JsonProperty("Message") String message,
                         @JsonProperty("Data") Object data) {

        static Answer of(String requestId, Object data) {
            return new Answer(requestId, true, null, "Success", data);
        }
    }

    @JsonPropertyOrder({"RequestId", "HostId", "Code", "Message", "Recommend"})
    public record Error(@JsonProperty("RequestId") String requestId,
                        @JsonProperty("HostId") String hostId,
                        @JsonProperty("Code") String code,
                        @JsonProperty("Message") String message,
                        @JsonProperty("Recommend") String recommend) {
    }

    @JsonPropertyOrder({"Records", "TotalCount", "PageNumber", "PageSize"})
    public record ListPage(@JsonProperty("Records") List<ListRecord> records,
                           @JsonProperty("TotalCount") long totalCount,
                           @JsonProperty("PageNumber") int pageNumber,
                           @JsonProperty("PageSize") int pageSize) {
    }

    @JsonPropertyOrder({"Id", "Name", "CustomerCount", "CreateTime"})
    public record ListRecord(@JsonProperty("Id") long id,
                             @JsonProperty("Name") String name,
                             @JsonProperty("CustomerCount") long customerCount,
                             @JsonProperty("CreateTime") String createTime) {
    }

    @JsonPropertyOrder({"Success", "Message", "UploadTaskId"})
    public record UploadTaskCreated(@JsonProperty("Success") boolean success,
                                    @JsonProperty("Message") String message,
                                    @JsonProperty("UploadTaskId") String uploadTaskId) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"UploadTaskId", "Status", "Progress", "TotalCount", "SuccessCount", "FailedCount", "ErrorMessage", "ResultFileUrl"})
    public record UploadTask(@JsonProperty("UploadTaskId") String uploadTaskId,
                             @JsonProperty("Status") String status,
                             @JsonProperty("Progress") int progress,
                             @JsonProperty("TotalCount") long totalCount,
                             @JsonProperty("SuccessCount") long successCount,
                             @JsonProperty("FailedCount") long failedCount,
                             @JsonProperty("ErrorMessage") String errorMessage,
                             @JsonProperty("ResultFileUrl") String resultFileUrl) {
    }
}

package com.bulkupload.interfaces.marketo;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** The JSON bodies of Marketo's bulk lead import, spelled as Marketo spells them. */
public final class MarketoJson {

    private MarketoJson() {
    }

    /** Every answer: {@code result} when it worked, {@code errors} when it did not. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"requestId", "success", "result", "errors"})
    public record Envelope(@JsonProperty("requestId") String requestId,
                           @JsonProperty("success") boolean success,
                           @JsonProperty("result") List<Batch> result,
                           @JsonProperty("errors") List<Error> errors) {

        static Envelope of(String requestId, Batch batch) {
            return new Envelope(requestId, true, List.of(batch), null);
        }

        static Envelope failure(String requestId, String code, String message) {
            return new Envelope(requestId, false, null, List.of(new Error(code, message)));
        }
    }

    /** A batch as the import call (its first four fields) and the status call (all of them) show it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"batchId", "importId", "status", "numOfLeadsProcessed", "numOfRowsFailed", "numOfRowsWithWarning", "message"})
    public record Batch(@JsonProperty("batchId") long batchId,
                        @JsonProperty("importId") String importId,
                        @JsonProperty("status") String status,
                        @JsonProperty("numOfLeadsProcessed") Long numOfLeadsProcessed,
                        @JsonProperty("numOfRowsFailed") Long numOfRowsFailed,
                        @JsonProperty("numOfRowsWithWarning") Long numOfRowsWithWarning,
                        @JsonProperty("message") String message) {
    }

    @JsonPropertyOrder({"code", "message"})
    public record Error(@JsonProperty("code") String code, @JsonProperty("message") String message) {
    }
}

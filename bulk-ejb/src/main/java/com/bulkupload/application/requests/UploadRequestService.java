package com.bulkupload.application.requests;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.CallerContext;
import com.bulkupload.application.ImportMetrics;
import com.bulkupload.domain.model.customer.ColumnMappings;
import com.bulkupload.domain.model.customer.CustomerListRepository;
import com.bulkupload.domain.model.customer.LookupField;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.tenant.Account;
import com.bulkupload.domain.model.tenant.TenantRepository;
import com.bulkupload.domain.model.upload.Protocol;
import com.bulkupload.domain.model.upload.RequestId;
import com.bulkupload.domain.model.upload.RequestStatus;
import com.bulkupload.domain.model.upload.ResponseMode;
import com.bulkupload.domain.model.upload.TextFormat;
import com.bulkupload.domain.model.upload.UploadRequest;
import com.bulkupload.domain.model.upload.UploadRequestRepository;
import com.bulkupload.domain.model.upload.UploadStatusSnapshot;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Upload requests, whatever protocol carries them: open one (its options checked here, once for
 * every protocol), read its status, list an account's requests. Every adapter calls exactly these
 * methods with an authenticated {@link CallerContext}; the file itself comes through
 * {@link FileSubmissionService}.
 */
@Stateless
public class UploadRequestService {

    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_TOKEN_LENGTH = 100;
    static final String DEFAULT_PARTITION = "Default";

    @Inject
    TenantRepository tenants;

    @Inject
    CustomerListRepository lists;

    @Inject
    UploadRequestRepository uploads;

    @Inject
    BulkSettings settings;

    @Inject
    ImportMetrics metrics = ImportMetrics.NONE;

    Clock clock = Clock.systemUTC();

    /**
     * Opens an upload request that waits for its file (Bing's GetBulkUploadUrl), or finds the one
     * the same ClientRequestToken opened within 24 hours. A request opened from the web console
     * is the Console protocol's, whichever API the console called.
     */
    public OpenedRequest open(CallerContext caller, OpenRequestCommand command, Protocol adapterProtocol) {
        Protocol protocol = caller.viaConsole() ? Protocol.Console : adapterProtocol;
        if (command == null) {
            throw new BulkApiException(ErrorCode.NULL_REQUEST, "GetBulkUploadUrlRequest is missing.");
        }
        if (command.accountId() == null) {
            throw new BulkApiException(ErrorCode.NULL_REQUEST, "AccountId is required.");
        }
        if (!command.accountId().equals(caller.accountId())) {
            throw new BulkApiException(ErrorCode.USER_IS_NOT_AUTHORIZED, "AccountId must equal the CustomerAccountId header.");
        }
        ResponseMode responseMode = ResponseMode.parse(command.responseMode())
                .orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_RESPONSE_MODE, "ResponseMode '" + command.responseMode() + "' is not known."));
        LookupField lookupField = LookupField.parse(command.lookupField())
                .orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_LOOKUP_FIELD, "LookupField '" + command.lookupField() + "' is not known."));
        String partition = command.partitionName() == null ? DEFAULT_PARTITION : command.partitionName().trim();
        if (partition.isEmpty() || partition.length() > MAX_NAME_LENGTH) {
            throw new BulkApiException(ErrorCode.INVALID_PARTITION_NAME);
        }
        String token = command.clientRequestToken();
        if (token != null && (token.isBlank() || token.length() > MAX_TOKEN_LENGTH)) {
            throw new BulkApiException(ErrorCode.INVALID_CLIENT_REQUEST_TOKEN);
        }
        ColumnMappings mappings = columnMappings(command.columnMappings());

        // One upload at a time per account passes this point on any node: the quota check and the
        // idempotency look-up below cannot race with a twin request.
        Account account = tenants.lockAccount(caller.accountId())
                .orElseThrow(() -> new BulkApiException(ErrorCode.USER_IS_NOT_AUTHORIZED));
        Instant now = clock.instant();

        if (token != null) {
            Optional<UploadRequest> earlier = uploads.findByClientRequestToken(account.id(), token);
            if (earlier.isPresent() && earlier.get().isWithinIdempotencyWindow(now)) {
                return new OpenedRequest(earlier.get().requestId(), earlier.get().batchId(), true);
            }
            earlier.ifPresent(UploadRequest::releaseClientRequestToken);
        }

        Long listId = command.customerListId() == null ? account.defaultListId() : command.customerListId();
        lists.findInAccount(listId, account.id())
                .orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_CUSTOMER_LIST,
                        "CustomerListId " + command.customerListId() + " is not a list of this account."));

        ActiveUploadCap.refuseIfReached(uploads, settings, account.id(), ".");

        RequestId requestId = RequestId.newRandom();
        long batchId = uploads.nextBatchId();
        UploadRequest request = new UploadRequest(requestId, batchId, account.id(), listId, responseMode, lookupField, partition,
                token, caller.clientId(), protocol, now, now.plus(settings.uploadWindow()));
        request.mapColumns(mappings);
        uploads.store(request);
        return new OpenedRequest(requestId.value(), batchId, false);
    }

    /** Column mappings as a client sent them, judged (3222 when they cannot be). */
    public static ColumnMappings columnMappings(Map<String, String> mappings) {
        try {
            return ColumnMappings.of(mappings);
        } catch (IllegalArgumentException e) {
            throw new BulkApiException(ErrorCode.INVALID_COLUMN_MAPPING, e.getMessage());
        }
    }

    /** The status of one of the account's requests; another account's answers as unknown (3200). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // see statusOf
    public UploadStatusView status(CallerContext caller, String requestId) {
        if (requestId == null || requestId.isBlank()) {
            throw new BulkApiException(ErrorCode.NULL_REQUEST, "RequestId is required.");
        }
        return statusOf(() -> uploads.statusInAccount(requestId, caller.accountId()),
                () -> uploads.findInAccount(requestId, caller.accountId()),
                () -> new BulkApiException(ErrorCode.INVALID_REQUEST_ID));
    }

    /**
     * The status of the account's request with that batchId (Marketo's clients know a request by
     * it); another account's answers exactly as an unknown one (3200).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // see statusOf
    public UploadStatusView statusOfBatch(CallerContext caller, long batchId) {
        return statusOf(() -> uploads.statusOfBatchInAccount(batchId, caller.accountId()),
                () -> uploads.findByBatchIdInAccount(batchId, caller.accountId()),
                () -> new BulkApiException(ErrorCode.INVALID_REQUEST_ID, "No batch " + batchId + "."));
    }

    /**
     * The status of the request found (or the refusal), timed for the status-call metric, whichever
     * protocol asked. Called without a transaction (the status calls are the hottest path: polling
     * clients): one query for the answer, nothing loaded, flushed or committed. A request still
     * waiting for its file is loaded and asked whether its upload window has closed: the expiry
     * timer may not have run yet, and the answer must be right anyway (outside a transaction this
     * changes only the answer: the timer records the expiry).
     */
    private UploadStatusView statusOf(Supplier<Optional<UploadStatusSnapshot>> snapshot, Supplier<Optional<UploadRequest>> request,
                                      Supplier<BulkApiException> unknown) {
        long started = System.nanoTime();
        try {
            UploadStatusSnapshot found = snapshot.get().orElseThrow(unknown);
            if (found.status() != RequestStatus.PendingFileUpload) {
                return view(found);
            }
            UploadRequest waiting = request.get().orElseThrow(unknown);
            waiting.expireIfNoFileBy(clock.instant());
            return view(waiting);
        } finally {
            metrics.statusAnswered(java.time.Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static UploadStatusView view(UploadRequest request) {
        return view(request.statusSnapshot());
    }

    private static UploadStatusView view(UploadStatusSnapshot status) {
        return new UploadStatusView(status.requestId(), status.batchId(), status.status(), status.percentComplete(),
                status.rowsProcessed(), status.rowsFailed(), status.rowsWithWarning(),
                status.errors().stream().map(e -> new OperationErrorView(e.code(), e.details(), e.errorCode(), e.message())).toList(),
                status.hasResultFile(), status.isDownloading());
    }

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;

    /** One request in an account's list of uploads (CONTRACT §8). */
    /** {@code columnMappings}: the ones the request's file is read with (its own, or its list's default once the import began); empty when none. */
    /**
     * @param readFormat     the delimited format the import reads the file as (null: a workbook, or not read yet)
     * @param columnMappings the mappings the file is read with: its own, or its list's default once the import began
     */
    public record UploadSummary(UploadStatusView status, Protocol protocol, Instant createdAt, String fileName, Long customerListId,
                                TextFormat readFormat, Map<String, String> columnMappings) {

        static UploadSummary of(UploadRequest request, UploadStatusView status) {
            return new UploadSummary(status, request.protocol(), request.createdAt(), request.file().fileName(),
                    request.target().customerListId(), request.file().readFormat(), request.target().columnMappings().asMap());
        }
    }

    /** One of the account's requests as §8 lists it; another account's answers as unknown (3200). */
    public UploadSummary upload(CallerContext caller, String requestId) {
        UploadRequest request = uploads.findInAccount(requestId, caller.accountId())
                .orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_REQUEST_ID));
        request.expireIfNoFileBy(clock.instant());
        return UploadSummary.of(request, view(request));
    }

    public record UploadPage(List<UploadSummary> uploads, String nextPageToken) {
    }

    /**
     * Every request of the caller's account, whatever protocol created it, newest first; {@code
     * status} keeps only one RequestStatus. The page token is where the last page ended.
     */
    public UploadPage list(CallerContext caller, String status, Integer pageSize, String pageToken) {
        int size = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BulkApiException(ErrorCode.NULL_REQUEST, "pageSize must be 1 to " + MAX_PAGE_SIZE + ".");
        }
        RequestStatus only = null;
        if (status != null && !status.isBlank()) {
            only = java.util.Arrays.stream(RequestStatus.values()).filter(s -> s.name().equalsIgnoreCase(status.trim())).findFirst()
                    .orElseThrow(() -> new BulkApiException(ErrorCode.NULL_REQUEST, "status must be a RequestStatus."));
        }
        List<UploadRequest> found = uploads.pageInAccount(caller.accountId(), only, PageTokens.decode(pageToken), size + 1);
        Instant now = clock.instant();
        found.forEach(r -> r.expireIfNoFileBy(now));
        List<UploadSummary> page = found.stream().limit(size)
                .map(r -> UploadSummary.of(r, view(r))).toList();
        String next = found.size() > size ? PageTokens.encode(found.get(size - 1)) : null;
        return new UploadPage(page, next);
    }

    /** Where a page of uploads ended: the last request's creation time and RequestId. */
    static final class PageTokens {
        private PageTokens() {
        }

        static String encode(UploadRequest last) {
            return PageToken.encode("uploads", last.createdAt().getEpochSecond(), last.createdAt().getNano(), last.requestId());
        }

        static UploadRequestRepository.PageAfter decode(String token) {
            List<String> values = PageToken.decode(token, "uploads", 3);
            if (values == null) {
                return null;
            }
            try {
                RequestId id = RequestId.parse(values.get(2)).orElseThrow(PageToken::refused);
                return new UploadRequestRepository.PageAfter(Instant.ofEpochSecond(Long.parseLong(values.get(0)), Long.parseLong(values.get(1))), id.value());
            } catch (NumberFormatException | java.time.DateTimeException e) {
                throw PageToken.refused();
            }
        }
    }
}

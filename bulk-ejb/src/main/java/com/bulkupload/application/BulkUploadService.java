package com.bulkupload.application;

import com.bulkupload.domain.model.customer.CustomerListRepository;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.tenant.Account;
import com.bulkupload.domain.model.tenant.TenantRepository;
import com.bulkupload.domain.model.upload.LookupField;
import com.bulkupload.domain.model.upload.ResponseMode;
import com.bulkupload.domain.model.upload.UploadRequest;
import com.bulkupload.domain.model.upload.UploadRequestRepository;
import com.bulkupload.infrastructure.config.BulkSettings;
import com.bulkupload.infrastructure.security.Secrets;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The bulk operations, whatever protocol carries them: SOAP and JSON adapters call exactly these
 * methods with an authenticated {@link CallerContext}.
 */
@Stateless
public class BulkUploadService {

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

    Clock clock = Clock.systemUTC();

    public OpenedRequest getBulkUploadUrl(CallerContext caller, UploadUrlCommand command) {
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

        // One upload at a time per account passes this point on any node: the quota check and the
        // idempotency look-up below cannot race with a twin request.
        Account account = tenants.lockAccount(caller.accountId())
                .orElseThrow(() -> new BulkApiException(ErrorCode.USER_IS_NOT_AUTHORIZED));
        Instant now = clock.instant();

        if (token != null) {
            Optional<UploadRequest> earlier = uploads.findByClientRequestToken(account.id(), token);
            if (earlier.isPresent() && earlier.get().isWithinIdempotencyWindow(now)) {
                return new OpenedRequest(earlier.get().requestId());
            }
            earlier.ifPresent(UploadRequest::releaseClientRequestToken);
        }

        Long listId = command.customerListId() == null ? account.defaultListId() : command.customerListId();
        lists.findInAccount(listId, account.id())
                .orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_CUSTOMER_LIST,
                        "CustomerListId " + command.customerListId() + " is not a list of this account."));

        ActiveUploadCap.refuseIfReached(uploads, settings, account.id(), ".");

        String requestId = Secrets.newId("");
        uploads.store(new UploadRequest(requestId, account.id(), listId, responseMode, lookupField, partition,
                token, caller.clientId(), now, now.plus(settings.uploadWindow())));
        return new OpenedRequest(requestId);
    }

    public UploadStatusView getBulkUploadStatus(CallerContext caller, String requestId) {
        if (requestId == null || requestId.isBlank()) {
            throw new BulkApiException(ErrorCode.NULL_REQUEST, "RequestId is required.");
        }
        UploadRequest request = uploads.findInAccount(requestId.trim(), caller.accountId())
                .orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_REQUEST_ID));
        // The expiry timer may not have run yet; the answer must be right anyway.
        Instant now = clock.instant();
        request.expireIfNoFileBy(now);
        return new UploadStatusView(request.requestId(), request.status().name(), request.percentComplete(),
                request.rowsProcessed(), request.rowsFailed(), request.rowsWithWarning(),
                request.errors().stream().map(e -> new OperationErrorView(e.code(), e.details(), e.errorCode(), e.message())).toList(),
                request.hasResultFile());
    }
}

package com.bulkupload.application.identity;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.FileStore;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.upload.UploadRequestRepository;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived signed links to result files: an HMAC-SHA256 over the RequestId and the expiry (the
 * adapter serving the files builds the URL, e.g. {@code /files/results/{RequestId}?expires=..&signature=..}). The key is a {@link ServerSecrets}
 * secret, the same on every node, so a URL signed by one node is honoured by every other.
 */
@Singleton
@Lock(LockType.READ)
// signing reads nothing but the key, loaded once: no transaction for each status call's link
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ResultFileUrls {

    private static final String KEY_NAME = "result-file-url-hmac";

    @Inject
    Secrets hashes;

    @Inject
    ServerSecrets secrets;

    @Inject
    BulkSettings settings;

    @Inject
    UploadRequestRepository uploads;

    @Inject
    FileStore storage;

    private volatile byte[] key;

    /** One keyed Mac per thread: a Mac is not thread-safe, and looking one up and keying it cost every status call. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    });

    /** A signature for the result file of the request, valid for the configured lifetime from now. */
    public SignedLink sign(String requestId, Instant now) {
        long expires = now.plus(settings.resultUrlLifetime()).getEpochSecond();
        return new SignedLink(requestId, expires, sign(requestId, expires));
    }

    /** What a result link carries: the adapter that serves result files puts it in its own URL. */
    public record SignedLink(String requestId, long expires, String signature) {
    }

    /** @throws BulkApiException 3214 for a forged, altered or expired URL */
    public void verify(String requestId, String expires, String signature, Instant now) {
        long expiry;
        try {
            expiry = Long.parseLong(expires);
        } catch (NumberFormatException | NullPointerException e) {
            throw new BulkApiException(ErrorCode.INVALID_RESULT_FILE_URL);
        }
        if (!hashes.constantTimeEquals(sign(requestId, expiry), signature)) {
            throw new BulkApiException(ErrorCode.INVALID_RESULT_FILE_URL);
        }
        if (now.getEpochSecond() >= expiry) {
            throw new BulkApiException(ErrorCode.INVALID_RESULT_FILE_URL, "The URL expired; call GetBulkUploadStatus for a fresh one.");
        }
    }

    /** The request's result file (the claim that committed it: FileStore#result); check the link with {@link #verify} first. */
    public Path file(String requestId) {
        return storage.result(requestId, uploads.find(requestId).map(request -> request.progress().resultClaim()).orElse(0));
    }

    private String sign(String requestId, long expires) {
        return HexFormat.of().formatHex(macs.get().doFinal((requestId + ":" + expires).getBytes(StandardCharsets.UTF_8)));
    }

    private byte[] key() {
        if (key == null) {
            key = secrets.secret(KEY_NAME);
        }
        return key;
    }

    /** Called once at start-up, so that the first status call does not pay for it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void createKeyIfMissing() {
        key();
    }
}

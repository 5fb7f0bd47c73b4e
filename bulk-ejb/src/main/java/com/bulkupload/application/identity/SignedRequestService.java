package com.bulkupload.application.identity;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.CallerContext;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.tenant.Account;
import com.bulkupload.domain.model.tenant.TenantRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticates the calls of the signed protocols (Alibaba Cloud's RPC, Taobao TOP) with a
 * signing key (CONTRACT §7, §10, §11). The adapter builds the string its protocol signs; this
 * recomputes the signature with the key's secret and checks, in this order, so that a caller
 * learns no more than the first thing wrong: the key exists and is not revoked, the timestamp is
 * within 15 minutes, the signature matches (compared in constant time), and the nonce was never
 * used with this key on any node. Only a request that passed everything uses up its nonce.
 */
@Stateless
public class SignedRequestService {

    /** How far an Alibaba request's timestamp may be from the server's clock, either way; nonces are kept as long. */
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** Taobao TOP's window (CONTRACT §11). */
    public static final Duration TOP_WINDOW = Duration.ofMinutes(10);

    /**
     * How a protocol turns the key's secret and the string to sign into a signature, how far its
     * timestamps may stray, and whether it sends a nonce (Taobao TOP sends none: its replays are
     * bounded by the timestamp window alone).
     */
    public enum Algorithm {
        /** Alibaba's V3: hex HMAC-SHA256 under the secret. */
        ACS3_HMAC_SHA256(WINDOW, true, false) {
            @Override
            String sign(String secret, String stringToSign) {
                return HexFormat.of().formatHex(mac("HmacSHA256", secret, stringToSign));
            }
        },
        /** Alibaba's V2 (SignatureVersion 1.0): base64 HMAC-SHA1 under the secret and "&". */
        HMAC_SHA1(WINDOW, true, false) {
            @Override
            String sign(String secret, String stringToSign) {
                return Base64.getEncoder().encodeToString(mac("HmacSHA1", secret + "&", stringToSign));
            }
        },
        /** Taobao TOP's {@code md5}: upper-case hex MD5 of secret + string + secret. */
        TOP_MD5(TOP_WINDOW, false, true) {
            @Override
            String sign(String secret, String stringToSign) {
                try {
                    return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5")
                            .digest((secret + stringToSign + secret).getBytes(StandardCharsets.UTF_8)));
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("MD5 is not available", e);
                }
            }
        },
        /** Taobao TOP's {@code hmac}: upper-case hex HMAC-MD5 under the secret. */
        TOP_HMAC_MD5(TOP_WINDOW, false, true) {
            @Override
            String sign(String secret, String stringToSign) {
                return HexFormat.of().withUpperCase().formatHex(mac("HmacMD5", secret, stringToSign));
            }
        },
        /** Taobao TOP's {@code hmac-sha256}: upper-case hex HMAC-SHA256 under the secret. */
        TOP_HMAC_SHA256(TOP_WINDOW, false, true) {
            @Override
            String sign(String secret, String stringToSign) {
                return HexFormat.of().withUpperCase().formatHex(mac("HmacSHA256", secret, stringToSign));
            }
        };

        private final Duration window;
        private final boolean nonces;
        /** Hex a client may write in either case (TOP's is upper case by definition). */
        private final boolean anyCase;

        Algorithm(Duration window, boolean nonces, boolean anyCase) {
            this.window = window;
            this.nonces = nonces;
            this.anyCase = anyCase;
        }

        abstract String sign(String secret, String stringToSign);

        static byte[] mac(String algorithm, String key, String message) {
            try {
                Mac mac = Mac.getInstance(algorithm);
                mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
                return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(algorithm + " is not available", e);
            }
        }
    }

    /** What a signed request claims: by which key, when, with which nonce, and its signature of {@code stringToSign}. */
    public record SignedRequest(String keyId, Algorithm algorithm, String stringToSign, String signature, Instant timestamp,
                                String nonce) {
    }

    @Inject
    Secrets secrets;

    @EJB
    SigningKeyService keys;

    @Inject
    TenantRepository tenants;

    Clock clock = Clock.systemUTC();

    /** The caller: the key's account, acting through that key. */
    public CallerContext verify(SignedRequest request) {
        boolean nonces = request.algorithm().nonces;
        if (isBlank(request.keyId()) || isBlank(request.signature()) || (nonces && isBlank(request.nonce()))) {
            throw new BulkApiException(ErrorCode.INCOMPLETE_SIGNATURE, "The key id, the signature and the nonce are all required.");
        }
        SigningKeyService.ActiveKey key = keys.activeKey(request.keyId().trim())
                .orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_ACCESS_KEY_ID, "Specified access key is not found."));
        Instant now = clock.instant();
        Duration window = request.algorithm().window;
        if (request.timestamp() == null || request.timestamp().isBefore(now.minus(window)) || request.timestamp().isAfter(now.plus(window))) {
            throw new BulkApiException(ErrorCode.TIMESTAMP_EXPIRED,
                    "The timestamp must be within " + window.toMinutes() + " minutes of the server's time.");
        }
        String expected = request.algorithm().sign(key.secret(), request.stringToSign());
        String given = request.algorithm().anyCase ? request.signature().trim().toUpperCase(java.util.Locale.ROOT) : request.signature().trim();
        if (!secrets.constantTimeEquals(expected, given)) {
            // the string the server signed is the client's to compare with its own, never the secret
            throw new BulkApiException(ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                    "The request signature does not conform to the signature the server computed. The server signed: "
                            + printable(request.stringToSign()));
        }
        if (nonces && (request.nonce().length() > 200
                || !tenants.useNonce(secrets.sha256(key.keyId() + "\n" + request.nonce()), request.timestamp().plus(window)))) {
            throw new BulkApiException(ErrorCode.SIGNATURE_NONCE_USED, "Specified signature nonce was used already.");
        }
        Account account = tenants.findAccount(key.accountId()).orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_ACCESS_KEY_ID));
        return new CallerContext(key.keyId(), account.tenantId(), account.id());
    }

    private static String printable(String text) {
        String shown = text.replace("\n", "\\n").replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 600 ? shown.substring(0, 600) + "..." : shown;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

package com.bulkupload.interfaces.alibaba;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.identity.SignedRequestService;
import com.bulkupload.domain.model.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an Alibaba Cloud request signs, rebuilt from the request as it arrived, for
 * {@link SignedRequestService} to verify: V3 {@code ACS3-HMAC-SHA256} (the SDKs' default) from its
 * {@code Authorization} header and canonical request, or V2 {@code HMAC-SHA1} from its parameters.
 */
final class AcsSignatures {

    static final String V3 = "ACS3-HMAC-SHA256";
    /** What a V3 request must sign: without them, its time, nonce or body could be swapped. */
    private static final Set<String> REQUIRED_V3_HEADERS = Set.of("host", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256");

    private AcsSignatures() {
    }

    /** ACS3's hash of a payload: lower-case hex of its SHA-256. */
    private static String sha256Hex(byte[] payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * @param query      the query parameters, decoded
     * @param parameters every parameter (query, form and JSON body merged), for V2
     */
    static SignedRequestService.SignedRequest of(HttpServletRequest request, Map<String, String> query, Map<String, String> parameters,
                                                 byte[] body) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.startsWith(V3 + " ")) {
            return v3(request, authorization.substring(V3.length() + 1), query, body);
        }
        if (parameters.containsKey("Signature")) {
            return v2(request.getMethod(), parameters);
        }
        throw new BulkApiException(ErrorCode.INCOMPLETE_SIGNATURE, "The request is not signed: send an ACS3-HMAC-SHA256 Authorization header, or Signature with SignatureVersion 1.0.");
    }

    private static SignedRequestService.SignedRequest v3(HttpServletRequest request, String credentials, Map<String, String> query, byte[] body) {
        Map<String, String> parts = new TreeMap<>();
        for (String part : credentials.split(",")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parts.put(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
            }
        }
        String keyId = parts.get("Credential");
        String signedHeaders = parts.get("SignedHeaders");
        String signature = parts.get("Signature");
        if (keyId == null || signedHeaders == null || signature == null) {
            throw new BulkApiException(ErrorCode.INCOMPLETE_SIGNATURE, "The Authorization header needs Credential, SignedHeaders and Signature.");
        }
        List<String> names = List.of(signedHeaders.toLowerCase(Locale.ROOT).split(";"));
        if (!names.containsAll(REQUIRED_V3_HEADERS)) {
            throw new BulkApiException(ErrorCode.INCOMPLETE_SIGNATURE,
                    "SignedHeaders must include host, x-acs-content-sha256, x-acs-date and x-acs-signature-nonce.");
        }
        String bodyHash = sha256Hex(body);
        if (!bodyHash.equalsIgnoreCase(String.valueOf(request.getHeader("x-acs-content-sha256")))) {
            throw new BulkApiException(ErrorCode.SIGNATURE_DOES_NOT_MATCH, "x-acs-content-sha256 is not the SHA-256 of the body.");
        }
        StringBuilder canonical = new StringBuilder();
        canonical.append(request.getMethod()).append('\n').append(request.getRequestURI()).append('\n');
        List<String> pairs = new ArrayList<>();
        new TreeMap<>(query).forEach((name, value) -> pairs.add(name + "=" + encode(value)));
        canonical.append(String.join("&", pairs)).append('\n');
        for (String name : names) {
            List<String> values = new ArrayList<>();
            for (String value : Collections.list(request.getHeaders(name))) {
                values.add(value.trim());
            }
            Collections.sort(values);
            canonical.append(name).append(':').append(String.join(",", values)).append('\n');
        }
        canonical.append('\n').append(signedHeaders).append('\n').append(bodyHash);
        String stringToSign = V3 + "\n" + sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
        return new SignedRequestService.SignedRequest(keyId, SignedRequestService.Algorithm.ACS3_HMAC_SHA256, stringToSign,
                signature.toLowerCase(Locale.ROOT), instant(request.getHeader("x-acs-date")), request.getHeader("x-acs-signature-nonce"));
    }

    private static SignedRequestService.SignedRequest v2(String method, Map<String, String> parameters) {
        if (!"HMAC-SHA1".equals(parameters.get("SignatureMethod")) || !"1.0".equals(parameters.get("SignatureVersion"))) {
            throw new BulkApiException(ErrorCode.INCOMPLETE_SIGNATURE, "SignatureMethod must be HMAC-SHA1 and SignatureVersion 1.0.");
        }
        List<String> pairs = new ArrayList<>();
        new TreeMap<>(parameters).forEach((name, value) -> {
            if (!name.equals("Signature")) {
                pairs.add(encode(name) + "=" + encode(value));
            }
        });
        String stringToSign = method + "&" + encode("/") + "&" + encode(String.join("&", pairs));
        return new SignedRequestService.SignedRequest(parameters.get("AccessKeyId"), SignedRequestService.Algorithm.HMAC_SHA1, stringToSign,
                parameters.get("Signature"), instant(parameters.get("Timestamp")), parameters.get("SignatureNonce"));
    }

    /** RFC 3986 percent-encoding, as Alibaba's SDKs write it: only A-Z a-z 0-9 - _ . ~ stay as they are. */
    static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null; // answered as a timestamp out of its window: there is no time to trust
        }
    }
}

package com.bulkupload.application;

import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.tenant.AccessToken;
import com.bulkupload.domain.model.tenant.Account;
import com.bulkupload.domain.model.tenant.ApiClient;
import com.bulkupload.domain.model.tenant.TenantRepository;
import com.bulkupload.infrastructure.config.BulkSettings;
import com.bulkupload.infrastructure.security.Secrets;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The one authenticator behind every protocol: issues OAuth client-credentials tokens and checks
 * the credentials of each call. Checks run in a fixed order so that a caller learns no more than
 * the first thing wrong: token (105), developer token (107), then customer and account (106).
 */
@Stateless
public class AuthenticationService {

    public static final String SCOPE = "bulk";

    @Inject
    TenantRepository tenants;

    @Inject
    BulkSettings settings;

    @Inject
    AuthenticatedCallers callers = new AuthenticatedCallers();

    @Inject
    TokenRequestThrottle throttle;

    Clock clock = Clock.systemUTC();

    /** A token for the client; {@code source} is the caller's network address, for throttling failures. */
    public IssuedToken issueToken(String clientId, String clientSecret, String source) {
        Instant now = clock.instant();
        String throttleKey = isBlank(clientId) ? "" : clientId.trim();
        throttle.check(throttleKey, source, now);
        if (isBlank(clientId) || isBlank(clientSecret)) {
            throttle.failed(throttleKey, source, now);
            throw new BulkApiException(ErrorCode.INVALID_CREDENTIALS, "client_id and client_secret are required.");
        }
        Optional<ApiClient> client = tenants.findClient(clientId.trim());
        // Verify a hash even for unknown clients, so response time does not tell which client ids exist.
        String storedHash = client.map(ApiClient::secretHash).orElse(UNKNOWN_CLIENT_HASH);
        boolean secretMatches = Secrets.verifyPassword(clientSecret, storedHash);
        if (client.isEmpty() || !secretMatches || client.get().isRevoked()) {
            throttle.failed(throttleKey, source, now);
            throw new BulkApiException(ErrorCode.INVALID_CREDENTIALS, "Unknown client or wrong client secret.");
        }
        String token = Secrets.newToken();
        long lifetime = settings.tokenLifetime().toSeconds();
        tenants.store(new AccessToken(Secrets.sha256(token), client.get().clientId(), now, now.plusSeconds(lifetime)));
        return new IssuedToken(token, lifetime, SCOPE);
    }

    public CallerContext authenticate(ApiCredentials credentials) {
        if (credentials == null || isBlank(credentials.accessToken())) {
            throw new BulkApiException(ErrorCode.INVALID_CREDENTIALS, "The AuthenticationToken is missing.");
        }
        Instant now = clock.instant();
        String cacheKey = AuthenticatedCallers.key(credentials);
        CallerContext recent = callers.find(cacheKey, now);
        if (recent != null) {
            return recent;
        }
        AccessToken token = tenants.findToken(Secrets.sha256(credentials.accessToken().trim()))
                .filter(t -> !t.isExpiredAt(now))
                .orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_CREDENTIALS,
                        "The AuthenticationToken is unknown or expired."));
        ApiClient client = tenants.findClient(token.clientId())
                .filter(c -> !c.isRevoked())
                .orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_CREDENTIALS,
                        "The API client of this token has been revoked."));

        if (isBlank(credentials.developerToken())
                || !Secrets.constantTimeEquals(Secrets.sha256(credentials.developerToken().trim()), client.developerTokenHash())) {
            throw new BulkApiException(ErrorCode.INVALID_DEVELOPER_TOKEN);
        }

        Long customerId = parseId(credentials.customerId(), "CustomerId");
        if (!client.tenantId().equals(customerId)) {
            throw new BulkApiException(ErrorCode.USER_IS_NOT_AUTHORIZED, "CustomerId is not this client's customer.");
        }
        Long accountId = parseId(credentials.customerAccountId(), "CustomerAccountId");
        Account account = tenants.findAccount(accountId)
                .filter(a -> a.belongsTo(customerId))
                .orElseThrow(() -> new BulkApiException(ErrorCode.USER_IS_NOT_AUTHORIZED,
                        "CustomerAccountId is not an account of this customer."));
        CallerContext caller = new CallerContext(client.clientId(), customerId, account.id());
        Instant until = now.plus(settings.authCacheLifetime());
        callers.remember(cacheKey, caller, until.isBefore(token.expiresAt()) ? until : token.expiresAt());
        return caller;
    }

    private static Long parseId(String value, String name) {
        if (isBlank(value)) {
            throw new BulkApiException(ErrorCode.USER_IS_NOT_AUTHORIZED, name + " is missing.");
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new BulkApiException(ErrorCode.USER_IS_NOT_AUTHORIZED, name + " must be a number.");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** A real hash of a random secret: makes unknown clients cost the same as known ones. */
    private static final String UNKNOWN_CLIENT_HASH = Secrets.hashPassword(Secrets.newToken());
}

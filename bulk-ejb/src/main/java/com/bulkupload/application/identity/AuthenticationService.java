package com.bulkupload.application.identity;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.CallerContext;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.tenant.AccessToken;
import com.bulkupload.domain.model.tenant.Account;
import com.bulkupload.domain.model.tenant.ApiClient;
import com.bulkupload.domain.model.tenant.RefreshToken;
import com.bulkupload.domain.model.tenant.TenantRepository;
import com.bulkupload.domain.model.tenant.TokenScope;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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

    /** As long as Microsoft's refresh tokens live; each is used once. */
    static final java.time.Duration REFRESH_TOKEN_LIFETIME = java.time.Duration.ofDays(90);

    @Inject
    Secrets secrets;

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
        return issueToken(clientId, clientSecret, TokenScope.BULK, source);
    }

    /** A token of that scope for the client: {@link TokenScope#CONSOLE} for the web console's sign-in. */
    public IssuedToken issueToken(String clientId, String clientSecret, TokenScope scope, String source) {
        Instant now = clock.instant();
        String throttleKey = isBlank(clientId) ? "" : clientId.trim();
        throttle.check(throttleKey, source, now);
        if (isBlank(clientId) || isBlank(clientSecret)) {
            throttle.failed(throttleKey, source, now);
            throw new BulkApiException(ErrorCode.INVALID_CREDENTIALS, "client_id and client_secret are required.");
        }
        Optional<ApiClient> client = tenants.findClient(clientId.trim());
        // Verify a hash even for unknown clients, so response time does not tell which client ids exist.
        String storedHash = client.map(ApiClient::secretHash).orElseGet(this::unknownClientHash);
        boolean secretMatches = secrets.verifyPassword(clientSecret, storedHash);
        if (client.isEmpty() || !secretMatches || client.get().isRevoked()) {
            throttle.failed(throttleKey, source, now);
            throw new BulkApiException(ErrorCode.INVALID_CREDENTIALS, "Unknown client or wrong client secret.");
        }
        return issue(client.get(), scope, now);
    }

    /**
     * A new token for the holder of a refresh token (grant_type=refresh_token, RFC 6749 section 6):
     * how the official Bing Ads SDKs renew after 109. The refresh token is used up; the answer
     * carries the next one. {@code clientId}, when given, must be the token's client.
     */
    public IssuedToken refreshToken(String clientId, String refreshToken, String source) {
        Instant now = clock.instant();
        String throttleKey = isBlank(clientId) ? "" : clientId.trim();
        throttle.check(throttleKey, source, now);
        Optional<RefreshToken> token = isBlank(refreshToken) ? Optional.empty()
                : tenants.takeRefreshToken(secrets.sha256(refreshToken.trim())).filter(t -> !t.isExpiredAt(now));
        Optional<ApiClient> client = token
                .filter(t -> isBlank(clientId) || t.clientId().equals(clientId.trim()))
                .flatMap(t -> tenants.findClient(t.clientId()))
                .filter(c -> !c.isRevoked());
        if (client.isEmpty()) {
            throttle.failed(throttleKey, source, now);
            throw new BulkApiException(ErrorCode.INVALID_CREDENTIALS, "The refresh_token is unknown, used, expired or not this client's.");
        }
        return issue(client.get(), token.get().scope(), now);
    }

    private IssuedToken issue(ApiClient client, TokenScope scope, Instant now) {
        String token = secrets.newToken();
        String refresh = secrets.newToken();
        long lifetime = settings.tokenLifetime().toSeconds();
        tenants.store(new AccessToken(secrets.sha256(token), client.clientId(), scope, now, now.plusSeconds(lifetime)));
        tenants.store(new RefreshToken(secrets.sha256(refresh), client.clientId(), scope, now, now.plus(REFRESH_TOKEN_LIFETIME)));
        return new IssuedToken(token, lifetime, scope.value(), refresh);
    }

    /**
     * Both parts of authenticating a call that names its customer and account (Bing's headers):
     * who the caller is ({@link #identify}), then which account it acts on ({@link #resolveAccount}).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS) // reads only; a cached caller costs no transaction
    public CallerContext authenticate(ApiCredentials credentials) {
        Instant now = clock.instant();
        String cacheKey = credentials == null || isBlank(credentials.accessToken()) ? null : AuthenticatedCallers.key(credentials, secrets);
        CallerContext recent = cacheKey == null ? null : callers.find(cacheKey, now);
        if (recent != null) {
            return recent;
        }
        ApiCredentials.HeaderNames names = credentials == null ? ApiCredentials.HeaderNames.SOAP : credentials.names();
        Caller caller = identify(credentials == null ? null : credentials.accessToken(),
                credentials == null ? null : credentials.developerToken(), names, now);
        CallerContext context = resolveAccount(caller, credentials.customerId(), credentials.customerAccountId(), names);
        Instant until = now.plus(settings.authCacheLifetime());
        callers.remember(cacheKey, context, until.isBefore(caller.tokenExpiresAt()) ? until : caller.tokenExpiresAt());
        return context;
    }

    /** Who a signed-in caller is and which accounts it may choose among (the console's sign-in). */
    public record SignedInCaller(String clientId, Long customerId, java.util.List<Account> accounts) {
    }

    /**
     * The client of the token and its customer's accounts, before any account is chosen: the
     * same checks as {@link #identify} (105, 109, 107), and no CustomerId or account to name.
     */
    public SignedInCaller signedInCaller(String accessToken, String developerToken) {
        Caller caller = identify(accessToken, developerToken, ApiCredentials.HeaderNames.BEARER, clock.instant());
        return new SignedInCaller(caller.clientId(), caller.tenantId(), tenants.findAccounts(caller.tenantId()));
    }

    /** An identified API client: who is calling, before any account is chosen. */
    public record Caller(String clientId, Long tenantId, Instant tokenExpiresAt, TokenScope scope) {
    }

    /**
     * Who is calling, from a bearer token and the developer token issued with its client: 105 for
     * a missing, unknown or revoked token, 109 for an expired one (the official SDKs renew on
     * exactly that code), 107 for a missing or wrong developer token. The web console's token
     * ({@link TokenScope#CONSOLE}) needs none: the console is the application, and the person
     * signed in with the client's secret; a developer token it does send must still be right.
     */
    public Caller identify(String accessToken, String developerToken, ApiCredentials.HeaderNames names, Instant now) {
        Caller caller = identifyByToken(accessToken, names, now);
        ApiClient client = tenants.findClient(caller.clientId()).orElseThrow();
        boolean refused = isBlank(developerToken) ? caller.scope() != TokenScope.CONSOLE
                : !secrets.constantTimeEquals(secrets.sha256(developerToken.trim()), client.developerTokenHash());
        if (refused) {
            throw new BulkApiException(ErrorCode.INVALID_DEVELOPER_TOKEN);
        }
        return caller;
    }

    /**
     * A caller of a protocol with a bearer token only (Marketo, CONTRACT §9): who is calling
     * ({@link #identifyByToken}), acting on its client's default account ({@link #defaultAccount}).
     */
    public CallerContext authenticateBearer(String accessToken, ApiCredentials.HeaderNames names) {
        return defaultAccount(identifyByToken(accessToken, names, clock.instant()));
    }

    /**
     * Taobao TOP's {@code session} (CONTRACT §11): an access token of a client of the same
     * customer as the signing key that signed the call. Anything else, an expired token included,
     * is 3252; the call acts for the signing key's account.
     */
    public CallerContext checkSession(String session, CallerContext signedBy) {
        try {
            Caller caller = identifyByToken(session, ApiCredentials.HeaderNames.ACCESS_TOKEN, clock.instant());
            if (caller.tenantId().equals(signedBy.tenantId())) {
                return signedBy;
            }
        } catch (BulkApiException e) {
            // answered below, whatever was wrong with the token
        }
        throw new BulkApiException(ErrorCode.INVALID_SESSION);
    }

    /** Who is calling, from the access token alone: 105 for a missing, unknown or revoked one, 109 for an expired one. */
    Caller identifyByToken(String accessToken, ApiCredentials.HeaderNames names, Instant now) {
        if (isBlank(accessToken)) {
            throw new BulkApiException(ErrorCode.INVALID_CREDENTIALS, "The " + names.token() + " header is missing.");
        }
        AccessToken token = tenants.findToken(secrets.sha256(accessToken.trim()))
                .orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_CREDENTIALS,
                        "The " + names.token() + " is not a token this service issued."));
        if (token.isExpiredAt(now)) {
            throw new BulkApiException(ErrorCode.AUTHENTICATION_TOKEN_EXPIRED,
                    "The " + names.token() + " expired at " + token.expiresAt() + "; request a new one.");
        }
        ApiClient client = tenants.findClient(token.clientId())
                .filter(c -> !c.isRevoked())
                .orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_CREDENTIALS,
                        "The API client of this token has been revoked."));
        return new Caller(client.clientId(), client.tenantId(), token.expiresAt(), token.scope());
    }

    /** The account the caller names, if it is an account of the caller's customer (106 otherwise). */
    public CallerContext resolveAccount(Caller caller, String customerIdValue, String accountIdValue, ApiCredentials.HeaderNames names) {
        Long customerId = parseId(customerIdValue, "CustomerId");
        if (!caller.tenantId().equals(customerId)) {
            throw new BulkApiException(ErrorCode.USER_IS_NOT_AUTHORIZED, "CustomerId is not this client's customer.");
        }
        Long accountId = parseId(accountIdValue, names.account());
        Account account = tenants.findAccount(accountId)
                .filter(a -> a.belongsTo(customerId))
                .orElseThrow(() -> new BulkApiException(ErrorCode.USER_IS_NOT_AUTHORIZED,
                        names.account() + " is not an account of this customer."));
        return new CallerContext(caller.clientId(), customerId, account.id(), caller.scope() == TokenScope.CONSOLE);
    }

    /**
     * The account of a caller whose protocol names none (Marketo, Taobao: CONTRACT §7): the
     * client's default account, or else its customer's first account (106 if it has none).
     */
    public CallerContext defaultAccount(Caller caller) {
        ApiClient client = tenants.findClient(caller.clientId())
                .orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_CREDENTIALS, "The API client of this token has been revoked."));
        Optional<Account> account = client.defaultAccountId() != null
                ? tenants.findAccount(client.defaultAccountId())
                : tenants.findFirstAccount(caller.tenantId());
        return account.filter(a -> a.belongsTo(caller.tenantId()))
                .map(a -> new CallerContext(caller.clientId(), caller.tenantId(), a.id()))
                .orElseThrow(() -> new BulkApiException(ErrorCode.USER_IS_NOT_AUTHORIZED, "The customer of this client has no account."));
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
    /** A hash no secret matches, checked for an unknown client id so that it costs as long as a known one. */
    private static volatile String unknownClientHash;

    private String unknownClientHash() {
        String hash = unknownClientHash;
        if (hash == null) {
            hash = secrets.hashPassword(secrets.newToken());
            unknownClientHash = hash;
        }
        return hash;
    }
}

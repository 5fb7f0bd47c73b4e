package com.bulkupload.application.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.CallerContext;
import com.bulkupload.application.TestDatabase;
import com.bulkupload.domain.model.error.ErrorCode;
import com.bulkupload.domain.model.tenant.TokenScope;
import com.bulkupload.infrastructure.security.JdkSecrets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private TestDatabase db;
    private AuthenticationService auth;
    private AdminService admin;
    private Long tenantId;
    private Long accountId;
    private AdminService.NewClient client;

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        admin = db.admin();
        auth = new AuthenticationService();
        auth.secrets = new JdkSecrets();
        auth.tenants = db.tenants;
        auth.settings = BulkSettings.of(Map.of("BULK_TOKEN_TTL_SECONDS", "600"));
        admin.callers = auth.callers;
        auth.throttle = throttleOnItsOwnTransactions(auth.settings);
        at(T0);
        tenantId = db.inTransaction(() -> admin.createTenant("Acme"));
        accountId = db.inTransaction(() -> admin.createAccount(tenantId, "Acme EU")).accountId();
        client = db.inTransaction(() -> admin.createClient(tenantId, "crm"));
    }

    /** The throttle as the container runs it: each failure counted in a transaction of its own (REQUIRES_NEW), which the refusal does not roll back. */
    private TokenRequestThrottle throttleOnItsOwnTransactions(BulkSettings settings) {
        jakarta.persistence.EntityManager own = db.factory.createEntityManager();
        TokenRequestThrottle counting = new TokenRequestThrottle(settings, new com.bulkupload.infrastructure.persistence.jpa.JpaTenantRepository(own), auth.secrets);
        return new TokenRequestThrottle(settings, db.tenants, auth.secrets) {
            @Override
            public void failed(String clientId, String source, Instant now) {
                own.getTransaction().begin();
                counting.failed(clientId, source, now);
                own.getTransaction().commit();
            }
        };
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private void at(Instant instant) {
        auth.clock = Clock.fixed(instant, ZoneOffset.UTC);
    }

    private String token() {
        return db.inTransaction(() -> auth.issueToken(client.clientId(), client.clientSecret(), "10.0.0.1")).accessToken();
    }

    private CallerContext authenticate(String token, String developerToken, String customerId, String accountId) {
        return db.inTransaction(() -> auth.authenticate(new ApiCredentials(token, developerToken, customerId, accountId)));
    }

    private void assertRefused(ErrorCode expected, Runnable call) {
        assertEquals(expected, assertThrows(BulkApiException.class, call::run).error());
    }

    @Test
    void validCredentialsGiveTheCallerContext() {
        CallerContext caller = authenticate(token(), client.developerToken(), "" + tenantId, "" + accountId);
        assertEquals(new CallerContext(client.clientId(), tenantId, accountId), caller);
    }

    @Test
    void tokenIsStoredOnlyAsItsHash() {
        String token = token();
        assertEquals(1L, db.em.createQuery("select count(t) from AccessToken t", Long.class).getSingleResult());
        assertEquals(0L, db.em.createNativeQuery("select count(*) from access_token where token_hash = ?1")
                .setParameter(1, token).getSingleResult() instanceof Number n ? n.longValue() : -1);
        assertEquals(1L, ((Number) db.em.createNativeQuery("select count(*) from access_token where token_hash = ?1")
                .setParameter(1, new JdkSecrets().sha256(token)).getSingleResult()).longValue());
    }

    @Test
    void tokenExpiresAfterItsLifetime() {
        String token = token();
        at(T0.plusSeconds(599));
        authenticate(token, client.developerToken(), "" + tenantId, "" + accountId);
        at(T0.plusSeconds(600));
        // 109, not 105, since Dec 2026 (CONTRACT §3): the official SDKs renew their token on exactly that code
        assertRefused(ErrorCode.AUTHENTICATION_TOKEN_EXPIRED, () -> authenticate(token, client.developerToken(), "" + tenantId, "" + accountId));
    }

    @Test
    void aProtocolThatNamesNoAccountActsOnTheClientsDefaultAccountOrElseTheFirst() {
        Long second = db.inTransaction(() -> admin.createAccount(tenantId, "Acme US")).accountId();
        AdminService.NewClient pinned = db.inTransaction(() -> admin.createClient(tenantId, "marketo", second));
        String plainToken = token();
        AuthenticationService.Caller plain = db.inTransaction(() -> auth.identify(plainToken, client.developerToken(),
                ApiCredentials.HeaderNames.BEARER, T0));
        assertEquals(accountId, db.inTransaction(() -> auth.defaultAccount(plain)).accountId(), "the customer's first account");
        String pinnedToken = db.inTransaction(() -> auth.issueToken(pinned.clientId(), pinned.clientSecret(), "10.0.0.1")).accessToken();
        AuthenticationService.Caller caller = db.inTransaction(() -> auth.identify(pinnedToken, pinned.developerToken(),
                ApiCredentials.HeaderNames.BEARER, T0));
        assertEquals(second, db.inTransaction(() -> auth.defaultAccount(caller)).accountId(), "the client's own default");

        Long otherTenant = db.inTransaction(() -> admin.createTenant("Other"));
        Long foreign = db.inTransaction(() -> admin.createAccount(otherTenant, "Other")).accountId();
        assertRefused(ErrorCode.INVALID_ACCOUNT_ID, () -> db.inTransaction(() -> admin.createClient(tenantId, "x", foreign)));
    }

    @Test
    void aRefreshTokenRenewsOnceAndOnlyForItsClient() {
        IssuedToken first = db.inTransaction(() -> auth.issueToken(client.clientId(), client.clientSecret(), "127.0.0.1"));
        at(T0.plusSeconds(3600));
        assertRefused(ErrorCode.INVALID_CREDENTIALS, () -> db.inTransaction(() -> auth.refreshToken("someone-else", first.refreshToken(), "127.0.0.1")));
        IssuedToken renewed = db.inTransaction(() -> auth.refreshToken(client.clientId(), first.refreshToken(), "127.0.0.1"));
        authenticate(renewed.accessToken(), client.developerToken(), "" + tenantId, "" + accountId);
        // used up: the same refresh token never works twice
        assertRefused(ErrorCode.INVALID_CREDENTIALS, () -> db.inTransaction(() -> auth.refreshToken(null, first.refreshToken(), "127.0.0.1")));
        assertRefused(ErrorCode.INVALID_CREDENTIALS, () -> db.inTransaction(() -> auth.refreshToken(null, "made-up", "127.0.0.1")));
        db.inTransaction(() -> auth.refreshToken(null, renewed.refreshToken(), "127.0.0.1"));
    }

    @Test
    void aConsoleTokenNeedsNoDeveloperTokenKeepsItsScopeWhenRenewedAndMarksItsCallsAsTheConsoles() {
        IssuedToken console = db.inTransaction(() -> auth.issueToken(client.clientId(), client.clientSecret(), TokenScope.CONSOLE, "10.0.0.1"));
        assertEquals("console", console.scope());
        assertEquals(new CallerContext(client.clientId(), tenantId, accountId, true), authenticate(console.accessToken(), null, "" + tenantId, "" + accountId));
        // a developer token it does send must still be the client's
        assertRefused(ErrorCode.INVALID_DEVELOPER_TOKEN, () -> authenticate(console.accessToken(), "wrong", "" + tenantId, "" + accountId));
        IssuedToken renewed = db.inTransaction(() -> auth.refreshToken(client.clientId(), console.refreshToken(), "10.0.0.1"));
        assertEquals("console", renewed.scope());
        assertTrue(authenticate(renewed.accessToken(), null, "" + tenantId, "" + accountId).viaConsole());
        // an integration's token is not the console's, whatever scope its SDK asked for
        IssuedToken sdk = db.inTransaction(() -> auth.issueToken(client.clientId(), client.clientSecret(),
                TokenScope.requested("https://ads.microsoft.com/msads.manage offline_access"), "10.0.0.1"));
        assertEquals("bulk", sdk.scope());
        assertRefused(ErrorCode.INVALID_DEVELOPER_TOKEN, () -> authenticate(sdk.accessToken(), null, "" + tenantId, "" + accountId));
        assertEquals(TokenScope.CONSOLE, TokenScope.requested("openid console"));
    }

    @Test
    void theSignedInCallerSeesEveryAccountOfItsCustomerAndNoOther() {
        Long second = db.inTransaction(() -> admin.createAccount(tenantId, "Acme US")).accountId();
        Long otherTenant = db.inTransaction(() -> admin.createTenant("Other"));
        db.inTransaction(() -> admin.createAccount(otherTenant, "Other"));
        String console = db.inTransaction(() -> auth.issueToken(client.clientId(), client.clientSecret(), TokenScope.CONSOLE, "10.0.0.1")).accessToken();
        AuthenticationService.SignedInCaller caller = db.inTransaction(() -> auth.signedInCaller(console, null));
        assertEquals(tenantId, caller.customerId());
        assertEquals(java.util.List.of(accountId, second), caller.accounts().stream().map(com.bulkupload.domain.model.tenant.Account::id).toList());
        String integration = token();
        assertRefused(ErrorCode.INVALID_DEVELOPER_TOKEN, () -> db.inTransaction(() -> auth.signedInCaller(integration, null)));
    }

    @Test
    void eachCheckHasItsCode() {
        String token = token();
        Long otherTenant = db.inTransaction(() -> admin.createTenant("Other"));
        Long otherAccount = db.inTransaction(() -> admin.createAccount(otherTenant, "Other")).accountId();

        assertRefused(ErrorCode.INVALID_CREDENTIALS, () -> authenticate(null, client.developerToken(), "" + tenantId, "" + accountId));
        assertRefused(ErrorCode.INVALID_CREDENTIALS, () -> authenticate("forged", client.developerToken(), "" + tenantId, "" + accountId));
        assertRefused(ErrorCode.INVALID_DEVELOPER_TOKEN, () -> authenticate(token, null, "" + tenantId, "" + accountId));
        assertRefused(ErrorCode.INVALID_DEVELOPER_TOKEN, () -> authenticate(token, "wrong", "" + tenantId, "" + accountId));
        assertRefused(ErrorCode.USER_IS_NOT_AUTHORIZED, () -> authenticate(token, client.developerToken(), "" + otherTenant, "" + accountId));
        assertRefused(ErrorCode.USER_IS_NOT_AUTHORIZED, () -> authenticate(token, client.developerToken(), "" + tenantId, "" + otherAccount));
        assertRefused(ErrorCode.USER_IS_NOT_AUTHORIZED, () -> authenticate(token, client.developerToken(), "" + tenantId, "999999"));
        assertRefused(ErrorCode.USER_IS_NOT_AUTHORIZED, () -> authenticate(token, client.developerToken(), "x", "" + accountId));
        assertRefused(ErrorCode.USER_IS_NOT_AUTHORIZED, () -> authenticate(token, client.developerToken(), "" + tenantId, null));
    }

    @Test
    void wrongSecretOrUnknownClientGetsNoToken() {
        assertRefused(ErrorCode.INVALID_CREDENTIALS, () -> db.inTransaction(() -> auth.issueToken(client.clientId(), "wrong", "10.0.0.1")));
        assertRefused(ErrorCode.INVALID_CREDENTIALS, () -> db.inTransaction(() -> auth.issueToken("nobody", client.clientSecret(), "10.0.0.1")));
        assertRefused(ErrorCode.INVALID_CREDENTIALS, () -> db.inTransaction(() -> auth.issueToken(client.clientId(), "", "10.0.0.1")));
    }

    @Test
    void revokedClientLosesItsTokensAndGetsNoNewOnes() {
        String token = token();
        authenticate(token, client.developerToken(), "" + tenantId, "" + accountId);
        db.inTransaction(() -> {
            admin.revokeClient(client.clientId());
            return null;
        });
        assertRefused(ErrorCode.INVALID_CREDENTIALS, () -> authenticate(token, client.developerToken(), "" + tenantId, "" + accountId));
        assertRefused(ErrorCode.INVALID_CREDENTIALS, this::token);
    }

    @Test
    void aCheckedCallerIsTrustedForAFewSecondsThenCheckedAgain() {
        String token = token();
        authenticate(token, client.developerToken(), "" + tenantId, "" + accountId);
        // revoked behind this node's back (as by another node): trusted until the entry runs out
        db.inTransaction(() -> db.em.createNativeQuery("update api_client set revoked = true").executeUpdate());
        at(T0.plusSeconds(4));
        authenticate(token, client.developerToken(), "" + tenantId, "" + accountId);
        // any other set of credentials is checked against the database: the revocation shows
        assertRefused(ErrorCode.INVALID_CREDENTIALS, () -> authenticate(token, "wrong", "" + tenantId, "" + accountId));
        at(T0.plusSeconds(5));
        assertRefused(ErrorCode.INVALID_CREDENTIALS, () -> authenticate(token, client.developerToken(), "" + tenantId, "" + accountId));
    }

    @Test
    void repeatedFailedTokenRequestsAreThrottledForTheRestOfTheMinute() {
        at(T0.plusSeconds(5));
        for (int i = 0; i < 10; i++) {
            String source = "10.0.0." + i;
            assertRefused(ErrorCode.INVALID_CREDENTIALS, () -> db.inTransaction(() -> auth.issueToken(client.clientId(), "wrong", source)));
        }
        // now even the right secret waits, from any address; other clients are not affected
        assertRefused(ErrorCode.CALL_RATE_EXCEEDED, () -> db.inTransaction(() -> auth.issueToken(client.clientId(), client.clientSecret(), "10.9.9.9")));
        AdminService.NewClient other = db.inTransaction(() -> admin.createClient(tenantId, "other"));
        db.inTransaction(() -> auth.issueToken(other.clientId(), other.clientSecret(), "10.0.0.1"));
        at(T0.plusSeconds(60));
        db.inTransaction(() -> auth.issueToken(client.clientId(), client.clientSecret(), "10.0.0.1"));
    }

    @Test
    void oneAddressGuessingManyClientIdsIsThrottled() {
        for (int i = 0; i < 100; i++) {
            String id = "guess-" + i;
            assertRefused(ErrorCode.INVALID_CREDENTIALS, () -> db.inTransaction(() -> auth.issueToken(id, "x", "10.6.6.6")));
        }
        assertRefused(ErrorCode.CALL_RATE_EXCEEDED, () -> db.inTransaction(() -> auth.issueToken(client.clientId(), client.clientSecret(), "10.6.6.6")));
        db.inTransaction(() -> auth.issueToken(client.clientId(), client.clientSecret(), "10.0.0.1"));
    }

    @Test
    void everyTokenIsNew() {
        assertNotEquals(token(), token());
    }

    @Test
    void failuresCountedOnEveryNodeAddUpToOneAllowance() {
        AuthenticationService otherNode = new AuthenticationService();
        otherNode.secrets = auth.secrets;
        otherNode.tenants = db.tenants;
        otherNode.settings = auth.settings;
        otherNode.throttle = throttleOnItsOwnTransactions(auth.settings);
        otherNode.clock = auth.clock;
        for (int i = 0; i < 10; i++) {
            AuthenticationService node = i % 2 == 0 ? auth : otherNode;
            assertRefused(ErrorCode.INVALID_CREDENTIALS, () -> db.inTransaction(() -> node.issueToken(client.clientId(), "wrong", "10.0.0.1")));
        }
        // five guesses on each node: the client's ten of the minute are used up on both
        assertRefused(ErrorCode.CALL_RATE_EXCEEDED, () -> db.inTransaction(() -> auth.issueToken(client.clientId(), client.clientSecret(), "10.0.0.2")));
        assertRefused(ErrorCode.CALL_RATE_EXCEEDED, () -> db.inTransaction(() -> otherNode.issueToken(client.clientId(), client.clientSecret(), "10.0.0.2")));
    }
}

package com.bulkupload.domain.model.tenant;

import java.util.Arrays;

/**
 * What a token was issued for (OAuth 2.0 scope): {@code bulk} for API integrations, which also
 * send their client's DeveloperToken; {@code console} for the web console, whose sign-in knows
 * only the client id and secret and whose uploads are recorded as the Console protocol.
 */
public enum TokenScope {
    BULK("bulk"), CONSOLE("console");

    private final String value;

    TokenScope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** The scope a token request asks for: console if its space-separated list names it, else bulk
     * (the official SDKs send Microsoft's own scopes, which mean nothing here). */
    public static TokenScope requested(String scopeParameter) {
        return scopeParameter != null && Arrays.asList(scopeParameter.trim().split("\\s+")).contains(CONSOLE.value) ? CONSOLE : BULK;
    }

    static TokenScope of(String value) {
        return CONSOLE.value.equals(value) ? CONSOLE : BULK;
    }
}

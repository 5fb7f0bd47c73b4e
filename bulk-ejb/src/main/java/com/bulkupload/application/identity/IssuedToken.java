package com.bulkupload.application.identity;

/** A freshly issued bearer token and its refresh token; the only moment their plain values exist on the server. */
public record IssuedToken(String accessToken, long expiresInSeconds, String scope, String refreshToken) {
}

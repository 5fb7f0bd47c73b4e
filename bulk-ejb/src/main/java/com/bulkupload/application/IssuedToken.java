package com.bulkupload.application;

/** A freshly issued bearer token; the only moment its plain value exists on the server. */
public record IssuedToken(String accessToken, long expiresInSeconds, String scope) {
}

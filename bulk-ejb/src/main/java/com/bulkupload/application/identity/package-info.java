/**
 * Who is calling: OAuth tokens and developer tokens ({@code AuthenticationService}), request
 * signatures with single-use nonces ({@code SignedRequestService}, {@code SigningKeyService}),
 * signed result links ({@code ResultFileUrls}), throttles, and the tenants, accounts and clients
 * the admin API creates ({@code AdminService}). Ports owned here: {@code Secrets},
 * {@code SecretSealer}, {@code ServerSecrets}.
 */
package com.bulkupload.application.identity;

/**
 * Downloads of files clients name by URL, safe against server-side request forgery: the one
 * client that fetches is Apache HttpClient with a DNS resolver of ours, which refuses and never
 * returns an address that is not public, so the connection goes to exactly an address that was
 * checked (no second lookup for DNS rebinding to change).
 */
package com.bulkupload.infrastructure.fetch;

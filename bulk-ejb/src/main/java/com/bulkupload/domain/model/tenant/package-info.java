/**
 * Who may call the service: tenants (the contract's "customers"), their accounts, API clients and
 * access tokens.
 */
package com.bulkupload.domain.model.tenant;

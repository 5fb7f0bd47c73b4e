/**
 * The Marketo adapter (CONTRACT §9): Marketo's bulk lead import over the same use cases as every
 * other protocol. Its own wire types ({@link com.bulkupload.interfaces.marketo.MarketoJson}), its
 * token taken from a header, the query or a form field, and its error envelope (HTTP 200,
 * {@code success:false}, string codes) from its own mapper.
 */
package com.bulkupload.interfaces.marketo;

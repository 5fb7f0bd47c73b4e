/**
 * The Taobao TOP adapter (CONTRACT §11) at {@code /router/rest}: TOP's system parameters and its
 * three sign methods over the shared signed-request check, {@code session} as an access token of
 * the same customer, answers in XML (TOP's default) or JSON, always HTTP 200.
 */
package com.bulkupload.interfaces.taobao;

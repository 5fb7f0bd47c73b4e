/**
 * The Alibaba Cloud RPC adapter (CONTRACT §10): requests at {@code /} dispatched on
 * {@code x-acs-action} or {@code Action}, authenticated by their signature (V3 ACS3-HMAC-SHA256 or
 * V2 HMAC-SHA1, {@link com.bulkupload.interfaces.alibaba.AcsSignatures}) with a signing key,
 * answered in Alibaba's envelopes ({@link com.bulkupload.interfaces.alibaba.AlibabaJson}).
 */
package com.bulkupload.interfaces.alibaba;

/**
 * What the Bing Ads Bulk v13 adapters share: the SOAP endpoint ({@code interfaces.soap}) and its
 * JSON mirror ({@code interfaces.json}) build their URLs and counters here.
 */
package com.bulkupload.interfaces.bing;

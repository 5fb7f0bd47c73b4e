/** Bing's JSON mirror of the bulk operations, and our own read API (CONTRACT §8: lists, customers, uploads, accounts). */
package com.bulkupload.interfaces.json;

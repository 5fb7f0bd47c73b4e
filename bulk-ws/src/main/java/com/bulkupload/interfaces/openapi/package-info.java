/**
 * The OpenAPI 3 document of our own HTTP APIs and Bing's JSON mirror, served at
 * {@code /openapi.yaml} (the file as written, {@code openapi/openapi.yaml} beside these classes)
 * and {@code /openapi.json} (the same document as JSON). Tests hold it to the JAX-RS resources
 * ({@code OpenApiDocumentTest}) and to every answer of the end-to-end suite.
 */
package com.bulkupload.interfaces.openapi;

/**
 * Files: storage of uploads and results, format and encoding detection, streaming readers per
 * format (Commons CSV, POI streaming XLSX), and the result file writer.
 */
package com.bulkupload.infrastructure.files;

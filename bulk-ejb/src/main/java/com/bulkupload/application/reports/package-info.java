/** Row reports read back from a finished import's result file: the failed or warned rows, in the file's own format. */
package com.bulkupload.application.reports;

/** Upload requests: their options, status, progress and errors. */
package com.bulkupload.domain.model.upload;

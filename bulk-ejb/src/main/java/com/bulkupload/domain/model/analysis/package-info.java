/** Crowd analysis tasks (CONTRACT §11): a profile of one customer list, valid for a period, kept fresh. */
package com.bulkupload.domain.model.analysis;

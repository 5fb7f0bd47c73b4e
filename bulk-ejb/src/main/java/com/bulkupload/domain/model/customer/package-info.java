/** Customer lists and (later) the customer records they hold: the data our users upload. */
package com.bulkupload.domain.model.customer;

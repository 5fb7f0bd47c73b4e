/** The operator's admin API, guarded by X-Admin-Key. */
package com.bulkupload.interfaces.admin;

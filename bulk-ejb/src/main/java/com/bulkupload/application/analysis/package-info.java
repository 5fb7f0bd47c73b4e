/** Crowd analysis tasks (CONTRACT §11): a profile of a list's customers, computed off the request thread. */
package com.bulkupload.application.analysis;

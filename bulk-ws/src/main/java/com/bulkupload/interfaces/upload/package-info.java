/** File transfer: the UploadUrl (streamed multipart upload) and the signed ResultFileUrl. */
package com.bulkupload.interfaces.upload;

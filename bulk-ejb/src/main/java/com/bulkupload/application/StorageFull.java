package com.bulkupload.application;

import com.bulkupload.domain.model.error.ErrorCode;
import java.io.IOException;
import java.util.Locale;

/**
 * The file store ran out of space (ENOSPC, or a quota: EDQUOT). The JDK says so only in the
 * message of an IOException, the operating system's own words; this is the one place that reads
 * them. A full store is a pause, never a failure: an upload is refused with 3224 and may be sent
 * again, an import waits at its checkpoint (docs/operations.md, "A full disk").
 */
public final class StorageFull {

    private StorageFull() {
    }

    /** Whether the throwable, or one of its causes, is the file system saying it has no space left. */
    public static boolean in(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException && t.getMessage() != null) {
                String message = t.getMessage().toLowerCase(Locale.ROOT);
                if (message.contains("no space left on device") || message.contains("disk quota exceeded")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The refusal of an upload the store has no room for. */
    public static BulkApiException refusal(String details) {
        return new BulkApiException(ErrorCode.STORAGE_FULL, details);
    }
}

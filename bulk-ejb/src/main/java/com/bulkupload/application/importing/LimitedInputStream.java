package com.bulkupload.application.importing;

import com.bulkupload.domain.model.error.ErrorCode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it and fails with FileTooLarge the moment they pass the limit, so
 * a decompression bomb is stopped after the limit, not after it has filled the disk or memory.
 */
public final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    public LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        add(skipped);
        return skipped;
    }

    public long count() {
        return count;
    }

    private void add(long n) {
        count += n;
        if (count > limit) {
            throw new UploadFileException(ErrorCode.FILE_TOO_LARGE,
                    "The file is larger than " + limit + " bytes uncompressed.");
        }
    }
}

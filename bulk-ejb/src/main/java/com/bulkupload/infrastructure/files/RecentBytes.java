package com.bulkupload.infrastructure.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Keeps the last {@link #CAPACITY} bytes read through it (a ring, so memory stays flat whatever the
 * file's size): when a row turns out not to be valid in the file's encoding, these are the bytes
 * around it, for naming the encoding they look like.
 */
final class RecentBytes extends FilterInputStream {

    static final int CAPACITY = 64 * 1024;

    private final byte[] ring = new byte[CAPACITY];
    private long total;

    RecentBytes(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            ring[(int) (total++ % CAPACITY)] = (byte) b;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            keep(buffer, offset, n);
        }
        return n;
    }

    /** Copies a read into the ring in at most two pieces (a byte at a time was 4 % of an import's reader). */
    private void keep(byte[] buffer, int offset, int n) {
        if (n > CAPACITY) {
            offset += n - CAPACITY;
            total += n - CAPACITY;
            n = CAPACITY;
        }
        int at = (int) (total % CAPACITY);
        int first = Math.min(n, CAPACITY - at);
        System.arraycopy(buffer, offset, ring, at, first);
        System.arraycopy(buffer, offset + first, ring, 0, n - first);
        total += n;
    }

    /** The bytes kept, oldest first. */
    byte[] recent() {
        int size = (int) Math.min(total, CAPACITY);
        byte[] copy = new byte[size];
        int start = (int) ((total - size) % CAPACITY);
        for (int i = 0; i < size; i++) {
            copy[i] = ring[(start + i) % CAPACITY];
        }
        return copy;
    }
}

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
        for (int i = 0; i < n; i++) {
            ring[(int) (total++ % CAPACITY)] = buffer[offset + i];
        }
        return n;
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

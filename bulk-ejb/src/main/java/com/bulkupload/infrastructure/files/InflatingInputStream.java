package com.bulkupload.infrastructure.files;

import com.bulkupload.application.importing.UploadFileException;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * The content of a .gz or .zip entry, with the inflater's complaints (bad data, cut short)
 * reported as what they are to the client: a damaged upload (3211), not a server I/O failure.
 */
final class InflatingInputStream extends FilterInputStream {

    private InflatingInputStream(InputStream in) {
        super(in);
    }

    /** Opens the inflating stream (a .gz header is read here already). */
    static InputStream open(DelimitedTabularFile.StreamSource source) throws IOException {
        try {
            return new InflatingInputStream(source.open());
        } catch (ZipException | EOFException e) {
            throw damaged(e);
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (ZipException | EOFException e) {
            throw damaged(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return super.read(buffer, offset, length);
        } catch (ZipException | EOFException e) {
            throw damaged(e);
        }
    }

    private static UploadFileException damaged(IOException e) {
        return UploadFileException.unsupported("The compressed file is damaged or cut short: " + e.getMessage());
    }
}

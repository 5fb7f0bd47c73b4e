package com.bulkupload.domain.model.upload;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/**
 * The file a request was given: its name (known first when the client names a URL), and once it
 * is stored, what the client declared of it, its size and when it arrived. Immutable: each step
 * makes a new value.
 */
@Embeddable
public class ReceivedFile {

    /** No file yet (JPA leaves an embedded value null when all its columns are). */
    static final ReceivedFile NONE = new ReceivedFile();

    @Column(name = "file_name", length = 255)
    private String fileName;

    @Column(name = "content_type", length = 255)
    private String contentType;

    @Column(name = "declared_charset", length = 64)
    private String declaredCharset;

    @Enumerated(EnumType.STRING)
    @Column(name = "declared_format", length = 8)
    private TextFormat declaredFormat;

    @Column(name = "file_bytes")
    private Long fileBytes;

    // what the import read the file as: the declared format, or the delimiter its header line shows
    @Enumerated(EnumType.STRING)
    @Column(name = "read_format", length = 8)
    private TextFormat readFormat;

    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    protected ReceivedFile() {
    }

    /** A file known by its name only, still to be fetched. */
    static ReceivedFile named(String fileName) {
        ReceivedFile file = new ReceivedFile();
        file.fileName = fileName;
        return file;
    }

    static ReceivedFile stored(String fileName, String contentType, String declaredCharset, TextFormat declaredFormat, long bytes,
                               Instant uploadedAt) {
        ReceivedFile file = named(fileName);
        file.contentType = contentType;
        file.declaredCharset = declaredCharset;
        file.declaredFormat = declaredFormat;
        file.fileBytes = bytes;
        file.uploadedAt = uploadedAt;
        return file;
    }

    /** The same file, read by the import as {@code format} (null: a workbook). */
    ReceivedFile readAs(TextFormat format) {
        ReceivedFile file = stored(fileName, contentType, declaredCharset, declaredFormat, 0, uploadedAt);
        file.fileBytes = fileBytes;
        file.readFormat = format;
        return file;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public String declaredCharset() {
        return declaredCharset;
    }

    /** The text format the client declared for its file, if it declared one. */
    public TextFormat declaredFormat() {
        return declaredFormat;
    }

    /**
     * The delimited format the import read the file as — declared, or detected from its header
     * line whatever the file's name says; null for a workbook, or before the import began.
     */
    public TextFormat readFormat() {
        return readFormat;
    }

    public Long fileBytes() {
        return fileBytes;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }
}

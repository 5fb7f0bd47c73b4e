package com.bulkupload.domain.model.upload;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/**
 * How far a request's import has come: the row counters clients see, and the checkpoint a
 * resumed import starts from (records applied and committed, and the result file's length that
 * belongs to them), with the import's heartbeat. Immutable: each committed chunk makes a new value,
 * committed in the chunk's transaction.
 */
@Embeddable
public class ImportProgress {

    @Column(name = "percent_complete", nullable = false)
    private int percentComplete;

    @Column(name = "rows_processed", nullable = false)
    private long rowsProcessed;

    @Column(name = "rows_failed", nullable = false)
    private long rowsFailed;

    @Column(name = "rows_with_warning", nullable = false)
    private long rowsWithWarning;

    /** Data rows in the file, known once the pre-scan has read it through. */
    @Column(name = "rows_total")
    private Long rowsTotal;

    /** Checkpoint: data records applied and committed; a resumed import skips these. */
    @Column(name = "records_done", nullable = false)
    private long recordsDone;

    /** Checkpoint: length of the result file that belongs to the committed records. */
    @Column(name = "result_bytes", nullable = false)
    private long resultBytes;

    @Column(name = "started_at")
    private Instant startedAt;

    /** Set with every committed chunk: an import whose heartbeat is old is stuck. */
    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    /**
     * The fence: which claim of the import this is (each claim takes the next number). Only the
     * current claim's writes commit; an importer that finds another number was taken over.
     */
    @Column(name = "import_claim", nullable = false)
    private int claim;

    /** Checkpoint: the claim whose result file holds the committed result lines ({@link #resultBytes}). */
    @Column(name = "result_claim", nullable = false)
    private int resultClaim;

    protected ImportProgress() {
    }

    /** Nothing imported yet. */
    static ImportProgress none() {
        return new ImportProgress();
    }

    private ImportProgress copy() {
        ImportProgress next = new ImportProgress();
        next.percentComplete = percentComplete;
        next.rowsProcessed = rowsProcessed;
        next.rowsFailed = rowsFailed;
        next.rowsWithWarning = rowsWithWarning;
        next.rowsTotal = rowsTotal;
        next.recordsDone = recordsDone;
        next.resultBytes = resultBytes;
        next.startedAt = startedAt;
        next.heartbeatAt = heartbeatAt;
        next.completedAt = completedAt;
        next.claim = claim;
        next.resultClaim = resultClaim;
        return next;
    }

    /** The first claim, or the claim of an import put back in the queue: the next number. */
    ImportProgress started(Instant now) {
        ImportProgress next = copy();
        next.startedAt = now;
        next.heartbeatAt = now;
        next.claim = claim + 1;
        return next;
    }

    /** Taken over from an importer that stopped beating: the next number, which fences the old one out. */
    ImportProgress claimedAgain(Instant now) {
        ImportProgress next = copy();
        next.heartbeatAt = now;
        next.claim = claim + 1;
        return next;
    }

    ImportProgress beat(Instant now) {
        ImportProgress next = copy();
        next.heartbeatAt = now;
        return next;
    }

    ImportProgress scanned(long rows) {
        ImportProgress next = copy();
        next.rowsTotal = rows;
        return next;
    }

    /** A chunk's rows are applied: the checkpoint moves on and the counters grow. */
    ImportProgress chunkApplied(long recordsDoneNow, long processed, long failed, long warnings, long resultBytesNow, Instant now) {
        ImportProgress next = copy();
        next.recordsDone = recordsDoneNow;
        next.rowsProcessed += processed;
        next.rowsFailed += failed;
        next.rowsWithWarning += warnings;
        next.resultBytes = resultBytesNow;
        next.resultClaim = claim;
        // 100 only once the request is complete
        next.percentComplete = rowsTotal == null || rowsTotal == 0 ? 0 : (int) Math.min(99, next.rowsProcessed * 100 / rowsTotal);
        next.heartbeatAt = now;
        return next;
    }

    /** The completing claim's result file holds every line: the ones it copied, and its own. */
    ImportProgress completed(Instant now) {
        ImportProgress next = copy();
        next.percentComplete = 100;
        next.resultClaim = claim;
        next.completedAt = now;
        return next;
    }

    /** Any failure resets progress to 0, as the contract requires; the counters stay. */
    ImportProgress failed(Instant now) {
        ImportProgress next = copy();
        next.percentComplete = 0;
        next.completedAt = now;
        return next;
    }

    /** Whether the import's last sign of life came after {@code instant}. */
    boolean aliveAfter(Instant instant) {
        return heartbeatAt != null && heartbeatAt.isAfter(instant);
    }

    public int percentComplete() {
        return percentComplete;
    }

    public long rowsProcessed() {
        return rowsProcessed;
    }

    public long rowsFailed() {
        return rowsFailed;
    }

    public long rowsWithWarning() {
        return rowsWithWarning;
    }

    public Long rowsTotal() {
        return rowsTotal;
    }

    public long recordsDone() {
        return recordsDone;
    }

    public long resultBytes() {
        return resultBytes;
    }

    public Instant heartbeatAt() {
        return heartbeatAt;
    }

    public int claim() {
        return claim;
    }

    public int resultClaim() {
        return resultClaim;
    }
}

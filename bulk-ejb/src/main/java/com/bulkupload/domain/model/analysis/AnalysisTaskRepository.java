package com.bulkupload.domain.model.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface AnalysisTaskRepository {

    long nextTaskId();

    void store(AnalysisTask task);

    void remove(AnalysisTask task);

    /** The task, only if it belongs to the account; another account's is never returned. */
    Optional<AnalysisTask> findInAccount(long taskId, Long accountId);

    Optional<AnalysisTask> lock(long taskId);

    /** The list's tasks still valid at {@code now}. */
    List<AnalysisTask> findValidForList(Long customerListId, Instant now);

    /** Deletes tasks that ended before {@code before}; returns how many. */
    int deleteEndedBefore(Instant before);

    /** The profile of a list at {@code now}, computed in the database (a few aggregate queries, no rows loaded). */
    CrowdProfile profile(Long customerListId, Instant now);
}

package com.bulkupload.application.analysis;

import com.bulkupload.application.BulkApiException;
import com.bulkupload.application.CallerContext;
import com.bulkupload.application.ImportQueue;
import com.bulkupload.domain.model.analysis.AnalysisTask;
import com.bulkupload.domain.model.analysis.AnalysisTaskRepository;
import com.bulkupload.domain.model.analysis.CrowdProfile;
import com.bulkupload.domain.model.customer.CustomerListRepository;
import com.bulkupload.domain.model.error.ErrorCode;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Crowd analysis tasks (CONTRACT §11, Taobao TOP's crowdanalysis): a profile of one of the
 * account's lists, valid for a period, computed in the background (a JMS message; never in the
 * request) when the task is created, reloaded or re-timed, and whenever an import into its list
 * completes, as long as the task is valid. Another account's list or task answers as unknown.
 */
@Stateless
public class CrowdAnalysisService {

    @Inject
    AnalysisTaskRepository tasks;

    @Inject
    CustomerListRepository lists;

    @Inject
    ImportQueue queue;

    Clock clock = Clock.systemUTC();

    /** A task as clients read it: its period, its state, and the figures of its last computation. */
    public record TaskView(long taskId, long crowdId, Instant startTime, Instant endTime, AnalysisTask.State state,
                           Instant computedAt, CrowdProfile profile) {
    }

    public TaskView create(CallerContext caller, Long crowdId, Instant start, Instant end) {
        lists.findInAccount(crowdId, caller.accountId())
                .orElseThrow(() -> new BulkApiException(ErrorCode.INVALID_CUSTOMER_LIST, "No crowd " + crowdId + "."));
        AnalysisTask task = new AnalysisTask(tasks.nextTaskId(), caller.accountId(), crowdId, checked(start, end), end, clock.instant());
        tasks.store(task);
        queue.enqueueAnalysis(task.taskId());
        return view(task);
    }

    /** Moves the task's validity period, and computes it again. */
    public TaskView retime(CallerContext caller, long taskId, Instant start, Instant end) {
        AnalysisTask task = owned(caller, taskId);
        task.retime(checked(start, end), end);
        task.markForComputing();
        queue.enqueueAnalysis(taskId);
        return view(task);
    }

    /** Reloads the crowd: the figures are computed again now, from the list as it is (TOP's dumpData). */
    public TaskView reload(CallerContext caller, long taskId) {
        AnalysisTask task = owned(caller, taskId);
        task.markForComputing();
        queue.enqueueAnalysis(taskId);
        return view(task);
    }

    public TaskView delete(CallerContext caller, long taskId) {
        AnalysisTask task = owned(caller, taskId);
        TaskView view = view(task);
        tasks.remove(task);
        return view;
    }

    public TaskView get(CallerContext caller, long taskId) {
        return view(owned(caller, taskId));
    }

    /**
     * Computes a marked, valid task's figures in the database. The row is locked while it runs, so
     * a list change marking it meanwhile waits and marks it again: no change is missed.
     */
    public void compute(long taskId) {
        Instant now = clock.instant();
        tasks.lock(taskId).filter(task -> task.wantsComputingAt(now)).ifPresent(task -> {
            task.takeMark();
            CrowdProfile profile = tasks.profile(task.customerListId(), now);
            task.computed(profile.members(), profile.withEmail(), profile.withPhone(), profile.updatedLast7Days(),
                    profile.updatedLast30Days(), encode(profile.topCountries()), encode(profile.topCities()), now);
        });
    }

    /** An import into the list completed: its valid tasks are computed again (in the import's transaction). */
    public void listChanged(Long customerListId) {
        for (AnalysisTask task : tasks.findValidForList(customerListId, clock.instant())) {
            task.markForComputing();
            queue.enqueueAnalysis(task.taskId());
        }
    }

    private AnalysisTask owned(CallerContext caller, long taskId) {
        return tasks.findInAccount(taskId, caller.accountId())
                .orElseThrow(() -> new BulkApiException(ErrorCode.ANALYSIS_TASK_NOT_FOUND, "No analysis task " + taskId + "."));
    }

    private static Instant checked(Instant start, Instant end) {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new BulkApiException(ErrorCode.INVALID_ANALYSIS_PERIOD);
        }
        return start;
    }

    private TaskView view(AnalysisTask task) {
        CrowdProfile profile = task.computedAt() == null ? null : new CrowdProfile(task.members(), task.withEmail(), task.withPhone(),
                task.updatedLast7Days(), task.updatedLast30Days(), decode(task.topCountries()), decode(task.topCities()));
        return new TaskView(task.taskId(), task.customerListId(), task.startTime(), task.endTime(), task.stateAt(clock.instant()),
                task.computedAt(), profile);
    }

    /** The largest countries or cities as stored with the task: {@code name=count&...}, names percent-encoded, largest first. */
    static String encode(List<CrowdProfile.Count> counts) {
        StringBuilder text = new StringBuilder();
        for (CrowdProfile.Count count : counts) {
            text.append(text.length() == 0 ? "" : "&").append(URLEncoder.encode(count.name(), StandardCharsets.UTF_8))
                    .append('=').append(count.count());
        }
        return text.toString();
    }

    static List<CrowdProfile.Count> decode(String text) {
        List<CrowdProfile.Count> counts = new ArrayList<>();
        if (text != null && !text.isEmpty()) {
            for (String pair : text.split("&")) {
                int equals = pair.lastIndexOf('=');
                counts.add(new CrowdProfile.Count(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        Long.parseLong(pair.substring(equals + 1))));
            }
        }
        return counts;
    }
}

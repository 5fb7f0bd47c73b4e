package com.bulkupload.domain.model.analysis;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A crowd analysis task (CONTRACT §11): the profile of one customer list, valid from its start
 * to its end time. While valid it is kept fresh: it is marked for computing when it is created,
 * reloaded (dumpData), or when an import into its list completes; past its end it is expired and
 * no longer computed. The figures are those of the last computation.
 */
@Entity
@Table(name = "analysis_task")
public class AnalysisTask {

    /** What clients see of a task's life. */
    public enum State { computing, ready, expired }

    @Id
    @Column(name = "task_id")
    private Long taskId;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "customer_list_id", nullable = false)
    private Long customerListId;

    @Column(name = "start_time", nullable = false)
    private Instant startTime;

    @Column(name = "end_time", nullable = false)
    private Instant endTime;

    @Column(name = "needs_compute", nullable = false)
    private boolean needsCompute;

    @Column(name = "computed_at")
    private Instant computedAt;

    @Column(name = "member_count")
    private Long members;

    @Column(name = "with_email")
    private Long withEmail;

    @Column(name = "with_phone")
    private Long withPhone;

    @Column(name = "updated_7_days")
    private Long updatedLast7Days;

    @Column(name = "updated_30_days")
    private Long updatedLast30Days;

    @Column(name = "top_countries", length = 24000)
    private String topCountries;

    @Column(name = "top_cities", length = 24000)
    private String topCities;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected AnalysisTask() {
    }

    public AnalysisTask(long taskId, Long accountId, Long customerListId, Instant startTime, Instant endTime, Instant now) {
        this.taskId = taskId;
        this.accountId = accountId;
        this.customerListId = customerListId;
        this.createdAt = now;
        retime(startTime, endTime);
        this.needsCompute = true;
    }

    /** Moves the validity period (TOP's {@code time}). */
    public final void retime(Instant start, Instant end) {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("end_time must be after start_time");
        }
        this.startTime = start;
        this.endTime = end;
    }

    /** The list changed, or the client asked to reload: computed again soon, if still valid. */
    public void markForComputing() {
        needsCompute = true;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(endTime);
    }

    /** Whether a computation should run now: marked, and not expired. */
    public boolean wantsComputingAt(Instant now) {
        return needsCompute && !isExpiredAt(now);
    }

    /**
     * The figures as computed from the list at {@code now}; the caller has read the list after
     * taking the mark (so a change that lands meanwhile marks the task again).
     */
    public void computed(long members, long withEmail, long withPhone, long updated7, long updated30,
                         String topCountriesJson, String topCitiesJson, Instant now) {
        this.members = members;
        this.withEmail = withEmail;
        this.withPhone = withPhone;
        this.updatedLast7Days = updated7;
        this.updatedLast30Days = updated30;
        this.topCountries = topCountriesJson;
        this.topCities = topCitiesJson;
        this.computedAt = now;
    }

    /** Takes the mark before computing: a mark set after this moment asks for another computation. */
    public void takeMark() {
        needsCompute = false;
    }

    public State stateAt(Instant now) {
        if (isExpiredAt(now)) {
            return State.expired;
        }
        return needsCompute || computedAt == null ? State.computing : State.ready;
    }

    public Long taskId() {
        return taskId;
    }

    public Long accountId() {
        return accountId;
    }

    public Long customerListId() {
        return customerListId;
    }

    public Instant startTime() {
        return startTime;
    }

    public Instant endTime() {
        return endTime;
    }

    public Instant computedAt() {
        return computedAt;
    }

    public Long members() {
        return members;
    }

    public Long withEmail() {
        return withEmail;
    }

    public Long withPhone() {
        return withPhone;
    }

    public Long updatedLast7Days() {
        return updatedLast7Days;
    }

    public Long updatedLast30Days() {
        return updatedLast30Days;
    }

    public String topCountries() {
        return topCountries;
    }

    public String topCities() {
        return topCities;
    }
}

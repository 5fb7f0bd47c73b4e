package com.bulkupload.infrastructure.persistence.jpa;

import com.bulkupload.domain.model.analysis.AnalysisTask;
import com.bulkupload.domain.model.analysis.AnalysisTaskRepository;
import com.bulkupload.domain.model.analysis.CrowdProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaAnalysisTaskRepository implements AnalysisTaskRepository {

    static final int TOP = 10;

    @PersistenceContext(unitName = "bulk")
    EntityManager em;

    /** For CDI, which injects the container-managed entity manager. */
    public JpaAnalysisTaskRepository() {
    }

    /** With an entity manager managed by the caller (tests, tools). */
    public JpaAnalysisTaskRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public long nextTaskId() {
        return Sequences.next(em, "analysis_task_seq");
    }

    @Override
    public void store(AnalysisTask task) {
        em.persist(task);
    }

    @Override
    public void remove(AnalysisTask task) {
        em.remove(task);
    }

    @Override
    public Optional<AnalysisTask> findInAccount(long taskId, Long accountId) {
        return Optional.ofNullable(em.find(AnalysisTask.class, taskId)).filter(t -> t.accountId().equals(accountId));
    }

    @Override
    public Optional<AnalysisTask> lock(long taskId) {
        return Optional.ofNullable(em.find(AnalysisTask.class, taskId, LockModeType.PESSIMISTIC_WRITE));
    }

    @Override
    public List<AnalysisTask> findValidForList(Long customerListId, Instant now) {
        return em.createQuery("select t from AnalysisTask t where t.customerListId = :list and t.endTime > :now", AnalysisTask.class)
                .setParameter("list", customerListId).setParameter("now", now).getResultList();
    }

    @Override
    public int deleteEndedBefore(Instant before) {
        return em.createQuery("delete from AnalysisTask t where t.endTime < :before").setParameter("before", before).executeUpdate();
    }

    @Override
    public CrowdProfile profile(Long customerListId, Instant now) {
        // one pass over the list for the counts (conditional aggregates), one grouped query each
        // for countries and cities: the database does the work, nothing per customer comes back
        CustomerTablePlans.forValues(em);
        Object[] counts = em.createQuery("select count(c), count(c.email), count(c.phone),"
                        + " sum(case when c.updatedAt >= :week then 1 else 0 end),"
                        + " sum(case when c.updatedAt >= :month then 1 else 0 end)"
                        + " from Customer c where c.customerListId = :list", Object[].class)
                .setParameter("list", customerListId)
                .setParameter("week", now.minus(Duration.ofDays(7)))
                .setParameter("month", now.minus(Duration.ofDays(30)))
                .getSingleResult();
        return new CrowdProfile(number(counts[0]), number(counts[1]), number(counts[2]), number(counts[3]), number(counts[4]),
                top(customerListId, "country"), top(customerListId, "city"));
    }

    private List<CrowdProfile.Count> top(Long customerListId, String field) {
        return em.createQuery("select c." + field + ", count(c) from Customer c where c.customerListId = :list and c." + field
                        + " is not null and c." + field + " <> '' group by c." + field + " order by count(c) desc, c." + field, Object[].class)
                .setParameter("list", customerListId)
                .setMaxResults(TOP)
                .getResultList().stream()
                .map(row -> new CrowdProfile.Count((String) row[0], number(row[1])))
                .toList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

}

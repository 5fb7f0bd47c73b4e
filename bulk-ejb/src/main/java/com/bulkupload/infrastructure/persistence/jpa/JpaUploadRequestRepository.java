package com.bulkupload.infrastructure.persistence.jpa;

import com.bulkupload.domain.model.upload.RequestId;
import com.bulkupload.domain.model.upload.RequestStatus;
import com.bulkupload.domain.model.upload.UploadRequest;
import com.bulkupload.domain.model.upload.UploadRequestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaUploadRequestRepository implements UploadRequestRepository {

    private static final List<RequestStatus> ACTIVE = List.of(RequestStatus.FileUploaded, RequestStatus.InProgress);

    @PersistenceContext(unitName = "bulk")
    EntityManager em;

    /** For CDI, which injects the container-managed entity manager. */
    public JpaUploadRequestRepository() {
    }

    /** With an entity manager managed by the caller (tests, tools). */
    public JpaUploadRequestRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void store(UploadRequest request) {
        em.persist(request);
    }

    @Override
    public long nextBatchId() {
        return Sequences.next(em, "upload_batch_seq");
    }

    @Override
    public Optional<UploadRequest> findByBatchIdInAccount(long batchId, Long accountId) {
        return em.createQuery("select r from UploadRequest r where r.batchId = :batch and r.accountId = :account", UploadRequest.class)
                .setParameter("batch", batchId)
                .setParameter("account", accountId)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<UploadRequest> findInAccount(String requestId, Long accountId) {
        // text that is no RequestId (a NUL byte PostgreSQL would refuse, say) is simply not found
        return RequestId.parse(requestId).flatMap(id -> EntityLookups.find(em, UploadRequest.class, id.value()))
                .filter(request -> request.accountId().equals(accountId));
    }

    @Override
    public Optional<UploadRequest> lockInAccount(String requestId, Long accountId) {
        return RequestId.parse(requestId)
                .flatMap(id -> EntityLookups.find(em, UploadRequest.class, id.value(), LockModeType.PESSIMISTIC_WRITE))
                .filter(request -> request.accountId().equals(accountId));
    }

    @Override
    public Optional<UploadRequest> find(String requestId) {
        return RequestId.parse(requestId).flatMap(id -> EntityLookups.find(em, UploadRequest.class, id.value()));
    }

    @Override
    public List<UploadRequest> pageInAccount(Long accountId, RequestStatus status, PageAfter after, int max) {
        // newest first, in (created_at, request_id) order: the index upload_request_account_created_idx
        StringBuilder query = new StringBuilder("select r from UploadRequest r where r.accountId = :account");
        if (status != null) {
            query.append(" and r.status = :status");
        }
        if (after != null) {
            query.append(" and (r.createdAt < :createdAt or (r.createdAt = :createdAt and r.requestId < :requestId))");
        }
        query.append(" order by r.createdAt desc, r.requestId desc");
        var typed = em.createQuery(query.toString(), UploadRequest.class).setParameter("account", accountId).setMaxResults(max);
        if (status != null) {
            typed.setParameter("status", status);
        }
        if (after != null) {
            typed.setParameter("createdAt", after.createdAt()).setParameter("requestId", after.requestId());
        }
        return typed.getResultList();
    }

    @Override
    public Optional<String> nextImportInTurn() {
        // native: the turn order is a subquery in ORDER BY, which JPQL does not have; the two
        // subqueries are index lookups (account_id, status) and (account_id, started_at), over
        // the FileUploaded requests only, which the active-upload cap keeps few per account
        List<?> next = em.createNativeQuery("select r.request_id from upload_request r"
                        + " where r.status = ?1"
                        + " and not exists (select 1 from upload_request x where x.account_id = r.account_id and x.status = ?2)"
                        + " order by (select max(s.started_at) from upload_request s where s.account_id = r.account_id) nulls first,"
                        + " r.uploaded_at, r.request_id")
                .setParameter(1, RequestStatus.FileUploaded.name())
                .setParameter(2, RequestStatus.InProgress.name())
                .setMaxResults(1)
                .getResultList();
        return next.stream().findFirst().map(Object::toString);
    }

    @Override
    public long countWaitingImports() {
        return em.createQuery("select count(r) from UploadRequest r where r.status = :uploaded", Long.class)
                .setParameter("uploaded", RequestStatus.FileUploaded).getSingleResult();
    }

    @Override
    public List<UploadRequest> findStalledImports(Instant before, int max) {
        return em.createQuery("select r from UploadRequest r where (r.status = :uploaded and coalesce(r.heartbeatAt, r.uploadedAt) < :before)"
                        + " or (r.status = :running and coalesce(r.heartbeatAt, r.startedAt) < :before)", UploadRequest.class)
                .setParameter("uploaded", RequestStatus.FileUploaded)
                .setParameter("running", RequestStatus.InProgress)
                .setParameter("before", before)
                .setMaxResults(max)
                .getResultList();
    }

    @Override
    public List<UploadRequest> findWithFilesOlderThan(Instant before, int max) {
        return em.createQuery("select r from UploadRequest r where r.filesPurged = false and r.createdAt < :before"
                        + " and r.status not in :active", UploadRequest.class)
                .setParameter("before", before)
                .setParameter("active", ACTIVE)
                .setMaxResults(max)
                .getResultList();
    }

    @Override
    public int deleteCreatedBefore(Instant before) {
        List<String> ids = em.createQuery("select r.requestId from UploadRequest r where r.createdAt < :before"
                        + " and r.status not in :active", String.class)
                .setParameter("before", before)
                .setParameter("active", ACTIVE)
                .setMaxResults(1000)
                .getResultList();
        for (String id : ids) {
            em.remove(em.find(UploadRequest.class, id));
        }
        return ids.size();
    }

    @Override
    public Optional<UploadRequest> findByClientRequestToken(Long accountId, String clientRequestToken) {
        return em.createQuery("select r from UploadRequest r where r.accountId = :account"
                        + " and r.clientRequestToken = :token", UploadRequest.class)
                .setParameter("account", accountId)
                .setParameter("token", clientRequestToken)
                .getResultStream()
                .findFirst();
    }

    @Override
    public boolean hasImportRunning(Long accountId) {
        return !em.createQuery("select r.requestId from UploadRequest r where r.accountId = :account and r.status = :running", String.class)
                .setParameter("account", accountId)
                .setParameter("running", RequestStatus.InProgress)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    @Override
    public long countActiveInAccount(Long accountId) {
        return em.createQuery("select count(r) from UploadRequest r where r.accountId = :account"
                        + " and r.status in :active", Long.class)
                .setParameter("account", accountId)
                .setParameter("active", ACTIVE)
                .getSingleResult();
    }

    @Override
    public List<UploadRequest> findPendingPastDeadline(Instant now, int max) {
        return em.createQuery("select r from UploadRequest r where r.status = :pending"
                        + " and r.uploadDeadline <= :now order by r.uploadDeadline", UploadRequest.class)
                .setParameter("pending", RequestStatus.PendingFileUpload)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
    }
}

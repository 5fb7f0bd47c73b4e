package com.bulkupload.infrastructure.persistence.jpa;

import com.bulkupload.domain.model.upload.RequestStatus;
import com.bulkupload.domain.model.upload.UploadRequest;
import com.bulkupload.domain.model.upload.UploadRequestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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
    public Optional<UploadRequest> findInAccount(String requestId, Long accountId) {
        if (requestId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(UploadRequest.class, requestId))
                .filter(request -> request.accountId().equals(accountId));
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

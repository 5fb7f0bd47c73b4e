package com.bulkupload.infrastructure.persistence.jpa;

import com.bulkupload.domain.model.upload.RequestId;
import com.bulkupload.domain.model.upload.RequestStatus;
import com.bulkupload.domain.model.upload.UploadError;
import com.bulkupload.domain.model.upload.UploadRequest;
import com.bulkupload.domain.model.upload.UploadRequestRepository;
import com.bulkupload.domain.model.upload.UploadStatusSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

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

    /**
     * The status columns and the errors in order, by plain JDBC on the entity manager's connection:
     * loading the entity for a status call (an entity of 35 columns, its error collection, a
     * persistence context) was most of Hibernate's share of the call (docs/performance-profile.md).
     */
    private static final String STATUS = "select r.request_id, r.batch_id, r.status, r.percent_complete, r.rows_processed,"
            + " r.rows_failed, r.rows_with_warning, r.files_purged, r.fetch_started_at, e.code, e.error_code, e.message, e.details"
            + " from upload_request r left join upload_request_error e on e.request_id = r.request_id"
            + " where %s = ? and r.account_id = ? order by e.position";
    private static final String STATUS_BY_ID = String.format(STATUS, "r.request_id");
    private static final String STATUS_BY_BATCH = String.format(STATUS, "r.batch_id");

    @Override
    public Optional<UploadStatusSnapshot> statusInAccount(String requestId, Long accountId) {
        // text that is no RequestId is simply not found, as by findInAccount
        return RequestId.parse(requestId).flatMap(id -> status(STATUS_BY_ID, id.value(), accountId));
    }

    @Override
    public Optional<UploadStatusSnapshot> statusOfBatchInAccount(long batchId, Long accountId) {
        return status(STATUS_BY_BATCH, batchId, accountId);
    }

    private Optional<UploadStatusSnapshot> status(String sql, Object key, Long accountId) {
        Session session = em.unwrap(Session.class);
        if (session.isJoinedToTransaction()) {
            session.flush(); // a caller inside a transaction reads its own changes, as a query would
        }
        return session.doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, key);
                statement.setLong(2, accountId);
                try (ResultSet rows = statement.executeQuery()) {
                    return snapshot(rows);
                }
            }
        });
    }

    /** The request of the rows (its key is unique: a RequestId, or a batchId drawn from a sequence), with its errors. */
    private static Optional<UploadStatusSnapshot> snapshot(ResultSet rows) throws SQLException {
        if (!rows.next()) {
            return Optional.empty();
        }
        String requestId = rows.getString(1);
        long batchId = rows.getLong(2);
        RequestStatus status = RequestStatus.valueOf(rows.getString(3));
        int percent = rows.getInt(4);
        long processed = rows.getLong(5);
        long failed = rows.getLong(6);
        long warnings = rows.getLong(7);
        boolean purged = rows.getBoolean(8);
        boolean fetchStarted = rows.getObject(9) != null;
        List<UploadError> errors = new ArrayList<>();
        do {
            int code = rows.getInt(10);
            if (!rows.wasNull()) {
                errors.add(UploadError.stored(code, rows.getString(11), rows.getString(12), rows.getString(13)));
            }
        } while (rows.next());
        return Optional.of(new UploadStatusSnapshot(requestId, batchId, status, percent, processed, failed, warnings,
                errors, purged, fetchStarted));
    }

    @Override
    public Optional<UploadRequest> lockInAccount(String requestId, Long accountId) {
        return RequestId.parse(requestId)
                .flatMap(id -> EntityLookups.find(em, UploadRequest.class, id.value(), LockModeType.PESSIMISTIC_WRITE))
                .filter(request -> request.accountId().equals(accountId));
    }

    @Override
    public Optional<UploadRequest> lock(String requestId) {
        return RequestId.parse(requestId).flatMap(id -> EntityLookups.find(em, UploadRequest.class, id.value(), LockModeType.PESSIMISTIC_WRITE));
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
    public boolean hasActiveImportInto(Long listId) {
        return !em.createQuery("select r.requestId from UploadRequest r where r.target.customerListId = :list and r.status in :active",
                        Object.class)
                .setParameter("list", listId).setParameter("active", List.of(RequestStatus.FileUploaded, RequestStatus.InProgress))
                .setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public List<UploadRequest> findStalledImports(Instant before, int max) {
        return em.createQuery("select r from UploadRequest r where (r.status = :uploaded and coalesce(r.progress.heartbeatAt, r.file.uploadedAt) < :before)"
                        + " or (r.status = :running and coalesce(r.progress.heartbeatAt, r.progress.startedAt) < :before)", UploadRequest.class)
                .setParameter("uploaded", RequestStatus.FileUploaded)
                .setParameter("running", RequestStatus.InProgress)
                .setParameter("before", before)
                .setMaxResults(max)
                .getResultList();
    }

    @Override
    public List<UploadRequest> findAbandonedDownloads(Instant before, Instant now, int max) {
        return em.createQuery("select r from UploadRequest r where r.status = :pending and r.remoteFetch.sealedFileUrl is not null"
                        + " and coalesce(r.remoteFetch.fetchAliveAt, r.remoteFetch.fetchStartedAt) <= :before and r.uploadDeadline > :now",
                        UploadRequest.class)
                .setParameter("pending", RequestStatus.PendingFileUpload)
                .setParameter("before", before)
                .setParameter("now", now)
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

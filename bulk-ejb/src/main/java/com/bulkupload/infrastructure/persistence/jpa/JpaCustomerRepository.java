package com.bulkupload.infrastructure.persistence.jpa;

import com.bulkupload.domain.model.customer.Customer;
import com.bulkupload.domain.model.customer.CustomerChanges;
import com.bulkupload.domain.model.customer.CustomerRepository;
import com.bulkupload.domain.model.customer.LookupField;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

@ApplicationScoped
public class JpaCustomerRepository implements CustomerRepository {

    @PersistenceContext(unitName = "bulk")
    EntityManager em;

    /** The SQL for the database behind the data source, chosen on first use. */
    private volatile CustomerStatements statements;

    /** For CDI, which injects the container-managed entity manager. */
    public JpaCustomerRepository() {
    }

    /** With an entity manager managed by the caller (tests, tools). */
    public JpaCustomerRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Map<String, Long> findIdsByKeys(Long listId, String partition, LookupField field, Collection<String> keys) {
        if (keys.isEmpty()) {
            return new HashMap<>();
        }
        String column = field.column().map(CustomerStatements.COLUMNS::get).orElse("id");
        return work(connection -> statements(connection).findIds(connection, listId, partition, column, keys));
    }

    @Override
    public boolean isEmpty(Long listId) {
        CustomerTablePlans.forValues(em);
        return em.createQuery("select c.id from Customer c where c.customerListId = :list", Long.class)
                .setParameter("list", listId).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public void refreshStatistics(Long listId) {
        work(connection -> {
            statements(connection).refreshStatistics(connection, listId);
            return null;
        });
    }

    @Override
    public Map<String, Long> confirmIds(Long listId, LookupField field, Map<String, Long> candidates) {
        if (candidates.isEmpty()) {
            return new HashMap<>();
        }
        String column = field.column().map(CustomerStatements.COLUMNS::get).orElse("id");
        return work(connection -> statements(connection).confirmIds(connection, listId, column, candidates));
    }

    @Override
    public boolean beginFirstLoad(Long listId) {
        return work(connection -> statements(connection).beginFirstLoad(connection, listId));
    }

    @Override
    public Optional<String> unfinishedFirstLoad(Long listId) {
        return Optional.ofNullable(work(connection -> statements(connection).unfinishedFirstLoad(connection, listId)));
    }

    @Override
    public void indexFirstLoad(Long listId, LookupField field) {
        field.column().map(CustomerStatements.COLUMNS::get).ifPresent(column -> work(connection -> {
            statements(connection).indexFirstLoad(connection, listId, column);
            return null;
        }));
    }

    @Override
    public List<Long> listsWithUnfinishedFirstLoads() {
        return work(connection -> statements(connection).listsWithUnfinishedFirstLoads(connection));
    }

    @Override
    public void finishFirstLoad(Long listId) {
        work(connection -> {
            statements(connection).finishFirstLoad(connection, listId);
            return null;
        });
    }

    @Override
    public int deleteNotWrittenBy(Long listId, String requestId) {
        CustomerTablePlans.forValues(em);
        return em.createQuery("delete from Customer c where c.customerListId = :list and c.updatedByRequest <> :request")
                .setParameter("list", listId).setParameter("request", requestId).executeUpdate();
    }

    @Override
    public long[] allocateIds(int count) {
        return work(connection -> statements(connection).allocateIds(connection, count));
    }

    @Override
    public void apply(CustomerChanges.NetChanges changes) {
        if (changes.isEmpty()) {
            return;
        }
        work(connection -> {
            CustomerStatements statements = statements(connection);
            if (!changes.deletes().isEmpty()) {
                statements.delete(connection, changes.listId(), changes.deletes());
            }
            if (!changes.updates().isEmpty()) {
                statements.update(connection, changes);
            }
            if (!changes.inserts().isEmpty()) {
                statements.insert(connection, changes);
            }
            return null;
        });
    }

    /** JDBC on the connection of the current JPA transaction (after anything JPA still has to write). */
    private <T> T work(ReturningWork<T> work) {
        Session session = em.unwrap(Session.class);
        session.flush();
        return session.doReturningWork(work);
    }

    private CustomerStatements statements(Connection connection) throws SQLException {
        CustomerStatements known = statements;
        if (known == null) {
            known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                    ? new PostgresCustomerStatements()
                    : new CustomerStatements();
            statements = known;
        }
        return known;
    }

    @Override
    public List<Customer> page(Long listId, CustomerFilter filter, long afterId, int size) {
        StringBuilder jpql = new StringBuilder("select c from Customer c where c.customerListId = :list and c.id > :after");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("list", listId);
        parameters.put("after", afterId);
        List<String[]> filters = new ArrayList<>();
        filters.add(new String[] {"emailSha256", filter.emailSha256()});
        filters.add(new String[] {"phone", filter.phone()});
        filters.add(new String[] {"externalId", filter.externalId()});
        filters.add(new String[] {"partitionName", filter.partition()});
        for (String[] f : filters) {
            if (f[1] != null && !f[1].isBlank()) {
                jpql.append(" and c.").append(f[0]).append(" = :").append(f[0]);
                parameters.put(f[0], f[1].trim());
            }
        }
        // ordered by both columns of the (list, id) index although the list is fixed: H2 then reads
        // the page in index order and stops after it ("index sorted"); ordered by id alone it sorts
        // the rest of the list for every page (800 ms a page at 100k customers, 17x slower)
        CustomerTablePlans.forValues(em);
        TypedQuery<Customer> query = em.createQuery(jpql.append(" order by c.customerListId, c.id").toString(), Customer.class);
        parameters.forEach(query::setParameter);
        return query.setMaxResults(size).getResultList();
    }

    @Override
    public Map<Long, Long> countByList(Collection<Long> listIds) {
        Map<Long, Long> counts = new java.util.HashMap<>();
        if (listIds.isEmpty()) {
            return counts;
        }
        CustomerTablePlans.forValues(em);
        for (Object[] row : em.createQuery("select c.customerListId, count(c) from Customer c where c.customerListId in :lists"
                + " group by c.customerListId", Object[].class).setParameter("lists", listIds).getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }
}

package com.bulkupload.infrastructure.persistence.jpa;

import com.bulkupload.domain.model.customer.Customer;
import com.bulkupload.domain.model.customer.CustomerField;
import com.bulkupload.domain.model.customer.CustomerRepository;
import com.bulkupload.domain.model.upload.LookupField;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class JpaCustomerRepository implements CustomerRepository {

    @PersistenceContext(unitName = "bulk")
    EntityManager em;

    /** For CDI, which injects the container-managed entity manager. */
    public JpaCustomerRepository() {
    }

    /** With an entity manager managed by the caller (tests, tools). */
    public JpaCustomerRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Map<String, Customer> findByKeys(Long listId, String partition, LookupField field, Collection<String> keys) {
        Map<String, Customer> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        if (field == LookupField.Id) {
            List<Long> ids = keys.stream().map(Long::valueOf).toList();
            for (Customer customer : em.createQuery("select c from Customer c where c.customerListId = :list"
                            + " and c.partitionName = :partition and c.id in :ids", Customer.class)
                    .setParameter("list", listId).setParameter("partition", partition).setParameter("ids", ids)
                    .getResultList()) {
                found.put(Long.toString(customer.id()), customer);
            }
            return found;
        }
        CustomerField column = switch (field) {
            case Email -> CustomerField.Email;
            case Phone -> CustomerField.Phone;
            case ExternalId -> CustomerField.ExternalId;
            case Id -> throw new IllegalStateException();
        };
        String attribute = switch (field) {
            case Email -> "email";
            case Phone -> "phone";
            case ExternalId -> "externalId";
            case Id -> throw new IllegalStateException();
        };
        for (Customer customer : em.createQuery("select c from Customer c where c.customerListId = :list"
                        + " and c.partitionName = :partition and c." + attribute + " in :keys order by c.id", Customer.class)
                .setParameter("list", listId).setParameter("partition", partition).setParameter("keys", keys)
                .getResultList()) {
            found.putIfAbsent(customer.get(column), customer);
        }
        return found;
    }

    @Override
    public void store(Customer customer) {
        em.persist(customer);
    }

    @Override
    public void remove(Customer customer) {
        em.remove(customer);
    }

    @Override
    public List<Customer> page(Long listId, CustomerFilter filter, long afterId, int size) {
        StringBuilder jpql = new StringBuilder("select c from Customer c where c.customerListId = :list and c.id > :after");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("list", listId);
        parameters.put("after", afterId);
        List<String[]> filters = new ArrayList<>();
        filters.add(new String[] {"email", filter.email()});
        filters.add(new String[] {"phone", filter.phone()});
        filters.add(new String[] {"externalId", filter.externalId()});
        filters.add(new String[] {"partitionName", filter.partition()});
        for (String[] f : filters) {
            if (f[1] != null && !f[1].isBlank()) {
                jpql.append(" and c.").append(f[0]).append(" = :").append(f[0]);
                parameters.put(f[0], f[1].trim());
            }
        }
        TypedQuery<Customer> query = em.createQuery(jpql.append(" order by c.id").toString(), Customer.class);
        parameters.forEach(query::setParameter);
        return query.setMaxResults(size).getResultList();
    }
}

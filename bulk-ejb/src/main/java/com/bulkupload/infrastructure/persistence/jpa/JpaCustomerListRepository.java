package com.bulkupload.infrastructure.persistence.jpa;

import com.bulkupload.domain.model.customer.CustomerList;
import com.bulkupload.domain.model.customer.CustomerListRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaCustomerListRepository implements CustomerListRepository {

    @PersistenceContext(unitName = "bulk")
    EntityManager em;

    /** For CDI, which injects the container-managed entity manager. */
    public JpaCustomerListRepository() {
    }

    /** With an entity manager managed by the caller (tests, tools). */
    public JpaCustomerListRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public CustomerList store(CustomerList list) {
        em.persist(list);
        return list;
    }

    @Override
    public Optional<CustomerList> findInAccount(Long listId, Long accountId) {
        return EntityLookups.find(em, CustomerList.class, listId)
                .filter(list -> list.accountId().equals(accountId));
    }

    @Override
    public List<CustomerList> findAllInAccount(Long accountId) {
        return em.createQuery("select l from CustomerList l where l.accountId = :account order by l.id", CustomerList.class)
                .setParameter("account", accountId).getResultList();
    }

    @Override
    public Optional<CustomerList> findByNameInAccount(String name, Long accountId) {
        return em.createQuery("select l from CustomerList l where l.accountId = :account and l.name = :name order by l.id", CustomerList.class)
                .setParameter("account", accountId).setParameter("name", name).setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    public Map<Long, CustomerList> createdByRequest(String requestId) {
        Map<Long, CustomerList> lists = new HashMap<>();
        for (CustomerList list : em.createQuery("select l from CustomerList l where l.createdByRequest = :request", CustomerList.class)
                .setParameter("request", requestId).getResultList()) {
            lists.put(list.clientReference(), list);
        }
        return lists;
    }

    @Override
    public List<CustomerList> replacedByRequest(String requestId) {
        return em.createQuery("select l from CustomerList l where l.replacedByRequest = :request order by l.id", CustomerList.class)
                .setParameter("request", requestId).getResultList();
    }

    @Override
    public void delete(CustomerList list) {
        CustomerTablePlans.forValues(em);
        em.createQuery("delete from Customer c where c.customerListId = :list").setParameter("list", list.id()).executeUpdate();
        em.remove(list);
    }
}

package com.bulkupload.infrastructure.persistence.jpa;

import com.bulkupload.domain.model.customer.CustomerList;
import com.bulkupload.domain.model.customer.CustomerListRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
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
}

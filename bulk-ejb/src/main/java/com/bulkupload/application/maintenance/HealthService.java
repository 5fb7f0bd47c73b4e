package com.bulkupload.application.maintenance;

import com.bulkupload.application.ImportQueue;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Is this node able to work: can it reach the database and the import queue? */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthService {

    private static final Logger LOG = Logger.getLogger(HealthService.class.getName());

    @Resource(lookup = "java:jboss/datasources/BulkDS")
    DataSource dataSource;

    @Inject
    ImportQueue importQueue;

    public record Health(boolean database, boolean queue) {
        public boolean up() {
            return database && queue;
        }
    }

    public Health check() {
        return new Health(databaseReachable(), importQueue.isReachable());
    }

    private boolean databaseReachable() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("select 1");
            return true;
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Health: database unreachable", e);
            return false;
        }
    }
}

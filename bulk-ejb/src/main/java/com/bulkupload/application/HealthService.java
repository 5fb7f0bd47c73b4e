package com.bulkupload.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
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

    // the pooled factory: a health probe every few milliseconds must not open a JMS connection each time
    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "java:/jms/queue/BulkImport")
    Queue importQueue;

    public record Health(boolean database, boolean queue) {
        public boolean up() {
            return database && queue;
        }
    }

    public Health check() {
        return new Health(databaseReachable(), queueReachable());
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

    private boolean queueReachable() {
        try (JMSContext context = connectionFactory.createContext(); QueueBrowser browser = context.createBrowser(importQueue)) {
            browser.getEnumeration();
            return true;
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Health: import queue unreachable", e);
            return false;
        }
    }
}

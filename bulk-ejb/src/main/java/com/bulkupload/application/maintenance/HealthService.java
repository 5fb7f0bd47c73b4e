package com.bulkupload.application.maintenance;

import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.FileStore;
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

    @Inject
    FileStore storage;

    @Inject
    BulkSettings settings;

    /** How full the file store is: OK; LOW under twice the reserve (BULK_MIN_FREE_BYTES); FULL under the reserve (uploads are refused). */
    public enum Storage { OK, LOW, FULL }

    /**
     * Whether the node can work. Storage is reported but does not make the node down: a full store
     * refuses uploads and pauses imports on every node alike, while status calls and result files
     * still work, so the balancer must keep sending them.
     */
    public record Health(boolean database, boolean queue, Storage storage, long storageFreeBytes) {
        public boolean up() {
            return database && queue;
        }
    }

    public Health check() {
        long free = freeBytes();
        long reserve = settings.minFreeBytes();
        Storage storageState = free < reserve ? Storage.FULL : free < 2 * reserve ? Storage.LOW : Storage.OK;
        return new Health(databaseReachable(), importQueue.isReachable(), storageState, Math.max(0, free));
    }

    private long freeBytes() {
        try {
            return storage.usableBytes();
        } catch (java.io.IOException e) {
            LOG.log(Level.WARNING, "Health: the file store's free space cannot be read", e);
            return -1;
        }
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

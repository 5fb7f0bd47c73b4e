package com.bulkupload.infrastructure.messaging.jms;

import com.bulkupload.application.BulkSettings;
import com.bulkupload.application.ImportQueue;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.util.logging.Logger;

/**
 * Puts upload requests on the import queue. Sent through the XA connection factory, so the
 * message is part of the caller's transaction: it exists exactly when the status change that goes
 * with it is committed.
 */
@ApplicationScoped
public class JmsImportQueue implements ImportQueue {

    private static final Logger LOG = Logger.getLogger(JmsImportQueue.class.getName());

    /** Artemis message groups: one account's downloads run one at a time, in order. */
    static final String GROUP = "JMSXGroupID";
    /** What a message asks for: an import (absent), or the download of a request's file first. */
    public static final String JOB = "BulkJob";
    public static final String DOWNLOAD = "download";
    public static final String ANALYSIS = "analysis";

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext context;

    @Resource(lookup = "java:/jms/queue/BulkImport")
    Queue queue;

    /**
     * Not the pooled factory: its connections reconnect by themselves and look alive while the
     * broker is gone. A plain one (java:/ConnectionFactory: in-VM on one node; on a cluster's node
     * a factory to the broker that does not reconnect, cluster-config.cli) has its one connection
     * fail as soon as the broker is lost.
     */
    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory probeFactory;

    @Inject
    BulkSettings settings;

    private volatile Connection probe;
    /** One caller at a time tries to connect; the others answer at once (a health check must never queue). */
    private final java.util.concurrent.atomic.AtomicBoolean connecting = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile long lastProbeAttempt;
    private static final long PROBE_RETRY_NANOS = 1_000_000_000L;

    @Override
    public void fileWaiting(String requestId) {
        // no group: whichever slot takes the message imports the file whose turn it is, which
        // need not be this one (ImportRequestConsumer); the id is there for the log only
        context.createProducer().send(queue, requestId);
    }

    @Override
    public void enqueueAnalysis(long taskId) {
        // no group: computations are short and independent of every import
        context.createProducer().setProperty(JOB, ANALYSIS).send(queue, Long.toString(taskId));
    }

    @Override
    public void enqueueDownload(String requestId, Long accountId) {
        // a group of their own: an account's downloads do not wait behind its imports, whose
        // 15-minute upload window they must make
        context.createProducer()
                .setProperty(GROUP, "download-account-" + accountId)
                .setProperty(JOB, DOWNLOAD)
                .send(queue, requestId);
    }

    /**
     * Whether the broker is there: this node keeps one connection open to it, and the broker is
     * reachable while that connection stands (its failure is seen at once when the broker goes,
     * within the client's failure check when it freezes). Once lost, one caller at a time tries a
     * new connection, at most once a second; every other caller is answered at once, so health
     * checks never queue behind a connection attempt.
     */
    @Override
    public boolean isReachable() {
        if (probe != null) {
            return true;
        }
        long now = System.nanoTime();
        if ((lastProbeAttempt != 0 && now - lastProbeAttempt < PROBE_RETRY_NANOS) || !connecting.compareAndSet(false, true)) {
            return false;
        }
        try {
            lastProbeAttempt = now;
            Connection connection = settings.cluster()
                    ? probeFactory.createConnection(settings.get("BULK_BROKER_USER").orElse("bulk"), settings.get("BULK_BROKER_PASSWORD").orElse("bulk"))
                    : probeFactory.createConnection();
            connection.setExceptionListener(lost -> {
                LOG.warning("Health: the connection to the broker failed (" + lost.getMessage() + "); this node takes no imports until it is back");
                dropProbe(connection);
            });
            probe = connection;
            return true;
        } catch (Exception e) {
            LOG.warning("Health: the broker is unreachable (" + e.getMessage() + ")");
            return false;
        } finally {
            connecting.set(false);
        }
    }

    private synchronized void dropProbe(Connection connection) {
        if (probe == connection) {
            probe = null;
        }
        try {
            connection.close();
        } catch (Exception e) {
            // failed already
        }
    }

    @PreDestroy
    void closeProbe() {
        Connection connection = probe;
        if (connection != null) {
            dropProbe(connection);
        }
    }
}

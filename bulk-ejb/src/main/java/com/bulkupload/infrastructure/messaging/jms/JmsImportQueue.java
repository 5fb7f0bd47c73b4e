package com.bulkupload.infrastructure.messaging.jms;

import com.bulkupload.application.ImportQueue;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.logging.Level;
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

    // the pooled factory: a health probe every few milliseconds must not open a JMS connection each time
    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory connectionFactory;

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

    @Override
    public boolean isReachable() {
        try (JMSContext probe = connectionFactory.createContext(); QueueBrowser browser = probe.createBrowser(queue)) {
            browser.getEnumeration();
            return true;
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Health: import queue unreachable", e);
            return false;
        }
    }
}

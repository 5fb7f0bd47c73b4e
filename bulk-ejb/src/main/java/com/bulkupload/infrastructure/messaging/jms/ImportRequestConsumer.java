package com.bulkupload.infrastructure.messaging.jms;

import com.bulkupload.application.analysis.CrowdAnalysisService;
import com.bulkupload.application.importing.Importer;
import com.bulkupload.application.requests.RemoteFileImporter;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * One session is one import slot (BULK_IMPORT_CONCURRENCY, 2 per node). An import message only
 * says that a file is waiting: the slot then imports whichever file's turn it is, over every
 * account, and the next, until none waits (docs/design.md, "Import slots"). Downloads and
 * analyses carry their own id. No transaction here: an import commits chunk by chunk, far longer
 * than any transaction should live; the message is acknowledged when the slot is done, so a
 * crash redelivers it and the request resumes from its last committed chunk.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/BulkImport"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${env.BULK_IMPORT_CONCURRENCY:2}")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportRequestConsumer implements MessageListener {

    @EJB
    Importer imports;

    @EJB
    RemoteFileImporter downloads;

    @EJB
    CrowdAnalysisService analyses;

    @Override
    public void onMessage(Message message) {
        try {
            String job = message.getStringProperty(JmsImportQueue.JOB);
            if (JmsImportQueue.DOWNLOAD.equals(job)) {
                downloads.download(message.getBody(String.class));
            } else if (JmsImportQueue.ANALYSIS.equals(job)) {
                analyses.compute(Long.parseLong(message.getBody(String.class)));
            } else {
                while (imports.importNextInTurn()) {
                    // a slot that frees takes the next account's file at once
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable import message", e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("The work directory cannot be written", e);
        }
    }
}

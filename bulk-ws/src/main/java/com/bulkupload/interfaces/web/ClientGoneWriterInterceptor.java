package com.bulkupload.interfaces.web;

import com.fasterxml.jackson.core.JacksonException;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * A client that went away before its answer was written is not a server error: CXF would log each
 * such answer at ERROR ("Problem with writing the data"), so that an attack's leftovers (killed
 * slow connections) fire an operator's alerting. Logged here once, at INFO, without a stack trace;
 * a failure to produce the JSON itself is still an error and goes on as one.
 */
public class ClientGoneWriterInterceptor implements WriterInterceptor {

    private static final Logger LOG = Logger.getLogger(ClientGoneWriterInterceptor.class.getName());

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        try {
            context.proceed();
        } catch (JacksonException e) {
            throw e;
        } catch (IOException e) {
            LOG.info(() -> "The client went away before its answer was written (" + e.getClass().getSimpleName() + ")");
        }
    }
}

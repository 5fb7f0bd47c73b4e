package com.bulkupload.domain.model.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.bulkupload.domain.model.customer.LookupField;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OptionParsingTest {

    @Test
    void responseModeDefaultsAndIgnoresCase() {
        assertEquals(Optional.of(ResponseMode.ErrorsOnly), ResponseMode.parse(null));
        assertEquals(Optional.of(ResponseMode.ErrorsOnly), ResponseMode.parse(""));
        assertEquals(Optional.of(ResponseMode.ErrorsAndResults), ResponseMode.parse(" errorsandresults "));
        assertTrue(ResponseMode.parse("Everything").isEmpty());
    }

    @Test
    void lookupFieldDefaultsToEmail() {
        assertEquals(Optional.of(LookupField.Email), LookupField.parse(null));
        assertEquals(Optional.of(LookupField.ExternalId), LookupField.parse("EXTERNALID"));
        assertEquals(Optional.of(LookupField.Id), LookupField.parse("Id"));
        assertTrue(LookupField.parse("Fax").isEmpty());
    }

    @Test
    void onlyUploadedAndRunningRequestsAreActive() {
        assertTrue(RequestStatus.FileUploaded.isActive());
        assertTrue(RequestStatus.InProgress.isActive());
        for (RequestStatus status : new RequestStatus[] {RequestStatus.PendingFileUpload, RequestStatus.Completed,
                RequestStatus.CompletedWithErrors, RequestStatus.Failed}) {
            assertTrue(!status.isActive(), status.name());
        }
    }
}

package com.bulkupload.application.importing;

import com.bulkupload.domain.model.upload.RowCheck;
import java.util.List;

/** A record of the file as uploaded, with what validation made of it. */
public record ImportRow(List<String> fields, RowCheck check) {
}

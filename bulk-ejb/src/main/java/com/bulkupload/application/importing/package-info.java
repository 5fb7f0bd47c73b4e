/**
 * Importing a stored file: claiming the next file in fair turn ({@code Importer}, {@code ImportLifecycle}),
 * then reader → processor → writer ({@code UploadFiles} opens the file as rows, {@code RowProcessor}
 * checks each, {@code CustomerChunkWriter} upserts a chunk and commits its checkpoint), with the
 * result file written line by line ({@code ResultFile} over the {@code ResultLines} port).
 * Ports owned here: {@code UploadFiles}, {@code ResultLines}.
 */
package com.bulkupload.application.importing;

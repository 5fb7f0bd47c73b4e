package com.bulkupload.infrastructure.persistence.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Microsoft's Customer Match (CONTRACT §5, bulk format):
 * <ul>
 * <li>every customer carries {@code email_sha256}, the SHA-256 of its normalised e-mail, and is
 * found by e-mail through it: the e-mail's own lookup index gives way to one on the hash (the
 * §8 read filter by e-mail hashes the filter too), so the table keeps its five indexes. Existing
 * customers get the hash of the e-mail they have: e-mails were always stored normalised (trimmed,
 * lower case), so the hash of the stored text is the hash of the normalised e-mail;</li>
 * <li>a customer list keeps what a Customer List record may set (description, membership
 * duration, scope), which request created it under which reference (its negative {@code Id} in
 * the file, so that a resumed import finds the list it created instead of creating another), and
 * which request is replacing its contents (Action Type {@code Replace});</li>
 * <li>a request remembers the layout of its result file ({@code MicrosoftBulk} for an upload in
 * Microsoft's bulk format), for whoever reads it back.</li>
 * </ul>
 */
public class V12__Email_hashes_and_customer_list_records extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE customer ADD COLUMN email_sha256 VARCHAR(64)" + (postgres ? " COLLATE \"C\"" : ""));
            statement.execute(postgres
                    ? "UPDATE customer SET email_sha256 = encode(sha256(convert_to(email, 'UTF8')), 'hex') WHERE email IS NOT NULL"
                    : "UPDATE customer SET email_sha256 = LOWER(RAWTOHEX(HASH('SHA-256', CAST(email AS VARBINARY)))) WHERE email IS NOT NULL");
            statement.execute("DROP INDEX customer_email_idx");
            statement.execute("CREATE INDEX customer_email_sha256_idx ON customer (email_sha256, customer_list_id, partition_name)");

            statement.execute("ALTER TABLE customer_list ADD COLUMN description VARCHAR(1024)");
            statement.execute("ALTER TABLE customer_list ADD COLUMN membership_duration INTEGER");
            statement.execute("ALTER TABLE customer_list ADD COLUMN scope VARCHAR(16)");
            statement.execute("ALTER TABLE customer_list ADD COLUMN created_by_request VARCHAR(64)");
            statement.execute("ALTER TABLE customer_list ADD COLUMN client_reference BIGINT");
            statement.execute("ALTER TABLE customer_list ADD COLUMN replaced_by_request VARCHAR(64)");
            statement.execute("CREATE INDEX customer_list_created_by_idx ON customer_list (created_by_request)");
            statement.execute("CREATE INDEX customer_list_replaced_by_idx ON customer_list (replaced_by_request)");

            statement.execute("ALTER TABLE upload_request ADD COLUMN result_layout VARCHAR(16)");
        }
    }
}

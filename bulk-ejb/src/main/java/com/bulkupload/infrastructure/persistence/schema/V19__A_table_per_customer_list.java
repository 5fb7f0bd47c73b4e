package com.bulkupload.infrastructure.persistence.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, {@code customer} becomes a table partitioned by list: each list's customers in a
 * table of their own, {@code customer_p<list id>} (docs/design.md, "A table per list"). A list's
 * first load then fills its table bare and builds its indexes once, and no import maintains
 * another list's indexes. The indexes lose the list column, which a list's own table holds one
 * value of: the primary key becomes (list, id), which also pages a list in id order, so the
 * separate page index goes.
 * <p>
 * The customers of the release before are copied list by list into their tables, which are then
 * attached (the copy before the attach: each table's indexes are built once, from its rows), and
 * the old table is dropped. Its rows are read in list and id order through the page index.
 * Measured: 3M customers in 102 lists (2M, 900k and 100 of 1,000) in 34.8 s.
 * <p>
 * Queries of {@code customer} by list are planned for the one list's table (plan-time pruning)
 * only in a custom plan; a generic plan of a prepared statement would lock every list's table, and
 * with thousands of lists run out of the lock table. So the role that migrates (the server's) plans
 * every statement for its parameters in this database. (V20 undoes that: only the queries of
 * {@code customer} plan for their values now, in their own transactions.)
 * <p>
 * H2 keeps one table: the embedded default's lists are small and it has no partitions.
 */
public class V19__A_table_per_customer_list extends BaseJavaMigration {

    private static final Logger LOG = Logger.getLogger(V19__A_table_per_customer_list.class.getName());

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE customer RENAME TO customer_before_v19");
            statement.execute("ALTER INDEX customer_pkey RENAME TO customer_before_v19_pkey");
            for (String index : List.of("email_sha256", "phone", "external_id", "list_page")) {
                statement.execute("ALTER INDEX customer_" + index + "_idx RENAME TO customer_before_v19_" + index + "_idx");
            }
            statement.execute("SET LOCAL maintenance_work_mem = '256MB'");
            statement.execute("CREATE TABLE customer (LIKE customer_before_v19 INCLUDING DEFAULTS) PARTITION BY LIST (customer_list_id)");
            statement.execute("ALTER TABLE customer ADD CONSTRAINT customer_pkey PRIMARY KEY (customer_list_id, id)");
            statement.execute("CREATE INDEX customer_email_sha256_idx ON customer (email_sha256, partition_name)");
            statement.execute("CREATE INDEX customer_phone_idx ON customer (phone, partition_name)");
            statement.execute("CREATE INDEX customer_external_id_idx ON customer (external_id, partition_name)");

            List<Long> lists = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT DISTINCT customer_list_id FROM customer_before_v19 ORDER BY 1")) {
                while (rs.next()) {
                    lists.add(rs.getLong(1));
                }
            }
            for (Long list : lists) {
                String table = "customer_p" + list;
                statement.execute("CREATE TABLE " + table + " (LIKE customer INCLUDING DEFAULTS)");
                statement.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + table + "_list CHECK (customer_list_id = " + list + ")");
                statement.execute("INSERT INTO " + table + " SELECT * FROM customer_before_v19 WHERE customer_list_id = " + list
                        + " ORDER BY id");
                statement.execute("ALTER TABLE customer ATTACH PARTITION " + table + " FOR VALUES IN (" + list + ")");
                statement.execute("ANALYZE " + table);
            }
            statement.execute("DROP TABLE customer_before_v19");

            RoleDefault.change(connection, "SET plan_cache_mode = force_custom_plan", LOG,
                    "Could not set plan_cache_mode = force_custom_plan for the server's role (%s); set it for the role or the database: with many lists, generic plans lock every list's table");
            statement.execute("SET plan_cache_mode = force_custom_plan");
        }
    }
}

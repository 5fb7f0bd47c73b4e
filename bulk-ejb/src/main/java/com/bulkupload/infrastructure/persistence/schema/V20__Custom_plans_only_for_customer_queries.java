package com.bulkupload.infrastructure.persistence.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, undoes V19's {@code plan_cache_mode = force_custom_plan} for the server's role:
 * planning every statement for its values cost status calls a fifth to a third of their rate
 * (docs/performance-profile.md, "Custom plans for the customer table only"). The queries of the
 * partitioned {@code customer} table by list now ask for custom plans in their own transactions
 * ({@code CustomerTablePlans}). A setting an operator made for the database is left alone.
 */
public class V20__Custom_plans_only_for_customer_queries extends BaseJavaMigration {

    private static final Logger LOG = Logger.getLogger(V20__Custom_plans_only_for_customer_queries.class.getName());

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        RoleDefault.change(connection, "RESET plan_cache_mode", LOG,
                "Could not reset plan_cache_mode for the server's role (%s); if it is force_custom_plan, RESET it: status calls are faster without it");
        try (Statement statement = connection.createStatement()) {
            statement.execute("RESET plan_cache_mode");
        }
    }
}

package dev.agentq.store.internal;

import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** The one place that configures Jdbi for agentq. */
public final class JdbiSetup {
  private JdbiSetup() {}

  public static Jdbi create(DataSource dataSource) {
    Jdbi jdbi = Jdbi.create(dataSource);
    jdbi.installPlugin(new SqlObjectPlugin());
    jdbi.installPlugin(new PostgresPlugin());
    PostgresTypes.register(jdbi);
    Rows.register(jdbi);
    // Bound values are prompts, documents and model output: never copy them into exception text.
    jdbi.getConfig(StatementExceptions.class)
        .setMessageRendering(StatementExceptions.MessageRendering.NONE);
    return jdbi;
  }
}

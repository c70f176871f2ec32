package dev.agentq.store.internal;

import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the token buckets. */
@RegisterConstructorMapper(RateDao.Bucket.class)
interface RateDao {

  /** A bucket after a request: how many tokens it gave, and what it holds now. */
  record Bucket(int granted, double tokens) {}

  /** Commit without waiting for the disk: a lost bucket update only forgets a few requests. */
  @SqlUpdate("SET LOCAL synchronous_commit = off")
  void relaxCommit();

  /**
   * Refills the bucket for the time since its last request (never above {@code burst}), then takes
   * up to {@code wanted} whole tokens, in one atomic statement; a new key's bucket starts full. SET
   * expressions all read the row as it was, so {@code granted} and {@code tokens} agree.
   */
  @SqlQuery(
      """
      INSERT INTO rate_buckets AS b (key_id, tokens, refilled_at, granted)
      VALUES (:keyId, :burst - LEAST(:wanted, :burst), :now, LEAST(:wanted, :burst))
      ON CONFLICT (key_id) DO UPDATE SET
          granted = LEAST(:wanted, FLOOR(LEAST(:burst, b.tokens + :perSecond
                        * GREATEST(0, EXTRACT(EPOCH FROM (CAST(:now AS timestamptz) - b.refilled_at))))))::integer,
          tokens = LEAST(:burst, b.tokens + :perSecond
                       * GREATEST(0, EXTRACT(EPOCH FROM (CAST(:now AS timestamptz) - b.refilled_at))))
                   - LEAST(:wanted, FLOOR(LEAST(:burst, b.tokens + :perSecond
                       * GREATEST(0, EXTRACT(EPOCH FROM (CAST(:now AS timestamptz) - b.refilled_at)))))),
          refilled_at = GREATEST(b.refilled_at, :now)
      RETURNING granted, tokens
      """)
  Bucket take(
      @Bind("keyId") UUID keyId,
      @Bind("perSecond") double perSecond,
      @Bind("burst") int burst,
      @Bind("wanted") int wanted,
      @Bind("now") Instant now);
}

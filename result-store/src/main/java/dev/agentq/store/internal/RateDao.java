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

  /** A bucket after a request: whether it gave a token, and what it holds now. */
  record Bucket(boolean allowed, double tokens) {}

  /** Commit without waiting for the disk: a lost bucket update only forgets a few requests. */
  @SqlUpdate("SET LOCAL synchronous_commit = off")
  void relaxCommit();

  /**
   * Refills the bucket for the time since its last request (never above {@code burst}), then takes
   * a token if it holds one, in one atomic statement; a new key's bucket starts full. SET
   * expressions all read the row as it was, so {@code allowed} and {@code tokens} agree.
   */
  @SqlQuery(
      """
      INSERT INTO rate_buckets AS b (key_id, tokens, refilled_at, allowed)
      VALUES (:keyId, :burst - 1, :now, true)
      ON CONFLICT (key_id) DO UPDATE SET
          allowed = LEAST(:burst, b.tokens + :perSecond
                        * GREATEST(0, EXTRACT(EPOCH FROM (CAST(:now AS timestamptz) - b.refilled_at))))
                    >= 1,
          tokens = LEAST(:burst, b.tokens + :perSecond
                       * GREATEST(0, EXTRACT(EPOCH FROM (CAST(:now AS timestamptz) - b.refilled_at))))
                   - CASE WHEN LEAST(:burst, b.tokens + :perSecond
                                   * GREATEST(0, EXTRACT(EPOCH FROM
                                         (CAST(:now AS timestamptz) - b.refilled_at)))) >= 1
                          THEN 1 ELSE 0 END,
          refilled_at = GREATEST(b.refilled_at, :now)
      RETURNING allowed, tokens
      """)
  Bucket take(
      @Bind("keyId") UUID keyId,
      @Bind("perSecond") double perSecond,
      @Bind("burst") int burst,
      @Bind("now") Instant now);
}

package id.go.kpu.jdih.store.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.anchor.HeadSeal;
import id.go.kpu.jdih.anchor.SealStore;
import id.go.kpu.jdih.workflow.CaseId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A {@link SealStore} in the database of a {@link JdbcStorage} (H2, PostgreSQL 15, MariaDB 10.11): one row per seal
 * in {@code head_seals} (schema version 5), primary key {@code (case_id, sequence_no, head_hash, key_id)}. Obtain
 * it from {@link JdbcStorage#seals()} and give it to {@code Jdih.builder().sealWith(signer, storage.seals())}.
 *
 * <p>The seals may live next to the events: a seal is an HMAC whose key the database does not hold, so whoever
 * writes the database can delete seals or copy old ones, not make new ones. {@link #put} inserts the seal (a seal
 * stored already is left as it is, without an error that would spoil a transaction) and deletes the case's seals
 * below {@code dropBelow}, in one transaction.
 *
 * <p>Thread-safe: every call borrows its own connection.
 */
public final class JdbcSealStore implements SealStore {

  private static final String INSERT = "INSERT INTO head_seals (case_id, sequence_no, head_hash, key_id, tag)"
      + " VALUES (?, ?, ?, ?, ?)";
  // PostgreSQL: no error on a duplicate, so the transaction stays usable (see JdbcOutboxStore.insert).
  private static final String PG_INSERT = INSERT
      + " ON CONFLICT (case_id, sequence_no, head_hash, key_id) DO NOTHING";
  private static final String DROP = "DELETE FROM head_seals WHERE case_id = ? AND sequence_no < ?";
  private static final String FIND = "SELECT head_hash, key_id, tag FROM head_seals WHERE case_id = ?"
      + " AND sequence_no = ?";

  private final DataSource dataSource;
  private final boolean ownPool;
  private final Dialect dialect;

  JdbcSealStore(DataSource dataSource, boolean ownPool, Dialect dialect) {
    this.dataSource = dataSource;
    this.ownPool = ownPool;
    this.dialect = dialect;
  }

  @Override
  public void put(HeadSeal seal, long dropBelow) {
    checkNotNull(seal, "seal");
    try (Tx tx = new Tx(dataSource, ownPool, true)) {
      try (PreparedStatement ps = tx.con.prepareStatement(dialect == Dialect.POSTGRESQL ? PG_INSERT : INSERT)) {
        ps.setString(1, seal.caseId().value());
        ps.setLong(2, seal.sequence());
        ps.setString(3, seal.headHash());
        ps.setString(4, seal.keyId());
        ps.setString(5, seal.tag());
        ps.executeUpdate();
      } catch (SQLException e) {
        // H2 and MariaDB roll back only the failed statement (see JdbcOutboxStore.insert): stored already
        if (!Dialect.isDuplicateKey(e)) {
          throw e;
        }
      }
      if (dropBelow > 1) {
        try (PreparedStatement ps = tx.con.prepareStatement(DROP)) {
          ps.setString(1, seal.caseId().value());
          ps.setLong(2, dropBelow);
          ps.executeUpdate();
        }
      }
      tx.commit();
    } catch (SQLException e) {
      throw JdbcCaseStore.failure("menyimpan segel kasus " + seal.caseId(), "storing the seal of case "
          + seal.caseId(), e);
    }
  }

  @Override
  public ImmutableList<HeadSeal> find(CaseId caseId, long sequence) {
    checkNotNull(caseId, "caseId");
    if (sequence < 1) {
      return ImmutableList.of();
    }
    try (Tx tx = new Tx(dataSource, ownPool, false); PreparedStatement ps = tx.con.prepareStatement(FIND)) {
      ps.setString(1, caseId.value());
      ps.setLong(2, sequence);
      ImmutableList.Builder<HeadSeal> out = ImmutableList.builder();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new HeadSeal(caseId, sequence, rs.getString(1), rs.getString(2), rs.getString(3)));
        }
      }
      tx.commitUnlessAutoCommit();
      return out.build();
    } catch (SQLException e) {
      throw JdbcCaseStore.failure("membaca segel kasus " + caseId, "reading the seals of case " + caseId, e);
    }
  }
}

package dev.beacon.api.telemetry.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An app's machines in the database: blocks of machines heard for the first time
 * ({@code tel_machine_block}, one row per block of up to {@value #MACHINES_PER_BLOCK}). Writing a
 * block is one insert however many machines it holds; the lookup by hash is in memory
 * ({@link MachineIndex}). A block: a format byte, the count, then per machine its ordinal, hash and
 * first day. Plain JDBC on the caller's connection.
 */
final class MachineBlocks {
  /**
   * The most machines saved in one block and one transaction (a large transaction in H2 slows
   * every other commit while it lasts).
   */
  static final int MACHINES_PER_BLOCK = 2_000;
  private static final int FORMAT = 1;

  private MachineBlocks() {}

  /** Saves the machines as one block (they must not be saved yet). */
  static void insert(Connection c, String appId, List<NewMachine> machines) throws SQLException {
    if (machines.isEmpty()) {
      return;
    }
    try (PreparedStatement st = c.prepareStatement(
        "INSERT INTO tel_machine_block (app_id, first_ordinal, machines) VALUES (?, ?, ?)")) {
      st.setString(1, appId);
      st.setInt(2, machines.get(0).ordinal());
      st.setBytes(3, encode(machines));
      st.executeUpdate();
    }
  }

  /**
   * Saves the machines as one block unless a block starting at the same ordinal is saved already
   * (another server saved it: several on one PostgreSQL); answers whether it saved this one.
   */
  static boolean insertIfAbsent(Connection c, String appId, List<NewMachine> machines) throws SQLException {
    if (machines.isEmpty()) {
      return true;
    }
    try (PreparedStatement st = c.prepareStatement(
        "INSERT INTO tel_machine_block (app_id, first_ordinal, machines) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
      st.setString(1, appId);
      st.setInt(2, machines.get(0).ordinal());
      st.setBytes(3, encode(machines));
      return st.executeUpdate() == 1;
    }
  }

  /** One past the highest ordinal saved for the app (0 when none is). */
  static int end(Connection c, String appId) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(
        "SELECT machines FROM tel_machine_block WHERE app_id = ? ORDER BY first_ordinal DESC LIMIT 1")) {
      st.setString(1, appId);
      try (ResultSet rs = st.executeQuery()) {
        if (!rs.next()) {
          return 0;
        }
        List<NewMachine> last = decode(rs.getBytes(1));
        return last.isEmpty() ? 0 : last.get(last.size() - 1).ordinal() + 1;
      }
    }
  }

  /** Every machine of the app, block by block in order. */
  static void read(Connection c, String appId, Consumer<NewMachine> each) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(
        "SELECT machines FROM tel_machine_block WHERE app_id = ? ORDER BY first_ordinal")) {
      st.setString(1, appId);
      st.setFetchSize(64);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          decode(rs.getBytes(1)).forEach(each);
        }
      }
    }
  }

  static byte[] encode(List<NewMachine> machines) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 + machines.size() * 76);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(FORMAT);
      out.writeInt(machines.size());
      for (NewMachine m : machines) {
        out.writeInt(m.ordinal());
        out.writeUTF(m.hash());
        out.writeInt((int) m.firstDay().toEpochDay());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static List<NewMachine> decode(byte[] block) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(block))) {
      int format = in.readUnsignedByte();
      if (format != FORMAT) {
        throw new IllegalStateException("a block of machines of an unknown format (" + format + "): written by a newer version?");
      }
      int n = in.readInt();
      List<NewMachine> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int ordinal = in.readInt();
        String hash = in.readUTF();
        out.add(new NewMachine(hash, ordinal, LocalDate.ofEpochDay(in.readInt())));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

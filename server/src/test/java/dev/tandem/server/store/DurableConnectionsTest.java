package dev.tandem.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which statements make a connection wait for a disk sync when it goes back to the pool. */
class DurableConnectionsTest {

    @Test
    void onlyStatementsThatCannotChangeAnythingSkipTheSync() {
        assertThat(DurableConnections.isQuery("SELECT * FROM users")).isTrue();
        assertThat(DurableConnections.isQuery("  select 1")).isTrue();
        assertThat(DurableConnections.isQuery("\n\tSHOW fsync")).isTrue();
        assertThat(DurableConnections.isQuery("VALUES (1)")).isTrue();
        assertThat(DurableConnections.isQuery("INSERT INTO messages VALUES (1)")).isFalse();
        assertThat(DurableConnections.isQuery("update users set enabled = false")).isFalse();
        assertThat(DurableConnections.isQuery("DELETE FROM auth_tokens")).isFalse();
        assertThat(DurableConnections.isQuery("MERGE INTO settings KEY (name) VALUES ('a', 'b')")).isFalse();
        assertThat(DurableConnections.isQuery("WITH x AS (DELETE FROM t RETURNING *) SELECT * FROM x"))
                .as("a WITH may change rows: counted as a write").isFalse();
        assertThat(DurableConnections.isQuery("CREATE TABLE t (n INT)")).isFalse();
        assertThat(DurableConnections.isQuery("")).isFalse();
    }
}

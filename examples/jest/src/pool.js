/** A connection pool whose server refuses the first connection after start (it is still warming up). */
function createPool() {
  let attempts = 0;
  return {
    connect() {
      attempts += 1;
      if (attempts === 1) throw new Error("ECONNREFUSED: the server is still starting");
      return { id: attempts };
    },
  };
}

// One pool per test file: jest runs a retried test again in the same module registry.
const pool = createPool();

module.exports = { pool };

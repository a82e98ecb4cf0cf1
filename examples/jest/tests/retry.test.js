const { pool } = require("../src/pool.js");

// The CI retries this file's tests (jest-circus runs a failed test again, up to 2 more times).
// The first attempt always fails and the retry passes: jest-junit writes one passing testcase,
// so the report keeps no trace of the failure (see examples/jest/README.md).
jest.retryTimes(2);

describe("pool", () => {
  test("connects", () => {
    expect(pool.connect()).toEqual({ id: expect.any(Number) });
  });
});

// The byte-scan floor: what reading the file costs at all. Streams it in 1 MiB chunks (faster
// here than the reader's 64 KiB, so the floor stays the best case) and counts `<testcase` with
// Buffer.indexOf (memchr-speed), decoding nothing, building nothing. No reader can beat this;
// the ratio to it is the reader's own cost.
//
//   node bench/floor.mjs FILE   -> prints {"testcases": N}
import { createReadStream } from "node:fs";

const NEEDLE = Buffer.from("<testcase");
const file = process.argv[2];
if (!file) {
  console.error("usage: node bench/floor.mjs FILE");
  process.exit(2);
}
let count = 0;
// The last bytes of a chunk, so a needle split across two chunks is still found once.
let carry = Buffer.alloc(0);
for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
  const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
  let i = 0;
  while ((i = buf.indexOf(NEEDLE, i)) >= 0) {
    count++;
    i += NEEDLE.length;
  }
  carry = Buffer.from(buf.subarray(Math.max(0, buf.length - NEEDLE.length + 1)));
}
console.log(JSON.stringify({ testcases: count }));

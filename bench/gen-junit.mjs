// Writes a deterministic pytest-style JUnit report of a given size for the benchmarks.
//
//   node bench/gen-junit.mjs --size 100MB [--fail 0.02] [--seed 1] [--out bench/out/junit-100MB.xml]
//
// Same flags, same bytes: the PRNG is seeded, so a result can be re-measured on the same input.
// Failing tests carry what makes real reports heavy: a multi-KB message attribute, a multi-KB
// traceback with XML escapes, and multi-KB system-out/system-err. Passing tests are one empty
// element each, as pytest writes them, so the testcase count is what a reader's per-test cost
// scales with.
import { createWriteStream, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

export function parseSize(s) {
  const m = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|KiB|MiB|GiB)?$/i.exec(String(s).trim());
  if (!m) throw new Error(`gen-junit: --size ${s}: expected e.g. 10MB, 500MB, 1GB`);
  const unit = (m[2] ?? "B").toLowerCase();
  // Decimal and binary units are the same here: the sizes only need to be comparable runs.
  const mult = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 }[unit];
  return Math.round(Number(m[1]) * mult);
}

/** mulberry32: small, fast and good enough to make reports look varied yet reproducible. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = "array value expected actual tolerance seed shape dtype mismatch index float64 result matrix kernel reduce softmax cache worker thread timeout".split(" ");

function words(rand, n) {
  let s = "";
  for (let i = 0; i < n; i++) s += (i ? " " : "") + WORDS[Math.floor(rand() * WORDS.length)];
  return s;
}

/** About `bytes` of traceback-like text, already XML-escaped as a reporter would write it. */
function traceback(rand, mod, bytes) {
  const lines = [];
  let len = 0;
  while (len < bytes) {
    const l =
      rand() < 0.3
        ? `E       assert &lt;${words(rand, 3)}&gt; == &quot;${words(rand, 2)}&quot; &amp;&amp; x[${Math.floor(rand() * 1000)}] &lt; 1e-${1 + Math.floor(rand() * 9)}`
        : `tests/${mod}.py:${1 + Math.floor(rand() * 400)}: in ${words(rand, 1)}_${Math.floor(rand() * 100)}\n    ${words(rand, 6)}`;
    lines.push(l);
    len += l.length + 1;
  }
  return lines.join("\n");
}

export async function generate({ size, fail = 0.02, seed = 1, out }) {
  const rand = prng(seed);
  mkdirSync(dirname(out), { recursive: true });
  const ws = createWriteStream(out);
  const write = (s) => (ws.write(s) ? null : new Promise((r) => ws.once("drain", r)));
  let written = 0;
  let buf = "";
  const flush = async () => {
    written += Buffer.byteLength(buf);
    const p = write(buf);
    buf = "";
    if (p) await p;
  };
  buf += `<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="bench">\n`;
  const counts = { tests: 0, failed: 0, errored: 0, skipped: 0, passed: 0 };
  let suite = 0;
  while (written + buf.length < size) {
    const mod = `test_mod_${suite}`;
    buf += `<testsuite name="pytest" errors="0" failures="0" skipped="0" tests="1000" time="12.3" timestamp="2024-01-01T00:00:00" hostname="ci">\n`;
    for (let i = 0; i < 1000 && written + buf.length < size; i++) {
      counts.tests++;
      const name = `test_case_${i}[${words(rand, 1)}-${Math.floor(rand() * 100)}]`;
      const attrs = `classname="tests.${mod}" name="${name}" file="tests/${mod}.py" line="${10 + i}" time="${(rand() * 0.05).toFixed(4)}"`;
      const r = rand();
      if (r < fail) {
        const errored = rand() < 0.2;
        const tag = errored ? "error" : "failure";
        counts[errored ? "errored" : "failed"]++;
        const msg = `AssertionError: ${words(rand, 8)} (use MXNET_TEST_SEED=${Math.floor(rand() * 2 ** 31)} to reproduce)&#10;${traceback(rand, mod, 1024 + Math.floor(rand() * 2048))}`;
        buf +=
          `<testcase ${attrs}><${tag} message="${msg}">${traceback(rand, mod, 2048 + Math.floor(rand() * 4096))}</${tag}>` +
          `<system-out>${traceback(rand, mod, 1024 + Math.floor(rand() * 3072))}</system-out>` +
          `<system-err>${words(rand, 40)}</system-err></testcase>\n`;
      } else if (r < fail + 0.01) {
        counts.skipped++;
        buf += `<testcase ${attrs}><skipped type="pytest.skip" message="${words(rand, 4)}">tests/${mod}.py:3: ${words(rand, 4)}</skipped></testcase>\n`;
      } else {
        counts.passed++;
        buf += `<testcase ${attrs} />\n`;
      }
      if (buf.length > 1 << 20) await flush();
    }
    buf += `</testsuite>\n`;
    suite++;
  }
  buf += `</testsuites>\n`;
  await flush();
  await new Promise((resolve, reject) => ws.end((err) => (err ? reject(err) : resolve())));
  return { out, bytes: written, counts };
}

function flag(argv, name, fallback) {
  const i = argv.indexOf(name);
  if (i >= 0 && argv[i + 1] !== undefined) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(name + "="));
  return eq !== undefined ? eq.slice(name.length + 1) : fallback;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const sizeArg = flag(argv, "--size", "10MB");
  const size = parseSize(sizeArg);
  const fail = Number(flag(argv, "--fail", "0.02"));
  const seed = Number(flag(argv, "--seed", "1"));
  const out = flag(argv, "--out", join(here, "out", `junit-${sizeArg}.xml`));
  const r = await generate({ size, fail, seed, out });
  console.log(JSON.stringify(r));
}

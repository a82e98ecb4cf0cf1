// The DOM baseline: what report actions built on xml2js do (read the whole file into one
// string, parseString it into objects, then walk the tree). Counts testcases and failures so
// it does the same work as the tool, not less.
//
//   node bench/xml2js-baseline.mjs FILE   -> prints {"testcases": N, "failing": F}
import { readFileSync } from "node:fs";
import { parseString } from "xml2js";

const file = process.argv[2];
if (!file) {
  console.error("usage: node bench/xml2js-baseline.mjs FILE");
  process.exit(2);
}
const text = readFileSync(file, "utf8");
parseString(text, (err, doc) => {
  if (err) {
    console.error(`xml2js: ${err.message}`);
    process.exit(1);
  }
  let testcases = 0;
  let failing = 0;
  const walk = (suites) => {
    for (const s of suites ?? []) {
      for (const tc of s.testcase ?? []) {
        testcases++;
        if (tc.failure || tc.error) failing++;
      }
      walk(s.testsuite);
    }
  };
  walk(doc.testsuites ? doc.testsuites.testsuite : [doc.testsuite]);
  console.log(JSON.stringify({ testcases, failing }));
});

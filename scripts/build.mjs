// Builds the two committed bundles with ncc and copies the CLI bundle into the Jenkins
// library, which must ship a byte-identical copy (a test compares them).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ncc = join(root, "node_modules", "@vercel", "ncc", "dist", "ncc", "cli.js");
// --check builds into a scratch folder and fails when the committed bundles differ from it.
const check = process.argv.includes("--check");
const out = check ? join(root, ".cache", "dist-check") : join(root, "dist");
const tmp = join(root, ".cache", "ncc");

const bundles = [
  { entry: "src/cli.ts", file: "cli.js", shebang: true },
  { entry: "src/action/main.ts", file: "index.js", shebang: false },
];

mkdirSync(out, { recursive: true });
for (const b of bundles) {
  if (!existsSync(join(root, b.entry))) {
    console.error(`build: ${b.entry} is missing`);
    process.exit(1);
  }
  rmSync(tmp, { recursive: true, force: true });
  execFileSync(process.execPath, [ncc, "build", b.entry, "-o", tmp, "--quiet", "--license", "licenses.txt"], {
    cwd: root,
    stdio: "inherit",
  });
  let code = readFileSync(join(tmp, "index.js"), "utf8");
  // A misconfigured ncc build can emit a tiny bundle without error; refuse it here too.
  if (code.length < 10_000) {
    console.error(`build: ${b.file} is only ${code.length} bytes; the bundle is broken`);
    process.exit(1);
  }
  if (b.shebang && !code.startsWith("#!")) code = "#!/usr/bin/env node\n" + code;
  writeFileSync(join(out, b.file), code);
  if (existsSync(join(tmp, "licenses.txt"))) renameSync(join(tmp, "licenses.txt"), join(out, `${b.file}.licenses.txt`));
}
rmSync(tmp, { recursive: true, force: true });

if (check) {
  const stale = [];
  for (const b of bundles) {
    const fresh = readFileSync(join(out, b.file));
    const committed = existsSync(join(root, "dist", b.file)) ? readFileSync(join(root, "dist", b.file)) : null;
    if (!committed || !fresh.equals(committed)) stale.push(`dist/${b.file}`);
  }
  const jenkins = join(root, "jenkins", "resources", "flaky-triage", "cli.js");
  if (!existsSync(jenkins) || !readFileSync(jenkins).equals(readFileSync(join(out, "cli.js")))) {
    stale.push("jenkins/resources/flaky-triage/cli.js");
  }
  rmSync(out, { recursive: true, force: true });
  if (stale.length > 0) {
    console.error(`build --check: ${stale.join(", ")} differ from a fresh build; run npm run build and commit`);
    process.exit(1);
  }
  console.log("build --check: dist/ and the Jenkins copy match a fresh build");
  process.exit(0);
}

const jenkinsCopy = join(root, "jenkins", "resources", "flaky-triage", "cli.js");
mkdirSync(dirname(jenkinsCopy), { recursive: true });
copyFileSync(join(out, "cli.js"), jenkinsCopy);
console.log("build: dist/cli.js, dist/index.js, jenkins/resources/flaky-triage/cli.js");

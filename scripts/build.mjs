// Builds the two committed bundles with ncc and copies the CLI bundle into the Jenkins
// library, which must ship a byte-identical copy (a test compares them).
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ncc = join(root, "node_modules", "@vercel", "ncc", "dist", "ncc", "cli.js");
// --check builds into a scratch folder and fails when the committed bundles differ from it.
const check = process.argv.includes("--check");
const out = check ? join(root, ".cache", "dist-check") : join(root, "dist");
const tmp = join(root, ".cache", check ? "ncc-check" : "ncc");

// The Action's bundle loads @actions/cache and @actions/github with import() (most steps need
// neither): ncc writes them to chunk files (`<id>.index.js`) that dist/index.js loads from
// beside itself, so they ship too. The CLI must stay one file: Jenkins ships dist/cli.js alone.
const bundles = [
  { entry: "src/cli.ts", file: "cli.js", shebang: true, chunks: false },
  { entry: "src/action/main.ts", file: "index.js", shebang: false, chunks: true },
];
const CHUNK = /^\d+\.index\.js$/;
const chunksIn = (dir) => (existsSync(dir) ? readdirSync(dir).filter((f) => CHUNK.test(f)).sort() : []);

// ncc writes one licenses.txt per build, and a build split into chunks leaves only one chunk's
// list in it. The Action's list comes from a build of an entry that imports the chunks' modules
// statically (one chunk, every module): its code is thrown away.
const licenseEntry = join(tmp, "action-licenses", "entry.mjs");
const licenseImports = ["@actions/cache", "@actions/github", "../../../src/action/main.ts"];

/** The ncc builds still running: one that fails stops the others (they would write on alone). */
const running = new Set();

function fail(message) {
  console.error(`build: ${message}`);
  for (const child of running) child.kill("SIGTERM");
  process.exit(1);
}

function nccBuild(entry, dir) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ncc, "build", entry, "-o", dir, "--quiet", "--license", "licenses.txt"], { cwd: root, stdio: "inherit" });
    running.add(child);
    child.on("error", (err) => fail(`ncc could not start: ${err.message}`));
    child.on("exit", (code, signal) => {
      running.delete(child);
      if (code === 0) resolve();
      else fail(`ncc build ${entry} failed (${signal ?? `exit ${code}`})`);
    });
  });
}

for (const b of bundles) if (!existsSync(join(root, b.entry))) fail(`${b.entry} is missing`);
rmSync(tmp, { recursive: true, force: true });
mkdirSync(dirname(licenseEntry), { recursive: true });
writeFileSync(licenseEntry, licenseImports.map((m) => `import ${JSON.stringify(m)};\n`).join(""));
// The three builds at once: each takes 15-20 s, mostly on one core.
await Promise.all([
  ...bundles.map((b) => nccBuild(b.entry, join(tmp, b.file))),
  nccBuild(licenseEntry, join(tmp, "action-licenses", "out")),
]);

// Every bundle is checked before dist/ is touched: a refused build leaves the old one whole.
const built = bundles.map((b) => {
  const dir = join(tmp, b.file);
  let code = readFileSync(join(dir, "index.js"), "utf8");
  // A misconfigured ncc build can emit a tiny bundle without error; refuse it here too.
  if (code.length < 10_000) fail(`${b.file} is only ${code.length} bytes; the bundle is broken`);
  if (b.shebang && !code.startsWith("#!")) code = "#!/usr/bin/env node\n" + code;
  const chunks = chunksIn(dir);
  if (chunks.length > 0 && !b.chunks) fail(`${b.entry} was split into ${chunks.join(", ")}; it must stay one file (a dynamic import?)`);
  // A chunk named by a webpackChunkName comment would be neither shipped nor checked.
  const other = readdirSync(dir).filter((f) => f.endsWith(".js") && f !== "index.js" && !CHUNK.test(f));
  if (other.length > 0) fail(`${b.entry} left ${other.join(", ")}, which is not a numbered chunk; name no chunks`);
  return { b, dir, code, chunks };
});

mkdirSync(out, { recursive: true });
// Chunks of an earlier build would linger beside new ones (their ids follow the modules).
for (const f of chunksIn(out)) rmSync(join(out, f));
for (const { b, dir, code, chunks } of built) {
  writeFileSync(join(out, b.file), code);
  for (const f of chunks) copyFileSync(join(dir, f), join(out, f));
  const licenses = b.chunks ? join(tmp, "action-licenses", "out", "licenses.txt") : join(dir, "licenses.txt");
  if (existsSync(licenses)) copyFileSync(licenses, join(out, `${b.file}.licenses.txt`));
}
rmSync(tmp, { recursive: true, force: true });

if (check) {
  const stale = [];
  const files = [
    ...new Set([...bundles.flatMap((b) => [b.file, `${b.file}.licenses.txt`]), ...chunksIn(out), ...chunksIn(join(root, "dist"))]),
  ];
  for (const file of files) {
    const fresh = existsSync(join(out, file)) ? readFileSync(join(out, file)) : null;
    const committed = existsSync(join(root, "dist", file)) ? readFileSync(join(root, "dist", file)) : null;
    if (!fresh || !committed || !fresh.equals(committed)) stale.push(`dist/${file}`);
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
const chunks = chunksIn(out);
console.log(`build: dist/cli.js, dist/index.js${chunks.map((f) => `, dist/${f}`).join("")}, jenkins/resources/flaky-triage/cli.js`);

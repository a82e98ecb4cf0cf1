/**
 * Just enough YAML to read our own action.yml in tests (nested block mappings, plain and
 * double-quoted scalars, `>-` folded and `|` literal block scalars). Anything else throws, so
 * action.yml stays within what this understands or the test says so. A full YAML parser is
 * not a dependency of the project.
 */
type Value = string | boolean | { [k: string]: Value };

function scalar(raw: string, lineNo: number): Value {
  const v = raw.trim();
  if (v.startsWith('"')) {
    if (!v.endsWith('"') || v.length < 2) throw new Error(`line ${lineNo}: unterminated quote`);
    return JSON.parse(v) as string;
  }
  if (v.startsWith("'") || v.startsWith("[") || v.startsWith("{") || v.startsWith("&") || v.startsWith("*")) {
    throw new Error(`line ${lineNo}: unsupported YAML: ${v}`);
  }
  if (v === "true") return true;
  if (v === "false") return false;
  if (/\s#/.test(v)) throw new Error(`line ${lineNo}: trailing comments are not supported`);
  return v;
}

export function parseYamlSubset(text: string): Record<string, Value> {
  const lines = text.split("\n");
  let i = 0;
  const indentOf = (l: string): number => l.length - l.trimStart().length;
  const blank = (l: string): boolean => l.trim() === "" || l.trimStart().startsWith("#");

  function block(indent: number): Record<string, Value> {
    const out: Record<string, Value> = {};
    while (i < lines.length) {
      const line = lines[i] ?? "";
      if (blank(line)) {
        i++;
        continue;
      }
      const ind = indentOf(line);
      if (ind < indent) break;
      if (ind > indent) throw new Error(`line ${i + 1}: unexpected indentation`);
      const m = /^([A-Za-z_][A-Za-z0-9_-]*):(?:\s+(.*))?$/.exec(line.trim());
      if (!m) throw new Error(`line ${i + 1}: not a mapping entry: ${line}`);
      const key = m[1]!;
      const rest = m[2] ?? "";
      if (key in out) throw new Error(`line ${i + 1}: duplicate key ${key}`);
      i++;
      if (rest === "") {
        const next = lines.slice(i).find((l) => !blank(l));
        out[key] = next !== undefined && indentOf(next) > indent ? block(indentOf(next)) : "";
      } else if (rest === ">-" || rest === "|" || rest === ">") {
        const body: string[] = [];
        let bodyIndent = -1;
        while (i < lines.length) {
          const l = lines[i] ?? "";
          if (l.trim() !== "" && indentOf(l) <= indent) break;
          if (l.trim() !== "" && bodyIndent < 0) bodyIndent = indentOf(l);
          body.push(l.slice(Math.max(0, bodyIndent)));
          i++;
        }
        while (body.length > 0 && body[body.length - 1]!.trim() === "") body.pop();
        out[key] = rest === "|" ? body.join("\n") + "\n" : body.join(" ") + (rest === ">" ? "\n" : "");
      } else {
        out[key] = scalar(rest, i);
      }
    }
    return out;
  }
  return block(0);
}

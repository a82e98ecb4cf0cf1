/**
 * A local stand-in for the GitHub REST API that records every request: check runs (create,
 * update), and for the fork-safe workflow_run recipe pull requests (get, list open with
 * pagination, list by commit) and issue comments (list, create, update), served from `pulls`.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  body: any;
}

/** A pull request as the fake serves it (the fields the recipe reads). */
export interface FakePull {
  number: number;
  state: "open" | "closed";
  head: { sha: string; ref: string; repo: { full_name: string } | null };
  base: { ref: string; repo: { full_name: string } };
}

export interface FakeComment {
  id: number;
  body: string;
  user: { login: string; type: string };
}

export interface FakeGitHub {
  url: string;
  requests: RecordedRequest[];
  /** HTTP status for every request from now on (e.g. 403 for a read-only token). */
  status: number;
  /** Pull requests of every repository, served by the pulls endpoints. */
  pulls: FakePull[];
  /** `GET /repos/{o}/{r}/commits/{sha}/pulls`: which PR numbers the endpoint returns per SHA (GitHub omits some fork PRs). */
  commitPulls: Map<string, number[]>;
  /** Comments per issue/PR number. */
  comments: Map<number, FakeComment[]>;
  /** A status for requests whose `METHOD path` matches, checked before `status` (e.g. 403 on comments only). */
  statusFor: ((method: string, path: string) => number | undefined) | null;
  close(): Promise<void>;
}

function send(res: import("node:http").ServerResponse, code: number, body: unknown, headers: Record<string, string> = {}): void {
  res.statusCode = code;
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.end(JSON.stringify(body));
}

export async function startFakeGitHub(): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = [];
  const state = { status: 0 };
  const pulls: FakePull[] = [];
  const commitPulls = new Map<string, number[]>();
  const comments = new Map<number, FakeComment[]>();
  const hooks: { statusFor: FakeGitHub["statusFor"] } = { statusFor: null };
  let nextCommentId = 9000;
  /** Pull-request and comment endpoints; false when the path is not one of them. */
  const routePulls = (method: string, url: URL, data: string, res: import("node:http").ServerResponse): boolean => {
    const p = url.pathname;
    const repoOf = (o: string, r: string) => `${o}/${r}`;
    let m: RegExpExecArray | null;
    if (method === "GET" && (m = /^\/repos\/([^/]+)\/([^/]+)\/pulls\/(\d+)$/.exec(p))) {
      const pr = pulls.find((x) => x.base.repo.full_name === repoOf(m![1]!, m![2]!) && x.number === Number(m![3]));
      if (pr) send(res, 200, pr);
      else send(res, 404, { message: "Not Found" });
      return true;
    }
    if (method === "GET" && (m = /^\/repos\/([^/]+)\/([^/]+)\/pulls$/.exec(p))) {
      const state = url.searchParams.get("state") ?? "open";
      const all = pulls.filter((x) => x.base.repo.full_name === repoOf(m![1]!, m![2]!) && (state === "all" || x.state === state));
      const perPage = Number(url.searchParams.get("per_page") ?? "30");
      const page = Number(url.searchParams.get("page") ?? "1");
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const headers: Record<string, string> = {};
      if (page * perPage < all.length) {
        const next = new URL(url.toString());
        next.searchParams.set("page", String(page + 1));
        headers["link"] = `<${fakeUrl}${next.pathname}${next.search}>; rel="next"`;
      }
      send(res, 200, slice, headers);
      return true;
    }
    if (method === "GET" && (m = /^\/repos\/([^/]+)\/([^/]+)\/commits\/([^/]+)\/pulls$/.exec(p))) {
      const numbers = commitPulls.get(m[3]!) ?? [];
      send(res, 200, pulls.filter((x) => x.base.repo.full_name === repoOf(m![1]!, m![2]!) && numbers.includes(x.number)));
      return true;
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(p))) {
      const n = Number(m[3]);
      const list = comments.get(n) ?? [];
      if (method === "GET") send(res, 200, list);
      else if (method === "POST") {
        const c: FakeComment = { id: nextCommentId++, body: JSON.parse(data).body, user: { login: "github-actions[bot]", type: "Bot" } };
        comments.set(n, [...list, c]);
        send(res, 201, c);
      } else return false;
      return true;
    }
    if (method === "PATCH" && (m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(p))) {
      for (const list of comments.values()) {
        const c = list.find((x) => x.id === Number(m![3]));
        if (c) {
          c.body = JSON.parse(data).body;
          send(res, 200, c);
          return true;
        }
      }
      send(res, 404, { message: "Not Found" });
      return true;
    }
    return false;
  };
  let fakeUrl = "";
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const data = Buffer.concat(chunks).toString("utf8");
      requests.push({ method: req.method ?? "", url: req.url ?? "", authorization: req.headers.authorization, body: data ? JSON.parse(data) : null });
      res.setHeader("content-type", "application/json");
      const url = new URL(req.url ?? "/", "http://fake");
      const method = req.method ?? "";
      const override = hooks.statusFor?.(method, url.pathname);
      if (override !== undefined && override !== 0) {
        send(res, override, { message: "Resource not accessible by integration" });
        return;
      }
      if (state.status !== 0) {
        res.statusCode = state.status;
        res.end(JSON.stringify({ message: "Resource not accessible by integration" }));
        return;
      }
      const m = /^\/repos\/([^/]+)\/([^/]+)\/check-runs(?:\/(\d+))?$/.exec(req.url ?? "");
      if (m && req.method === "POST") {
        res.statusCode = 201;
        res.end(JSON.stringify({ id: 4242, html_url: `https://github.com/${m[1]}/${m[2]}/runs/4242` }));
      } else if (m && req.method === "PATCH" && m[3]) {
        res.statusCode = 200;
        res.end(JSON.stringify({ id: Number(m[3]) }));
      } else if (routePulls(method, url, data, res)) {
        // served
      } else {
        res.statusCode = 404;
        res.end(JSON.stringify({ message: "Not Found" }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  fakeUrl = `http://127.0.0.1:${port}`;
  const fake: FakeGitHub = {
    url: `http://127.0.0.1:${port}`,
    requests,
    get status() {
      return state.status;
    },
    set status(s: number) {
      state.status = s;
    },
    pulls,
    commitPulls,
    comments,
    get statusFor() {
      return hooks.statusFor;
    },
    set statusFor(f) {
      hooks.statusFor = f;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return fake;
}

/** A local stand-in for the GitHub REST API (checks endpoints) that records every request. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  body: any;
}

export interface FakeGitHub {
  url: string;
  requests: RecordedRequest[];
  /** HTTP status for every request from now on (e.g. 403 for a read-only token). */
  status: number;
  close(): Promise<void>;
}

export async function startFakeGitHub(): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = [];
  const state = { status: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const data = Buffer.concat(chunks).toString("utf8");
      requests.push({ method: req.method ?? "", url: req.url ?? "", authorization: req.headers.authorization, body: data ? JSON.parse(data) : null });
      res.setHeader("content-type", "application/json");
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
      } else {
        res.statusCode = 404;
        res.end(JSON.stringify({ message: "Not Found" }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeGitHub = {
    url: `http://127.0.0.1:${port}`,
    requests,
    get status() {
      return state.status;
    },
    set status(s: number) {
      state.status = s;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return fake;
}

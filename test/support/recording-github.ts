import { ProbotOctokit } from "probot";
import type { Octokit } from "../../src/context.js";

/** One request the engine sent, as the fake received it. */
export interface SentRequest {
  method: string;
  /** The path as sent (percent-encoded), without the query. */
  path: string;
  body: unknown;
}

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** Listings answer empty (so that the engine goes on deciding); everything else is 404. */
const LISTING =
  /\/(comments|pulls|issues|reviews|files|commits|labels|branches|tags|releases|events|assignees)$/;

/**
 * A GitHub that knows nothing but the configuration file: every listing is empty, every other read and every
 * write is 404. No HTTP at all (Octokit's `request.fetch`), so tens of thousands of events run in seconds.
 * Every request is recorded.
 *
 * Why this is not the sandbox: the payload and configuration fuzzers feed the engine tens of thousands of hostile
 * events and assert on exactly what it sent (no write for an event that is not ours, no crash). The sandbox keeps
 * state, serves HTTP, checks every answer against the OpenAPI description and signs webhooks: correct for
 * behaviour, but far slower per request, and a fuzzer wants the opposite of state (every event
 * judged from the same empty world). Behaviour against real state is tested on the sandbox elsewhere.
 */
export class RecordingGitHub {
  readonly sent: SentRequest[] = [];
  /**
   * `configText`: the configuration file (null: none). `known`: answers for particular requests, tried first (a
   * PR the event names, a collaborator's permission), so that the engine gets further than the first read.
   */
  constructor(
    public configText: string | null,
    public known: (method: string, path: string) => unknown | undefined = () => undefined,
  ) {}

  private client: Octokit | null = null;

  get writes(): SentRequest[] {
    return this.sent.filter((r) => r.method !== "GET" && !r.path.startsWith("/app/"));
  }

  clear(): void {
    this.sent.length = 0;
  }

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    if (url.hostname !== "api.github.com") throw new Error(`unexpected host ${url.hostname}`);
    const method = (init?.method ?? "GET").toUpperCase();
    const text = typeof init?.body === "string" ? init.body : null;
    this.sent.push({ method, path: url.pathname, body: text === null ? undefined : JSON.parse(text) });
    const response = this.answer(method, url.pathname);
    Object.defineProperty(response, "url", { value: url.href });
    return response;
  };

  private answer(method: string, path: string): Response {
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { "content-type": "application/json; charset=utf-8" },
      });
    const known = this.known(method, decodeURIComponent(path));
    if (known !== undefined) return json(method === "POST" ? 201 : 200, known);
    if (
      method === "GET" &&
      /\/contents\/\.github(%2F|\/)hotfix\.yml$/.test(path) &&
      this.configText !== null
    ) {
      return new Response(this.configText, { status: 200, headers: { "content-type": "text/plain" } });
    }
    if (method === "GET" && /\/check-runs$/.test(path)) return json(200, { total_count: 0, check_runs: [] });
    if (method === "GET" && /\/git\/matching-refs\//.test(path)) return json(200, []);
    if (method === "GET" && LISTING.test(path)) return json(200, []);
    return json(404, {
      message: "Not Found",
      documentation_url: "https://docs.github.com/rest",
      status: "404",
    });
  }

  /** Probot's Octokit (plugins and all) answered by this fake; retries and throttling off. Made once. */
  octokit(): Octokit {
    this.client ??= new ProbotOctokit({
      auth: { token: "ghs_fake" },
      request: { fetch: this.fetch },
      throttle: { enabled: false },
      retry: { enabled: false },
      log: quiet,
    }) as Octokit;
    return this.client;
  }
}

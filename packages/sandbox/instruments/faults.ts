import { seededUnit } from "./seeded-random.js";

export type FaultKind = "500" | "502" | "reset" | "timeout" | "secondary-rate-limit" | "rate-limit";

export interface FaultOptions {
  seed: number;
  /** Probability (0..1) that an eligible request is faulted. */
  rate: number;
  kinds?: FaultKind[];
  /** Only these routes (`/repos/{owner}/{repo}/git/refs` or `POST /repos/{owner}/{repo}/git/refs`); default all. */
  routes?: string[];
  /** Only these methods; default all. */
  methods?: string[];
  /**
   * `before`: the request is refused and nothing happens. `after`: the request takes effect, then the answer is
   * lost (the case that makes retried POSTs create duplicates). `mixed`: either, decided from the seed.
   */
  phase?: "before" | "after" | "mixed";
  /** `retry-after` of a secondary limit and the reset delay of a primary limit, in seconds. */
  retryAfterSeconds?: number;
  /** How long a `timeout` fault hangs before the connection is dropped. */
  timeoutMs?: number;
}

export interface FaultDecision {
  kind: FaultKind;
  phase: "before" | "after";
}

export const DEFAULT_FAULT_KINDS: FaultKind[] = ["500", "502", "reset", "secondary-rate-limit"];

/**
 * Decides, deterministically from the seed, which of the App's requests fail and how. The n-th request to the
 * same method and path always gets the same decision, so a run is reproducible from its seed.
 */
export class FaultInjector {
  private options: FaultOptions | null = null;
  private readonly occurrences = new Map<string, number>();
  readonly injected: { method: string; path: string; kind: FaultKind; phase: "before" | "after" }[] = [];

  configure(options: FaultOptions | null): void {
    this.options = options;
    this.occurrences.clear();
    this.injected.length = 0;
  }

  get current(): FaultOptions | null {
    return this.options;
  }

  decide(method: string, path: string, route: string): FaultDecision | null {
    const options = this.options;
    if (!options || options.rate <= 0) return null;
    if (options.methods && !options.methods.includes(method)) return null;
    if (
      options.routes &&
      !options.routes.some((wanted) => wanted === route || wanted === `${method} ${route}`)
    ) {
      return null;
    }
    const key = `${method} ${path}`;
    const n = (this.occurrences.get(key) ?? 0) + 1;
    this.occurrences.set(key, n);
    const roll = seededUnit(options.seed, `${key}#${n}`);
    if (roll >= options.rate) return null;
    const kinds = options.kinds && options.kinds.length > 0 ? options.kinds : DEFAULT_FAULT_KINDS;
    const kind = kinds[Math.floor(seededUnit(options.seed, `${key}#${n}:kind`) * kinds.length)] as FaultKind;
    const phaseOption = options.phase ?? "before";
    const phase =
      phaseOption === "mixed"
        ? seededUnit(options.seed, `${key}#${n}:phase`) < 0.5
          ? "before"
          : "after"
        : phaseOption;
    // Rate limits are refusals: GitHub never applies a request it answers with 403.
    const effective = kind === "secondary-rate-limit" || kind === "rate-limit" ? "before" : phase;
    this.injected.push({ method, path, kind, phase: effective });
    return { kind, phase: effective };
  }

  /** The HTTP answer of a fault (null for `reset`/`timeout`, which drop the connection instead). */
  response(
    kind: FaultKind,
    nowMs: number,
  ): { status: number; body: Record<string, unknown>; headers: Record<string, string> } | null {
    const retryAfter = this.options?.retryAfterSeconds ?? 1;
    switch (kind) {
      case "500":
        return { status: 500, body: { message: "Server Error" }, headers: {} };
      case "502":
        return { status: 502, body: { message: "Server Error" }, headers: {} };
      case "secondary-rate-limit":
        return {
          status: 403,
          body: {
            message:
              "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
            documentation_url:
              "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
            status: "403",
          },
          headers: { "retry-after": String(retryAfter) },
        };
      case "rate-limit":
        return {
          status: 403,
          body: {
            message: "API rate limit exceeded for installation.",
            documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
            status: "403",
          },
          headers: {
            "x-ratelimit-limit": "5000",
            "x-ratelimit-remaining": "0",
            "x-ratelimit-used": "5000",
            "x-ratelimit-resource": "core",
            "x-ratelimit-reset": String(Math.ceil(nowMs / 1000) + retryAfter),
          },
        };
      default:
        return null;
    }
  }
}

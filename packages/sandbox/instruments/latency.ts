import { seededUnit } from "./seeded-random.js";

export interface LatencyOptions {
  /** Added to every affected request. */
  fixedMs: number;
  /** Plus a seeded share of this. */
  jitterMs?: number;
  seed?: number;
  /** `app` (default): only the App's installation tokens; `all`: every request. */
  scope?: "app" | "all";
}

/** Delays answers by fixed + seeded jitter milliseconds; the n-th request to a path always waits the same. */
export class LatencyInjector {
  private options: LatencyOptions | null = null;
  private readonly occurrences = new Map<string, number>();

  configure(options: LatencyOptions | null): void {
    this.options = options;
    this.occurrences.clear();
  }

  delayFor(method: string, path: string, isApp: boolean): number {
    const options = this.options;
    if (!options) return 0;
    if ((options.scope ?? "app") === "app" && !isApp) return 0;
    const key = `${method} ${path}`;
    const n = (this.occurrences.get(key) ?? 0) + 1;
    this.occurrences.set(key, n);
    const jitter = options.jitterMs ? seededUnit(options.seed ?? 0, `${key}#${n}`) * options.jitterMs : 0;
    return Math.round(options.fixedMs + jitter);
  }
}

/**
 * A scripted turn of events on the App's requests to one route, where seeded faults are too blunt: the world
 * changes just before the request is served (another actor wins a race for a tag name, a file moves on between
 * read and write), or GitHub refuses the request with a particular status and message (a 409 from a protected
 * branch, a 422), and nothing happens.
 */
export interface InterceptionOptions {
  /** `POST /repos/{owner}/{repo}/git/refs`: the method and the route in GitHub's notation. */
  route: string;
  /** How many of the App's requests to the route it applies to, in order (default 1). */
  times?: number;
  /** Runs before the request is served (or refused). */
  before?: () => void | Promise<void>;
  /** Answer with GitHub's error body instead of serving the request. */
  refuse?: { status: number; message: string; errors?: unknown[] };
}

export interface Interception {
  /** How many requests it has applied to so far. */
  hits(): number;
  /** Stops it before its `times` are used up. */
  cancel(): void;
}

interface ActiveInterception {
  options: InterceptionOptions;
  remaining: number;
  hits: number;
}

/** The scripted interceptions in force; each is used up after `times` matching requests of the App. */
export class Interceptor {
  private active: ActiveInterception[] = [];

  add(options: InterceptionOptions): Interception {
    const entry: ActiveInterception = { options, remaining: options.times ?? 1, hits: 0 };
    this.active.push(entry);
    return {
      hits: () => entry.hits,
      cancel: () => this.remove(entry),
    };
  }

  clear(): void {
    this.active = [];
  }

  /** The first interception of `METHOD route` still in force, counted as used; null when none applies. */
  take(method: string, route: string): InterceptionOptions | null {
    const key = `${method} ${route}`;
    const entry = this.active.find((candidate) => candidate.options.route === key);
    if (!entry) return null;
    entry.hits++;
    entry.remaining--;
    if (entry.remaining <= 0) this.remove(entry);
    return entry.options;
  }

  private remove(entry: ActiveInterception): void {
    this.active = this.active.filter((candidate) => candidate !== entry);
  }
}

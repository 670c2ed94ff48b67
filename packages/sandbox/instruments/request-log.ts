/** One request the sandbox answered. */
export interface RequestRecord {
  seq: number;
  method: string;
  path: string;
  /** The query string without `?` (`check_name=hotfix-gate&per_page=100`); empty when none. */
  query: string;
  /** The route in GitHub's notation, or `(unmatched)`. */
  route: string;
  status: number;
  ms: number;
  /** `app:<slug>` (installation token), `jwt:<slug>`, `user:<login>` or `anonymous`. */
  identity: string;
  write: boolean;
  /** The injected fault (or `refused <status>` of an interception), when one replaced or preceded the answer. */
  fault?: string;
}

export interface Count {
  requests: number;
  writes: number;
}

const WRITE_METHODS = new Set(["POST", "PATCH", "PUT", "DELETE"]);

export function isWrite(method: string): boolean {
  return WRITE_METHODS.has(method);
}

/**
 * Every request, in order of completion, and counters derived from it. `reset()` starts a new measurement;
 * counting from the log keeps the counters and the log from ever disagreeing.
 */
export class RequestLog {
  private records: RequestRecord[] = [];
  private seq = 0;

  constructor(private readonly appIdentity: () => string) {}

  add(record: Omit<RequestRecord, "seq">): RequestRecord {
    const full = { ...record, seq: ++this.seq };
    this.records.push(full);
    return full;
  }

  all(): readonly RequestRecord[] {
    return this.records;
  }

  reset(): void {
    this.records = [];
  }

  /** Requests and writes per identity. */
  byIdentity(): Record<string, Count> {
    const counts: Record<string, Count> = {};
    for (const record of this.records) {
      const count = counts[record.identity] ?? { requests: 0, writes: 0 };
      counts[record.identity] = count;
      count.requests++;
      if (record.write) count.writes++;
    }
    return counts;
  }

  /** What the App itself sent with its installation tokens (JWT token requests are not counted). */
  forApp(): Count {
    return this.countWhere((record) => record.identity === this.appIdentity());
  }

  forIdentity(identity: string): Count {
    return this.countWhere((record) => record.identity === identity);
  }

  total(): Count {
    return this.countWhere(() => true);
  }

  /** The App's requests as `METHOD /route` lines, for assertions and reports. */
  appRoutes(): string[] {
    return this.records
      .filter((record) => record.identity === this.appIdentity())
      .map((record) => `${record.method} ${record.route}`);
  }

  appWrites(): RequestRecord[] {
    return this.records.filter((record) => record.identity === this.appIdentity() && record.write);
  }

  private countWhere(predicate: (record: RequestRecord) => boolean): Count {
    let requests = 0;
    let writes = 0;
    for (const record of this.records) {
      if (!predicate(record)) continue;
      requests++;
      if (record.write) writes++;
    }
    return { requests, writes };
  }
}

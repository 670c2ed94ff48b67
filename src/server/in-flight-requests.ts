import type { ServerResponse } from "node:http";

/** Requests being answered right now, so that a shutdown can let the deliveries it accepted finish. */
export class InFlightRequests {
  private readonly open = new Set<Promise<void>>();

  track(res: ServerResponse): void {
    const done = new Promise<void>((resolve) => res.once("close", () => resolve()));
    this.open.add(done);
    void done.then(() => this.open.delete(done));
  }

  get count(): number {
    return this.open.size;
  }

  /** Resolves once no request is open, including requests that arrive while waiting. */
  async idle(): Promise<void> {
    while (this.open.size > 0) await Promise.all([...this.open]);
  }
}

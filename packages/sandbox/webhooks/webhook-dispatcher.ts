import { randomUUID } from "node:crypto";
import { signatureSha1, signatureSha256 } from "./sign-payload.js";

export interface WebhookTarget {
  url: string;
  secret: string;
}

/** One delivery attempt of one event, as GitHub's "Recent Deliveries" shows it. */
export interface Delivery {
  /** X-GitHub-Delivery: the same for a redelivery of the same event. */
  id: string;
  event: string;
  action: string | null;
  payload: Record<string, unknown>;
  /** The exact body that was (or will be) signed and sent. */
  body: string;
  redelivery: boolean;
  state: "queued" | "sending" | "delivered" | "failed" | "not-sent";
  /** The App's HTTP status, when it answered. */
  status: number | null;
  error: string | null;
  ms: number | null;
  /** GitHub gives up waiting after 10 s; the sandbox notes it but still waits for the answer. */
  exceededTimeout: boolean;
}

export interface WebhookDispatcherOptions {
  /** Deliveries in flight at once. 1 (default) delivers in order, one at a time. */
  concurrency?: number;
  /** GitHub's own timeout, noted on the delivery (never aborts it). */
  timeoutMs?: number;
}

/** settle() gave up; names what was still pending. */
export class SettleTimeoutError extends Error {
  constructor(pending: Delivery[]) {
    super(
      `webhook deliveries did not settle: ${pending
        .map(
          (delivery) =>
            `${delivery.event}${delivery.action ? `.${delivery.action}` : ""} ${delivery.id} (${delivery.state})`,
        )
        .join(", ")}`,
    );
    this.name = "SettleTimeoutError";
  }
}

/**
 * Delivers events to the App over HTTP, signed like GitHub, and keeps the log. Deliveries are queued and sent
 * with bounded concurrency; `settle()` waits until nothing is queued or in flight, including deliveries caused
 * by the App's own writes while it handled earlier ones.
 */
export class WebhookDispatcher {
  private target: WebhookTarget | null = null;
  private readonly queue: { delivery: Delivery; done: () => void }[] = [];
  private readonly inflight = new Set<Promise<void>>();
  private readonly log: Delivery[] = [];
  private readonly listeners: ((delivery: Delivery) => void)[] = [];
  private held = false;

  constructor(private readonly options: WebhookDispatcherOptions = {}) {}

  setTarget(target: WebhookTarget | null): void {
    this.target = target;
    this.pump();
  }

  get deliveries(): readonly Delivery[] {
    return this.log;
  }

  /** Deliveries of one event name (and action), in order. */
  find(event: string, action?: string): Delivery[] {
    return this.log.filter(
      (delivery) => delivery.event === event && (action === undefined || delivery.action === action),
    );
  }

  get(id: string): Delivery | undefined {
    return this.log.find((delivery) => delivery.id === id);
  }

  /** Called for every event the moment it is announced (before sending). */
  onEvent(listener: (delivery: Delivery) => void): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at !== -1) this.listeners.splice(at, 1);
    };
  }

  /** Stops sending (events still queue up) until `release()`; lets a test deliver them its own way. */
  hold(): void {
    this.held = true;
  }

  release(): void {
    this.held = false;
    this.pump();
  }

  /** Queued deliveries not yet sent (while held). */
  pending(): Delivery[] {
    return this.queue.map((entry) => entry.delivery);
  }

  clearLog(): void {
    this.log.length = 0;
  }

  enqueue(event: string, payload: Record<string, unknown>): Delivery {
    const delivery = this.record(randomUUID(), event, payload, JSON.stringify(payload), false);
    for (const listener of this.listeners) listener(delivery);
    this.submit(delivery);
    return delivery;
  }

  /** Sends a logged event again with the same delivery id, as GitHub's "Redeliver" button does. */
  redeliver(id: string): Promise<Delivery> {
    const original = this.get(id);
    if (!original) throw new Error(`no delivery ${id}`);
    const copy = this.record(original.id, original.event, original.payload, original.body, true);
    return this.submit(copy).then(() => copy);
  }

  /**
   * Sends `times` copies of a logged event at once (same id), bypassing the queue's ordering: the way two
   * GitHub deliveries, or a delivery and its redelivery, can race.
   */
  async duplicate(id: string, times = 2): Promise<Delivery[]> {
    const original = this.get(id);
    if (!original) throw new Error(`no delivery ${id}`);
    const copies = Array.from({ length: times }, () =>
      this.record(original.id, original.event, original.payload, original.body, true),
    );
    await Promise.all(copies.map((copy) => this.track(this.send(copy))));
    return copies;
  }

  /** Resolves when nothing is queued or in flight. Throws SettleTimeoutError after `timeoutMs` (default 60 s). */
  async settle(options: { timeoutMs?: number } = {}): Promise<void> {
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    for (;;) {
      // Let handlers that answer synchronously enqueue their follow-ups first.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.inflight.size === 0 && (this.queue.length === 0 || this.held || !this.target)) return;
      if (this.inflight.size === 0) this.pump();
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new SettleTimeoutError([
          ...this.queue.map((entry) => entry.delivery),
          ...this.log.filter((d) => d.state === "sending"),
        ]);
      }
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...this.inflight]),
        new Promise((resolve) => {
          timer = setTimeout(resolve, left);
        }),
      ]);
      clearTimeout(timer);
    }
  }

  private record(
    id: string,
    event: string,
    payload: Record<string, unknown>,
    body: string,
    redelivery: boolean,
  ): Delivery {
    const action = typeof payload.action === "string" ? payload.action : null;
    const delivery: Delivery = {
      id,
      event,
      action,
      payload,
      body,
      redelivery,
      state: "queued",
      status: null,
      error: null,
      ms: null,
      exceededTimeout: false,
    };
    this.log.push(delivery);
    return delivery;
  }

  private submit(delivery: Delivery): Promise<void> {
    return new Promise<void>((resolve) => {
      this.queue.push({ delivery, done: resolve });
      this.pump();
    });
  }

  private pump(): void {
    const limit = Math.max(1, this.options.concurrency ?? 1);
    while (!this.held && this.inflight.size < limit && this.queue.length > 0) {
      const next = this.queue.shift();
      if (!next) break;
      if (!this.target) {
        next.delivery.state = "not-sent";
        next.done();
        continue;
      }
      const tracked: Promise<void> = this.send(next.delivery).finally(() => {
        this.inflight.delete(tracked);
        next.done();
        this.pump();
      });
      this.inflight.add(tracked);
    }
  }

  private track(promise: Promise<void>): Promise<void> {
    const tracked: Promise<void> = promise.finally(() => this.inflight.delete(tracked));
    this.inflight.add(tracked);
    return tracked;
  }

  private async send(delivery: Delivery): Promise<void> {
    const target = this.target;
    if (!target) {
      delivery.state = "not-sent";
      return;
    }
    delivery.state = "sending";
    const started = Date.now();
    const timeoutMs = this.options.timeoutMs ?? 10_000;
    const timer = setTimeout(() => {
      delivery.exceededTimeout = true;
    }, timeoutMs);
    try {
      const response = await fetch(target.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "GitHub-Hookshot/sandbox",
          "x-github-event": delivery.event,
          "x-github-delivery": delivery.id,
          "x-github-hook-id": "1",
          "x-github-hook-installation-target-type": "integration",
          "x-github-hook-installation-target-id": "1",
          "x-hub-signature": signatureSha1(target.secret, delivery.body),
          "x-hub-signature-256": signatureSha256(target.secret, delivery.body),
        },
        body: delivery.body,
      });
      await response.arrayBuffer();
      delivery.status = response.status;
      delivery.state = response.ok ? "delivered" : "failed";
    } catch (error) {
      delivery.state = "failed";
      delivery.error = error instanceof Error ? error.message : String(error);
    } finally {
      clearTimeout(timer);
      delivery.ms = Date.now() - started;
    }
  }
}

import type { EngineContext } from "./context.js";

/*
 * The contracts between the engine, its routes and the adapters: what an event is, what a route is and what a
 * step reports. Routes import these, never the route table in engine.ts, so no feature depends on the engine.
 */

/** A webhook event as every adapter sees it: GitHub's event name (`pull_request`), delivery id, payload. */
export interface EngineEvent {
  name: string;
  id: string;
  payload: unknown;
}

/** The `hotfix-gate` check run as the gate rendered it for this evaluation (written, or refused in a dry run). */
export interface RenderedGate {
  status: string;
  conclusion: string | null;
  title: string;
  /** The check run's summary and text, exactly as written. */
  markdown: string;
}

/** What a workflow step reports back; the Action turns it into outputs, the CLI into text. */
export interface StepOutcome {
  gate?: { conclusion: string; summary: string; url?: string; rendered?: RenderedGate };
  /** The incident timeline as this step last rendered it, without its hidden state line. */
  timeline?: string;
  tag?: string;
  releaseUrl?: string;
  backports?: { target: string; pr?: number; url?: string; conflict: boolean; status: string }[];
  followUps?: { kind: string; issue: number; url: string }[];
}

/** A step that ended on purpose before its end (a dry run refused its first write), and why. */
export interface StoppedStep {
  step: string;
  reason: string;
}

export interface EngineOutcome extends StepOutcome {
  /** Names of the workflow steps that ran (stopped ones included); empty when the event was not ours. */
  steps: string[];
  /** The steps of `steps` that a deliberate stop ended; what they had rendered is in the outcome. */
  stopped: StoppedStep[];
}

/**
 * An event a step can act on, as a workflow's `on:` names it: the event and, where GitHub sends several, the
 * activity types (`actions`) the step reads. The caller example of the reusable workflow is tested against these.
 */
export interface Trigger {
  event: string;
  actions?: readonly string[];
  /** For `push`: the branches (workflow globs) the step can act on. */
  branches?: readonly string[];
}

/**
 * One workflow step. `match` is pure and cheap: it reads only the payload and answers whether the step wants
 * the event (and with what input). Events no step matches return before any API call.
 */
export interface Route<Input> {
  step: string;
  /**
   * A long step (the after-merge pipeline paces its writes about a second apart). The App runs it in the
   * background so that the webhook is answered within GitHub's 10 s; it stays crash-safe through reconcile.
   */
  long?: boolean;
  /** Every event `match` can accept; `match` returns null for any other (a test holds the two together). */
  triggers: readonly Trigger[];
  match(event: EngineEvent): Input | null;
  run(input: Input, ctx: EngineContext, event: EngineEvent): Promise<StepOutcome | undefined>;
}

/**
 * An error that ends a step on purpose rather than a failure of it: a dry run refusing the step's first write.
 * The engine logs it as information, keeps what the step had rendered (`partial`) in its outcome and lists the
 * stop; the adapter decides what a stop means for the run.
 */
export interface DeliberateStop {
  readonly deliberateStop: true;
  /** What the step had rendered when it stopped: the gate it would have written, the timeline. */
  partial?: StepOutcome;
}

export function isDeliberateStop(error: unknown): error is DeliberateStop {
  return (
    typeof error === "object" && error !== null && (error as Partial<DeliberateStop>).deliberateStop === true
  );
}

/** What a step had rendered when an error ended it (see stoppedWith and writtenBefore); the engine keeps it. */
export function partialOutcomeOf(error: unknown): StepOutcome | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  return (error as { partial?: StepOutcome }).partial;
}

/** What an inner writer attached first stays: it was rendered later than what an enclosing step adds. */
function attachPartial(error: unknown, partial: StepOutcome): unknown {
  if (typeof error === "object" && error !== null && Object.isExtensible(error))
    (error as { partial?: StepOutcome }).partial = { ...partial, ...partialOutcomeOf(error) };
  return error;
}

/**
 * Returns `error` for rethrowing; when it is a deliberate stop, `partial` (what the writer had rendered for the
 * write that was stopped) is kept on it for the step's outcome. Any other error leaves it alone: a write that
 * failed rendered nothing that anyone can read.
 */
export function stoppedWith(error: unknown, partial: StepOutcome): unknown {
  return isDeliberateStop(error) ? attachPartial(error, partial) : error;
}

/**
 * Returns `error` for rethrowing, with what the step had already written before it (`partial`: the timeline it
 * wrote first) kept on it, so that the step's outcome still reports what GitHub now shows.
 */
export function writtenBefore(error: unknown, partial: StepOutcome): unknown {
  return attachPartial(error, partial);
}

/** A long step as data: enough for any process to run it again (see runLongStep). */
export interface LongStepJob {
  step: string;
  event: EngineEvent;
}

/**
 * Where the App puts long steps; the Action and the CLI give none and so wait for every step. An in-process
 * runner calls `task`; a durable one (a Redis queue) keeps `job` and runs it with runLongStep, in any instance.
 */
export interface BackgroundRunner {
  run(name: string, task: () => Promise<unknown>, job: LongStepJob): void;
}

/** Told how long each step took (metrics); background steps are timed when they end. */
export type StepObserver = (step: string, seconds: number, outcome: "ok" | "failed") => void;

import { afterMergeRoute } from "./after-merge/after-merge-route.js";
import { afterMergeSteps, runAfterMergeWithTarget } from "./after-merge-wiring.js";
import { backportCommandRoute } from "./backport/backport-command.js";
import { backportCheckFollowsRoute, backportConfirmRoute } from "./backport/backport-confirm.js";
import { backportEndRoute } from "./backport/backport-end-route.js";
import { backportSkipRoute } from "./backport/backport-skip-command.js";
import type { EngineContext } from "./context.js";
import { deploymentStatusRoute } from "./deploy/deployment-status-route.js";
import { monitoringDueRoute } from "./deploy/monitoring-due-route.js";
import { rollbackCheckRoute } from "./deploy/rollback-check-route.js";
import { rollbackCommandRoute } from "./deploy/rollback-command.js";
import { gateRoute } from "./gate/gate-route.js";
import { draftPrRoute } from "./intake/draft-pr-route.js";
import { incidentChangeRoute } from "./intake/incident-change-route.js";
import { intakeRoute } from "./intake/intake-route.js";
import {
  type BackgroundRunner,
  type EngineEvent,
  type EngineOutcome,
  isDeliberateStop,
  type LongStepJob,
  partialOutcomeOf,
  type Route,
  type StepObserver,
} from "./route.js";
import { errorMessage } from "./util/errors.js";
import { withLogFields } from "./util/log-with.js";

// biome-ignore lint/suspicious/noExplicitAny: the table holds routes of different input types
type AnyRoute = Route<any>;

/** The one dispatch table: event name + payload -> workflow steps. Adapters never route on their own. */
export const routes: AnyRoute[] = [
  gateRoute,
  afterMergeRoute(afterMergeSteps),
  backportCommandRoute(runAfterMergeWithTarget),
  backportConfirmRoute,
  backportCheckFollowsRoute,
  intakeRoute,
  incidentChangeRoute,
  draftPrRoute,
  deploymentStatusRoute,
  // Backports tracked until they land: their PRs' ends, and waivers on the incident.
  backportEndRoute,
  backportSkipRoute,
  // After the deploy: /rollback, and a configured check failing inside the monitoring window.
  rollbackCommandRoute,
  rollbackCheckRoute,
  monitoringDueRoute,
];

/**
 * Runs a long step from its job, as a queue worker does (possibly in another process than the one that received
 * the event): the route matches the event again and runs. A failure is thrown, for the queue to retry.
 */
export async function runLongStep(job: LongStepJob, ctx: EngineContext): Promise<void> {
  const route = routes.find((candidate) => candidate.step === job.step && candidate.long);
  if (!route)
    throw new Error(`no long step named "${job.step}" (a job queued by another version of hotfix-bot?)`);
  const input = route.match(job.event);
  if (input === null) return;
  await route.run(input, withLogFields(ctx, { step: route.step }), job.event);
}

async function timed<T>(step: string, observe: StepObserver | undefined, run: () => Promise<T>): Promise<T> {
  if (!observe) return run();
  const started = performance.now();
  try {
    const result = await run();
    observe(step, (performance.now() - started) / 1000, "ok");
    return result;
  } catch (error) {
    observe(step, (performance.now() - started) / 1000, "failed");
    throw error;
  }
}

/** What every step that matched an event did: the merged outcome, and the failures (none when all went well). */
export interface SettledEvent {
  outcome: EngineOutcome;
  failures: unknown[];
}

/**
 * Runs every step that matches the event and reports all of it: a failing step does not stop the others, and what
 * the steps rendered before a failure or a deliberate stop stays in the outcome (the Action's job summary shows it).
 * A deliberate stop is no failure: the step is listed in `stopped`, with what it had rendered merged in.
 */
export async function settleEvent(
  event: EngineEvent,
  ctx: EngineContext,
  background?: BackgroundRunner,
  observe?: StepObserver,
): Promise<SettledEvent> {
  const matched = routes.flatMap((route) => {
    const input = route.match(event);
    return input === null ? [] : [{ route, input }];
  });
  const outcome: EngineOutcome = { steps: [], stopped: [] };
  const failures: unknown[] = [];
  for (const { route, input } of matched) {
    // Every line a step logs names it as a field (beside the repository and delivery the adapter bound).
    const stepCtx = withLogFields(ctx, { step: route.step });
    if (route.long && background) {
      background.run(
        `${route.step} for ${event.name} ${event.id}`,
        () => timed(route.step, observe, () => route.run(input, stepCtx, event)),
        { step: route.step, event },
      );
      outcome.steps.push(route.step);
      continue;
    }
    try {
      const result = await timed(route.step, observe, () => route.run(input, stepCtx, event));
      outcome.steps.push(route.step);
      if (result) Object.assign(outcome, result);
    } catch (error) {
      const message = errorMessage(error);
      if (isDeliberateStop(error)) {
        stepCtx.log.info(`stopped on ${event.name}: ${message}`);
        outcome.steps.push(route.step);
        outcome.stopped.push({ step: route.step, reason: message });
      } else {
        stepCtx.log.error(`failed on ${event.name}: ${message}`);
        failures.push(error);
      }
      const partial = partialOutcomeOf(error);
      if (partial) Object.assign(outcome, partial);
    }
  }
  return { outcome, failures };
}

/** Runs every step that matches the event. A failing step does not stop the others; all failures are thrown. */
export async function handleEvent(
  event: EngineEvent,
  ctx: EngineContext,
  background?: BackgroundRunner,
  observe?: StepObserver,
): Promise<EngineOutcome> {
  const settled = await settleEvent(event, ctx, background, observe);
  const failure = failureOf(settled, event);
  if (failure) throw failure;
  return settled.outcome;
}

/** What a settled event's failures amount to: none, the one failure, or all of them in an AggregateError. */
export function failureOf({ failures }: SettledEvent, event: EngineEvent): unknown {
  if (failures.length === 0) return null;
  if (failures.length === 1) return failures[0];
  return new AggregateError(failures, `${failures.length} steps failed on ${event.name} ${event.id}`);
}

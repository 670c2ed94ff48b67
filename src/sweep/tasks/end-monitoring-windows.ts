import { endMonitoringIfDue } from "../../deploy/end-monitoring.js";
import { monitoringPhase } from "../../deploy/monitoring-window.js";
import { notifyMonitoringDone } from "../../deploy/notify-monitoring-outcome.js";
import { dueNow, failedResult, type SweepResult, type SweepTask } from "../sweep-task.js";
import { timelineOfMergedHotfix } from "./timeline-of-merged-hotfix.js";

/**
 * Monitoring windows: a deployed fix whose window (`monitoring.windowMinutes`) has ended without a rollback is
 * recorded as stable (and the incident closed, with `monitoring.closeWhenStable`). The timelines are the ones the
 * sweep reads anyway; a due window costs the write of its record (and the close).
 */
export const endMonitoringWindows: SweepTask = {
  name: "monitoring",
  async run(ctx, swept) {
    const results: SweepResult[] = [];
    const open = [];
    for (const pr of swept.mergedHotfixes) {
      try {
        const { state } = await timelineOfMergedHotfix(swept, pr);
        const pipeline = state?.pipelines[String(pr.number)];
        const phase = monitoringPhase(pipeline, swept.now);
        if (!pipeline?.monitor || (phase !== "open" && phase !== "due")) continue;
        open.push({ key: `monitoring-${pr.number}`, dueAt: pipeline.monitor.until, pr });
      } catch (error) {
        results.push(failedResult(this.name, `#${pr.number}`, error));
      }
    }
    for (const item of dueNow(open, swept.now)) {
      const target = `#${item.pr.number}`;
      try {
        const { stable, incident } = await endMonitoringIfDue(ctx, swept.config, item.pr);
        if (!stable) continue;
        results.push({ task: this.name, target, outcome: "finished", detail: "stable" });
        await notifyMonitoringDone(ctx, swept.config, incident, item.pr.number);
      } catch (error) {
        results.push(failedResult(this.name, target, error));
      }
    }
    return results;
  },
};

import type { Probot } from "probot";
import { configSchema } from "../config/schema.js";
import type { EngineContext, Octokit, RepoRef } from "../context.js";
import { activeInstallations } from "../installed-repositories.js";
import { discoverActiveRepositories } from "./discover-active-repositories.js";
import { SWEEP_LOOKBACK_DAYS } from "./read-swept-repository.js";
import { type SweepReport, sweepRepository } from "./sweep-repository.js";

export interface InstallationsSweepOptions {
  /** Severity labels searched for besides the configuration's defaults (repositories that renamed theirs). */
  extraSeverityLabels?: readonly string[];
  staleAfterMs?: number;
  now?: Date;
}

export interface InstallationsSweep {
  installations: number;
  /** Repositories the discovery found active, and what the sweep did in each. */
  reports: SweepReport[];
}

/**
 * The App's sweep: for each installation, the discovery (two searches scoped to the installation's account),
 * then every task in each active repository. Never lists the installation's repositories.
 */
export async function sweepInstallations(
  app: Probot,
  contextFor: (octokit: Octokit, repo: RepoRef) => EngineContext,
  options: InstallationsSweepOptions = {},
): Promise<InstallationsSweep> {
  const installations = await activeInstallations(app);
  const defaults = Object.values(configSchema.parse({}).severity.labels);
  const labels = [...new Set([...defaults, ...(options.extraSeverityLabels ?? [])])];
  const since = new Date((options.now ?? new Date()).getTime() - SWEEP_LOOKBACK_DAYS * 86_400_000);
  const reports: SweepReport[] = [];
  for (const installation of installations.active) {
    const account = installation.account;
    const login = account && "login" in account ? account.login : null;
    if (!login) continue;
    const octokit = (await app.auth(installation.id)) as Octokit;
    const active = await discoverActiveRepositories(octokit, {
      scope: { kind: "account", login, organization: installation.target_type === "Organization" },
      since,
      severityLabels: labels,
      appSlug: installation.app_slug,
    });
    for (const { repo, found } of active.values()) {
      const options_ = options.staleAfterMs === undefined ? {} : { staleAfterMs: options.staleAfterMs };
      reports.push(await sweepRepository(contextFor(octokit, repo), found, options_));
    }
  }
  return { installations: installations.listed, reports };
}

/** One line an operator can look for: what the sweep found and did. */
export function sweepSummary(sweep: InstallationsSweep): string {
  const results = sweep.reports.flatMap((report) => report.results);
  const finished = results.filter((r) => r.outcome === "finished");
  const failed = results.filter((r) => r.outcome === "failed");
  const what = [...finished, ...failed].map(
    (r) => `${r.task} ${r.target}: ${r.outcome === "failed" ? `failed (${r.detail})` : r.detail}`,
  );
  return (
    `sweep: ${sweep.installations} installation(s), ${sweep.reports.length} active repositor${sweep.reports.length === 1 ? "y" : "ies"}, ` +
    `${finished.length} finished, ${failed.length} failed${what.length ? `: ${what.join("; ")}` : ""}`
  );
}

import type { Probot } from "probot";
import type { Octokit, RepoRef } from "./context.js";

/**
 * The App's installations that can act: a suspended one gets no token (GitHub answers 403), so neither the sweep
 * nor the dashboard asks for one.
 */
export async function activeInstallations(app: Pick<Probot, "auth">) {
  const appOctokit = await app.auth();
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
  return { listed: installations.length, active: installations.filter((i) => !i.suspended_at) };
}

/**
 * Every repository of every active installation of the App, with the installation's Octokit: what the dashboard
 * walks (the sweep never lists repositories). Read lazily, one installation at a time.
 */
export async function* installedRepositories(
  app: Pick<Probot, "auth">,
): AsyncGenerator<{ octokit: Octokit; repo: RepoRef }> {
  for (const installation of (await activeInstallations(app)).active) {
    const octokit = (await app.auth(installation.id)) as unknown as Octokit;
    const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, {
      per_page: 100,
    });
    for (const repository of repos)
      yield { octokit, repo: { owner: repository.owner.login, repo: repository.name } };
  }
}

import type { Probot } from "probot";
import type { Octokit, RepoRef } from "./context.js";

/**
 * Every repository of every installation of the App, with the installation's Octokit: what reconcile and the
 * dashboard walk. Read lazily, one installation at a time.
 */
export async function* installedRepositories(
  app: Pick<Probot, "auth">,
): AsyncGenerator<{ octokit: Octokit; repo: RepoRef }> {
  const appOctokit = await app.auth();
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
  for (const installation of installations) {
    const octokit = (await app.auth(installation.id)) as unknown as Octokit;
    const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, {
      per_page: 100,
    });
    for (const repository of repos)
      yield { octokit, repo: { owner: repository.owner.login, repo: repository.name } };
  }
}

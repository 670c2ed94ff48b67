import { fullName, type Repository } from "../state/model.js";
import type { World } from "../state/world.js";
import { nodeId, userShape } from "./user-shape.js";

function epochSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

/**
 * GitHub's `full-repository`, which also satisfies the repository objects of webhook payloads. The `push`
 * event famously writes `created_at`/`pushed_at` as epoch seconds; `style: "push"` reproduces that.
 */
export function repositoryShape(
  world: World,
  repo: Repository,
  style: "rest" | "push" = "rest",
): Record<string, unknown> {
  const name = fullName(repo);
  const url = world.apiUrl(`/repos/${name}`);
  const html = world.htmlUrl(`/${name}`);
  const openIssues = [...repo.issues.values()].filter((issue) => issue.state === "open").length;
  const shape: Record<string, unknown> = {
    id: repo.id,
    node_id: nodeId("Repository", repo.id),
    name: repo.name,
    full_name: name,
    private: repo.private,
    owner: userShape(world, repo.owner),
    html_url: html,
    description: repo.description,
    fork: repo.forkOf !== null,
    url,
    forks_url: `${url}/forks`,
    keys_url: `${url}/keys{/key_id}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    teams_url: `${url}/teams`,
    hooks_url: `${url}/hooks`,
    issue_events_url: `${url}/issues/events{/number}`,
    events_url: `${url}/events`,
    assignees_url: `${url}/assignees{/user}`,
    branches_url: `${url}/branches{/branch}`,
    tags_url: `${url}/tags`,
    blobs_url: `${url}/git/blobs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    trees_url: `${url}/git/trees{/sha}`,
    statuses_url: `${url}/statuses/{sha}`,
    languages_url: `${url}/languages`,
    stargazers_url: `${url}/stargazers`,
    contributors_url: `${url}/contributors`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    commits_url: `${url}/commits{/sha}`,
    git_commits_url: `${url}/git/commits{/sha}`,
    comments_url: `${url}/comments{/number}`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    contents_url: `${url}/contents/{+path}`,
    compare_url: `${url}/compare/{base}...{head}`,
    merges_url: `${url}/merges`,
    archive_url: `${url}/{archive_format}{/ref}`,
    downloads_url: `${url}/downloads`,
    issues_url: `${url}/issues{/number}`,
    pulls_url: `${url}/pulls{/number}`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    labels_url: `${url}/labels{/name}`,
    releases_url: `${url}/releases{/id}`,
    deployments_url: `${url}/deployments`,
    created_at: style === "push" ? epochSeconds(repo.createdAt) : repo.createdAt,
    updated_at: repo.updatedAt,
    pushed_at: style === "push" ? epochSeconds(repo.pushedAt) : repo.pushedAt,
    git_url: `git://127.0.0.1/${name}.git`,
    ssh_url: `git@127.0.0.1:${name}.git`,
    clone_url: `${html}.git`,
    svn_url: html,
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: null,
    has_issues: true,
    has_projects: false,
    has_downloads: true,
    has_wiki: false,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: openIssues,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: repo.private ? "private" : "public",
    forks: 0,
    open_issues: openIssues,
    watchers: 0,
    default_branch: repo.defaultBranch,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_rebase_merge: true,
    allow_auto_merge: repo.allowAutoMerge ?? false,
    delete_branch_on_merge: false,
    allow_update_branch: false,
    network_count: 0,
    subscribers_count: 0,
  };
  if (style === "push") {
    shape.stargazers = 0;
    shape.master_branch = repo.defaultBranch;
    if (repo.owner.type === "Organization") shape.organization = repo.owner.login;
  }
  return shape;
}

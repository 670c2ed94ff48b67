import { notFound, validationFailed } from "../http/api-error.js";
import type { Handler, SandboxRequest } from "../http/handler.js";
import type { RouteTable } from "../http/route-table.js";
import { announce } from "../services/announce.js";
import { createRef } from "../services/ref-effects.js";
import { resolveCommit } from "../services/resolve.js";
import { releaseShape } from "../shapes/release-shapes.js";
import type { ReleaseRecord, Repository, User } from "../state/model.js";
import type { World } from "../state/world.js";
import {
  bodyOf,
  json,
  numberParam,
  optionalBoolean,
  optionalString,
  paginate,
  repoOf,
  requireWrite,
} from "./common.js";

function releaseOf(repo: Repository, req: SandboxRequest): ReleaseRecord {
  const release = repo.releases.get(numberParam(req, "release_id"));
  if (!release) throw notFound();
  return release;
}

/** A published release needs its tag: GitHub creates a lightweight tag at `target_commitish` when missing. */
async function ensureTag(world: World, repo: Repository, release: ReleaseRecord, actor: User): Promise<void> {
  const ref = `refs/tags/${release.tagName}`;
  if (repo.refs.get(ref)) return;
  const target = await resolveCommit(repo, release.targetCommitish);
  if (!target) {
    throw validationFailed([{ resource: "Release", code: "invalid", field: "target_commitish" }]);
  }
  await createRef(world, repo, ref, target, actor);
}

function announcePublished(world: World, repo: Repository, release: ReleaseRecord, actor: User): void {
  announce(world, repo, "release", actor, {
    action: "published",
    release: releaseShape(world, repo, release),
  });
  if (!release.prerelease) {
    announce(world, repo, "release", actor, {
      action: "released",
      release: releaseShape(world, repo, release),
    });
  }
}

export function registerReleaseRoutes(table: RouteTable<Handler>): void {
  table.add("POST", "/repos/{owner}/{repo}/releases", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const body = bodyOf(req);
    const tagName = optionalString(body, "tag_name");
    if (!tagName) throw validationFailed([{ resource: "Release", code: "missing_field", field: "tag_name" }]);
    if ([...repo.releases.values()].some((release) => release.tagName === tagName)) {
      throw validationFailed([{ resource: "Release", code: "already_exists", field: "tag_name" }]);
    }
    const draft = optionalBoolean(body, "draft") ?? false;
    const now = world.now();
    const release: ReleaseRecord = {
      id: world.nextId(),
      tagName,
      targetCommitish: optionalString(body, "target_commitish") ?? repo.defaultBranch,
      name: optionalString(body, "name") ?? null,
      body: optionalString(body, "body") ?? null,
      draft,
      prerelease: optionalBoolean(body, "prerelease") ?? false,
      author: actor,
      createdAt: now,
      publishedAt: draft ? null : now,
    };
    if (!draft) await ensureTag(world, repo, release, actor);
    repo.releases.set(release.id, release);
    announce(world, repo, "release", actor, {
      action: "created",
      release: releaseShape(world, repo, release),
    });
    if (!draft) announcePublished(world, repo, release, actor);
    return json(201, releaseShape(world, repo, release));
  });

  table.add("GET", "/repos/{owner}/{repo}/releases", async (req, world) => {
    const repo = repoOf(world, req);
    const releases = [...repo.releases.values()].sort((a, b) => b.id - a.id);
    const { page, headers } = paginate(world, req, releases);
    return json(
      200,
      page.map((release) => releaseShape(world, repo, release)),
      headers,
    );
  });

  table.add("GET", "/repos/{owner}/{repo}/releases/latest", async (req, world) => {
    const repo = repoOf(world, req);
    const latest = [...repo.releases.values()]
      .filter((release) => !release.draft && !release.prerelease)
      .sort((a, b) => b.id - a.id)[0];
    if (!latest) throw notFound();
    return json(200, releaseShape(world, repo, latest));
  });

  table.add("GET", "/repos/{owner}/{repo}/releases/tags/{tag+}", async (req, world) => {
    const repo = repoOf(world, req);
    const release = [...repo.releases.values()].find(
      (candidate) => candidate.tagName === req.params.tag && !candidate.draft,
    );
    if (!release) throw notFound();
    return json(200, releaseShape(world, repo, release));
  });

  table.add("GET", "/repos/{owner}/{repo}/releases/{release_id}", async (req, world) => {
    const repo = repoOf(world, req);
    return json(200, releaseShape(world, repo, releaseOf(repo, req)));
  });

  table.add("PATCH", "/repos/{owner}/{repo}/releases/{release_id}", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const release = releaseOf(repo, req);
    const body = bodyOf(req);
    const changes: Record<string, { from: unknown }> = {};
    const name = optionalString(body, "name");
    if (name !== undefined && name !== release.name) {
      changes.name = { from: release.name ?? "" };
      release.name = name;
    }
    const text = optionalString(body, "body");
    if (text !== undefined && text !== release.body) {
      changes.body = { from: release.body ?? "" };
      release.body = text;
    }
    const tagName = optionalString(body, "tag_name");
    if (tagName !== undefined && tagName !== release.tagName) {
      if ([...repo.releases.values()].some((other) => other !== release && other.tagName === tagName)) {
        throw validationFailed([{ resource: "Release", code: "already_exists", field: "tag_name" }]);
      }
      changes.tag_name = { from: release.tagName };
      release.tagName = tagName;
    }
    const target = optionalString(body, "target_commitish");
    if (target !== undefined) release.targetCommitish = target;
    const prerelease = optionalBoolean(body, "prerelease");
    if (prerelease !== undefined) release.prerelease = prerelease;
    const draft = optionalBoolean(body, "draft");
    const publishing = draft === false && release.draft;
    if (publishing) {
      await ensureTag(world, repo, release, actor);
      release.draft = false;
      release.publishedAt = world.now();
    }
    if (Object.keys(changes).length > 0) {
      announce(world, repo, "release", actor, {
        action: "edited",
        changes,
        release: releaseShape(world, repo, release),
      });
    }
    if (publishing) announcePublished(world, repo, release, actor);
    return json(200, releaseShape(world, repo, release));
  });

  table.add("DELETE", "/repos/{owner}/{repo}/releases/{release_id}", async (req, world) => {
    const repo = repoOf(world, req);
    const actor = requireWrite(req, repo);
    const release = releaseOf(repo, req);
    repo.releases.delete(release.id);
    announce(world, repo, "release", actor, {
      action: "deleted",
      release: releaseShape(world, repo, release),
    });
    return { status: 204 };
  });
}

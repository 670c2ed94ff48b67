/**
 * Route templates in GitHub's notation (`/repos/{owner}/{repo}/pulls/{pull_number}`). A parameter written
 * `{name+}` takes one or more path segments (refs and file paths contain slashes; Octokit sends them encoded
 * as %2F, people type them raw); `{name*}` takes zero or more.
 */

export interface RouteMatch<H> {
  template: string;
  params: Record<string, string>;
  handler: H;
}

interface CompiledRoute<H> {
  method: string;
  template: string;
  prefix: Segment[];
  greedy: string | null;
  /** Fewest segments the greedy parameter takes (1 for `+`, 0 for `*`). */
  minGreedy: number;
  suffix: Segment[];
  handler: H;
}

type Segment = { literal: string } | { param: string };

function compileSegments(parts: string[]): Segment[] {
  return parts.map((part) => {
    const match = /^\{(\w+)\}$/.exec(part);
    return match?.[1] ? { param: match[1] } : { literal: part };
  });
}

function matchSegments(segments: Segment[], parts: string[], params: Record<string, string>): boolean {
  if (segments.length !== parts.length) return false;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as Segment;
    const part = parts[i] as string;
    if ("literal" in segment) {
      if (segment.literal !== part) return false;
    } else {
      if (part === "") return false;
      params[segment.param] = safeDecode(part);
    }
  }
  return true;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Exact templates first; then more literal segments (`/issues/comments` beats `/issues/{issue_number}`). */
function rank(route: { greedy: string | null; prefix: Segment[]; suffix: Segment[] }): number {
  const literals = [...route.prefix, ...route.suffix].filter((segment) => "literal" in segment).length;
  return route.greedy === null ? 10_000 + literals : route.suffix.length * 100 + literals;
}

export class RouteTable<H> {
  private readonly routes: CompiledRoute<H>[] = [];

  add(method: string, template: string, handler: H): void {
    const parts = template.split("/").slice(1);
    const greedyAt = parts.findIndex((part) => /^\{\w+[+*]\}$/.test(part));
    const route: CompiledRoute<H> =
      greedyAt === -1
        ? {
            method,
            template,
            prefix: compileSegments(parts),
            greedy: null,
            minGreedy: 0,
            suffix: [],
            handler,
          }
        : {
            method,
            template: template.replace(/\{(\w+)[+*]\}/, "{$1}"),
            prefix: compileSegments(parts.slice(0, greedyAt)),
            greedy: (parts[greedyAt] as string).slice(1, -2),
            minGreedy: (parts[greedyAt] as string).endsWith("*}") ? 0 : 1,
            suffix: compileSegments(parts.slice(greedyAt + 1)),
            handler,
          };
    this.routes.push(route);
  }

  /**
   * The matching route for a method and raw path. Exact templates win over greedy ones, more literal segments
   * win over parameters, and among greedy ones the longer literal suffix wins, so `/commits/{ref+}/check-runs`
   * beats `/commits/{ref+}` whatever the order of registration.
   */
  match(method: string, path: string): RouteMatch<H> | null {
    const parts = path.split("/").slice(1);
    const candidates = this.routes
      .filter((route) => route.method === method)
      .sort((a, b) => rank(b) - rank(a));
    for (const route of candidates) {
      const params: Record<string, string> = {};
      if (route.greedy === null) {
        if (matchSegments(route.prefix, parts, params))
          return { template: route.template, params, handler: route.handler };
        continue;
      }
      const middle = parts.length - route.prefix.length - route.suffix.length;
      if (middle < route.minGreedy) continue;
      if (!matchSegments(route.prefix, parts.slice(0, route.prefix.length), params)) continue;
      if (!matchSegments(route.suffix, parts.slice(parts.length - route.suffix.length), params)) continue;
      const greedyParts = parts.slice(route.prefix.length, route.prefix.length + middle);
      if (greedyParts.some((part) => part === "")) continue;
      params[route.greedy] = greedyParts.map(safeDecode).join("/");
      return { template: route.template, params, handler: route.handler };
    }
    return null;
  }

  templates(): { method: string; template: string }[] {
    return this.routes.map(({ method, template }) => ({ method, template }));
  }
}

import type { Exchange, Sandbox } from "@hotfix-bot/sandbox";
import { ConformanceRecorder, OpenApiValidator } from "@hotfix-bot/sandbox/conformance";

let validator: Promise<OpenApiValidator> | null = null;

/** What the App under test sent, judged against GitHub's OpenAPI description. */
export interface AppConformance {
  /** `METHOD route: errors` of every App request whose body GitHub's description rejects. */
  readonly invalidBodies: string[];
  /** `METHOD route` the App called that GitHub does not describe at all. */
  readonly undocumented: Set<string>;
  /** `METHOD route` of every App request (the coverage of the check). */
  readonly sent: Set<string>;
  /** Responses of the sandbox that did not match the description (the sandbox's fidelity, for everyone). */
  readonly responseViolations: string[];
  stop(): void;
}

function fromAppUnderTest(sandbox: Sandbox, exchange: Exchange): boolean {
  const identity = exchange.identity;
  return (
    (identity.kind === "installation" || identity.kind === "app") && identity.app.slug === sandbox.app.slug
  );
}

/**
 * Records, from now on, whether each request the App sends is one GitHub describes (method and path) with a body
 * its schema accepts. Requests that a fault answered are judged too: the App sent them all the same.
 */
export async function recordAppConformance(sandbox: Sandbox): Promise<AppConformance> {
  validator ??= OpenApiValidator.load();
  const openapi = await validator;
  const recorder = new ConformanceRecorder(openapi, {
    requestsFrom: (exchange) => fromAppUnderTest(sandbox, exchange),
  });
  const result = {
    invalidBodies: [] as string[],
    undocumented: new Set<string>(),
    sent: new Set<string>(),
    responseViolations: [] as string[],
    stop: () => {},
  };
  const stopObserving = sandbox.observe((exchange) => {
    if (fromAppUnderTest(sandbox, exchange)) {
      const key = `${exchange.method} ${exchange.route}`;
      result.sent.add(key);
      if (!openapi.hasOperation(exchange.method, exchange.route)) result.undocumented.add(key);
      if (exchange.fault && exchange.requestBody !== undefined && exchange.method !== "GET") {
        const errors = openapi.validateRequest(exchange.method, exchange.route, exchange.requestBody);
        if (errors?.length) result.invalidBodies.push(`${key}: ${errors.join("; ")}`);
      }
    }
    const before = recorder.violations.length;
    recorder.observe(exchange);
    for (const violation of recorder.violations.slice(before)) {
      const line = `${violation.method} ${violation.route}${violation.status ? ` ${violation.status}` : ""}: ${violation.errors.join("; ")}`;
      if (violation.kind === "request") result.invalidBodies.push(line);
      else result.responseViolations.push(line);
    }
  });
  result.stop = stopObserving;
  return result;
}

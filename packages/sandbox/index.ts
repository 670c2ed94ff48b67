// The sandbox's public surface, for tests, the demo and benchmarks (conformance checks: "./conformance.js").
export { type AnnotationInput, type FileSpec, OtherApp, Person, type PushOptions } from "./actor.js";
export type { Exchange } from "./http/api-server.js";
export type { GitHttpLog, GitHttpRecord } from "./http/git-http-backend.js";
export { ImportRepositoryError, type ImportSpec } from "./import-repository.js";
export { DEFAULT_FAULT_KINDS, type FaultKind, type FaultOptions } from "./instruments/faults.js";
export type { Interception, InterceptionOptions } from "./instruments/interceptions.js";
export type { LatencyOptions } from "./instruments/latency.js";
export type { Count, RequestRecord } from "./instruments/request-log.js";
export { seededUnit } from "./instruments/seeded-random.js";
export { createRouteTable } from "./routes/all-routes.js";
export { SandboxRequestError } from "./sandbox-client.js";
export type { CommitSpec, RepositorySpec } from "./seed-repository.js";
export {
  type BackgroundTracker,
  type RepositoryHandle,
  Sandbox,
  type SandboxOptions,
  startSandbox,
} from "./start-sandbox.js";
export type { CheckRunRecord, Permission } from "./state/model.js";
export { signatureSha1, signatureSha256 } from "./webhooks/sign-payload.js";
export type { Delivery, WebhookTarget } from "./webhooks/webhook-dispatcher.js";
export { WEBSHOP } from "./webshop-seed.js";

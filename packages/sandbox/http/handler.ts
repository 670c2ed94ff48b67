import type { Identity } from "../state/model.js";
import type { World } from "../state/world.js";

export interface SandboxRequest {
  method: string;
  path: string;
  /** The matched route in GitHub's notation, e.g. `/repos/{owner}/{repo}/pulls/{pull_number}`. */
  template: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: unknown;
  identity: Identity;
}

export interface SandboxResponse {
  status: number;
  /** JSON body. */
  body?: unknown;
  /** A non-JSON body (raw file contents) with its content type. */
  raw?: { data: Buffer | string; contentType: string };
  headers?: Record<string, string>;
}

export type Handler = (req: SandboxRequest, world: World) => Promise<SandboxResponse>;

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A webhook endpoint that hands every delivery, byte for byte (body, signature, event, delivery id), to several
 * App instances at once, as a load balancer that duplicated deliveries would. It answers the sandbox 200 only
 * when every instance accepted the delivery.
 */
export interface FanOut {
  url: string;
  close(): Promise<void>;
}

export async function startFanOut(targets: () => string[]): Promise<FanOut> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(req.headers)) {
        if (typeof value === "string" && key !== "host" && key !== "content-length") headers[key] = value;
      }
      void Promise.all(
        targets().map((url) =>
          fetch(url, { method: "POST", headers, body }).then(
            async (response) => {
              await response.arrayBuffer();
              return response.status;
            },
            () => 502,
          ),
        ),
      ).then((statuses) => {
        const ok = statuses.every((status) => status >= 200 && status < 300);
        res.writeHead(ok ? 200 : 502, { "content-type": "application/json" });
        res.end(JSON.stringify({ statuses }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

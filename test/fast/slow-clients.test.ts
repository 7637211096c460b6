import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * Clients that never finish their request, and floods of connections, are cut or refused with
 * a clear answer, so they cannot use up the process's sockets (which the cloud link needs too).
 */
const gateways: TestGateway<ScriptedBackend>[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(gateways.splice(0).map((gateway) => gateway.close()));
});

async function start(server: Record<string, unknown>) {
  const gateway = await startTestGateway({ config: { server } });
  gateways.push(gateway);
  const { port } = new URL(await gateway.server.listen());
  return { gateway, port: Number(port) };
}

/** A raw connection; resolves with everything the server wrote once it closes it. */
function open(port: number, written: string): { socket: Socket; answer: Promise<string> } {
  const socket = connect(port, "127.0.0.1");
  sockets.push(socket);
  socket.on("error", () => undefined);
  socket.write(written);
  const answer = new Promise<string>((resolve) => {
    let text = "";
    socket.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    socket.on("close", () => {
      resolve(text);
    });
  });
  return { socket, answer };
}

const unfinished =
  "POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{";

describe("slow and surplus clients", () => {
  it("cuts a request whose body never finishes after server.requestTimeoutMs, with a 408", async () => {
    const { port } = await start({ requestTimeoutMs: 500 });
    const started = Date.now();
    const answer = await open(port, unfinished).answer;
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    // Cut within a couple of checks of the timeout, not after Node's default 30 s.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("refuses connections beyond server.maxConnections with a 503 in OpenAI's shape, and serves again once they close", async () => {
    const { port } = await start({ maxConnections: 3 });
    const held = [open(port, unfinished), open(port, unfinished), open(port, unfinished)];
    await new Promise((resolve) => setTimeout(resolve, 100));
    const refused = await open(port, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").answer;
    expect(refused).toMatch(/^HTTP\/1\.1 503/);
    expect(refused).toContain('"code":"service_unavailable"');
    expect(refused).toContain("server.maxConnections");
    for (const { socket } of held) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
  });
});

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { colibri, colibriWithInput } from "../support/run-cli.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { spawnColibri, until, type SpawnedCli } from "../support/spawn-cli.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

let gateway: TestGateway<ScriptedBackend>;
let url: string;
let home: string;
const defaultTokens = ["Hola", ",", " ¿qué", " tal", "?"];

beforeAll(async () => {
  gateway = await startTestGateway({ config: { server: { host: "127.0.0.1" } } });
  url = await gateway.server.listen();
});

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "colibri-chat-"));
  process.env["COLIBRI_HOME"] = home;
  gateway.backend.requests.length = 0;
  gateway.backend.tokens = defaultTokens;
  gateway.backend.tokenDelayMs = 0;
  gateway.backend.aborted = 0;
});

afterAll(async () => {
  await gateway.close();
  await rm(home, { recursive: true, force: true });
});

const userTurns = (index: number) => gateway.backend.requests[index]?.messages;

describe("colibri chat against a running server", () => {
  it("answers one question from the server (stdout holds only the answer)", async () => {
    const result = await colibri("chat", "--url", `${url}/v1`, "¿Qué tal?");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe("Hola, ¿qué tal?\n");
    expect(result.stderr).toBe("");
    expect(gateway.backend.requests).toHaveLength(1);
    expect(userTurns(0)).toEqual([{ role: "user", content: "¿Qué tal?" }]);
  });

  it("finds the server at the configured host and port without --url", async () => {
    const port = new URL(url).port;
    await writeFile(join(home, "config.json"), JSON.stringify({ server: { port: Number(port) } }));
    const result = await colibri("chat", "--verbose", "--model", "local", "hola");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe("Hola, ¿qué tal?\n");
    expect(result.stderr).toBe("(route: local, reason: requested-local)\n");
  });

  it("says when --max-tokens cut the answer, and how to get longer ones", async () => {
    const result = await colibri("chat", "--url", url, "--max-tokens", "2", "hola");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe("Hola,\n");
    expect(result.stderr).toBe(
      "(answer cut at 2 tokens by --max-tokens 2; ask for longer answers with --max-tokens 16)\n",
    );
    expect(gateway.backend.requests[0]?.sampling.maxTokens).toBe(2);

    const json = await colibri("chat", "--url", url, "--max-tokens", "2", "--json", "hola");
    expect(JSON.parse(json.stdout)).toMatchObject({
      model: "auto",
      content: "Hola,",
      finishReason: "length",
      usage: { completionTokens: 2 },
      route: { route: "local", reason: "no-cloud" },
    });
  });

  it("prints the server's 401 for a wrong key as one line and exits non-zero", async () => {
    const oneShot = await colibri("chat", "--url", url, "--api-key", "wrong-key", "hola");
    expect(oneShot.code).toBe(1);
    expect(oneShot.stdout).toBe("");
    expect(oneShot.stderr.trim().split("\n")).toHaveLength(1);
    expect(oneShot.stderr).toMatch(
      /^colibri: The Colibrí server at http:\/\/127\.0\.0\.1:\d+ refused the request \(401\): Incorrect API key provided: .*\(chat sends --api-key, else COLIBRI_API_KEY, else "local"\)\n$/,
    );

    // A session checks the key before its first prompt.
    const session = await colibriWithInput("hola\n", "chat", "--url", url, "--api-key", "wrong");
    expect(session.code).toBe(1);
    expect(session.stderr).toMatch(/^colibri: .*refused the request \(401\)/);
    expect(gateway.backend.requests).toHaveLength(0);
  });

  it("fails in one line when the --url given does not answer", async () => {
    const closed = await closedPort();
    const result = await colibri("chat", "--url", `http://127.0.0.1:${closed}`, "hola");
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `colibri: No Colibrí server answers at http://127.0.0.1:${closed} (GET /health). Check --url, or start one there with colibri serve.\n`,
    );
  });

  it("says it loads the model here when no server answers at the configured address", async () => {
    const closed = await closedPort();
    await writeFile(join(home, "config.json"), JSON.stringify({ server: { port: closed } }));
    const missing = join(home, "missing.gguf");
    const result = await colibri("chat", "--model", missing, "hola");
    expect(result.stderr).toContain(
      `No Colibrí server at http://127.0.0.1:${closed}; loading ${missing} here (start one with colibri serve to share it).\n`,
    );
    expect(result.code).toBe(1); // the model file does not exist: the load fails
  });
});

describe("a colibri chat session", () => {
  it("keeps /commands for itself: /help, /clear, /model, unknown ones, /bye", async () => {
    const input = ["/help", "hola", "¿y tú?", "/clear", "adiós", "/nada", "/bye", "nunca"];
    const result = await colibriWithInput(`${input.join("\n")}\n`, "chat", "--url", url);
    expect(result.code, result.stderr).toBe(0);

    // Three prompts reached the model; no /command and nothing after /bye did.
    expect(gateway.backend.requests.map((request) => request.messages.at(-1)?.content)).toEqual([
      "hola",
      "¿y tú?",
      "adiós",
    ]);
    expect(userTurns(1)).toEqual([
      { role: "user", content: "hola" },
      { role: "assistant", content: "Hola, ¿qué tal?" },
      { role: "user", content: "¿y tú?" },
    ]);
    expect(userTurns(2)).toEqual([{ role: "user", content: "adiós" }]); // /clear forgot
    expect(result.stderr).toContain("/model NAME    switch: auto (the router decides), local");
    expect(result.stderr).toContain("(conversation forgotten)");
    expect(result.stderr).toContain("Unknown command /nada; /help lists the commands.");
    expect(result.stdout.match(/Hola, ¿qué tal\?\n/g)).toHaveLength(3);
  });

  it("switches models with /model and refuses one the server does not serve", async () => {
    const input = "/model\n/model gpt-nada\n/model local\nhola\n";
    const result = await colibriWithInput(input, "chat", "--url", url, "--verbose");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(
      "Model: auto. Switch with /model NAME to: scripted-model, local, auto.",
    );
    expect(result.stderr).toContain(
      `The Colibrí server at ${url} does not serve 'gpt-nada'. It serves: scripted-model, local, auto.`,
    );
    expect(result.stderr).toContain("(now talking to local)");
    expect(result.stderr).toContain("(route: local, reason: requested-local)");
    expect(gateway.backend.requests).toHaveLength(1);

    // An unserved --model fails before the first prompt.
    const unserved = await colibriWithInput("hola\n", "chat", "--url", url, "--model", "gpt-nada");
    expect(unserved.code).toBe(1);
    expect(unserved.stderr).toBe(
      `colibri: The Colibrí server at ${url} does not serve 'gpt-nada'. It serves: scripted-model, local, auto.\n`,
    );
    expect(gateway.backend.requests).toHaveLength(1);
  });

  it("keeps the --system prompt across /clear", async () => {
    const input = "hola\n/clear\notra vez\n";
    const result = await colibriWithInput(input, "chat", "--url", url, "--system", "Sé breve.");
    expect(result.code, result.stderr).toBe(0);
    expect(userTurns(1)).toEqual([
      { role: "system", content: "Sé breve." },
      { role: "user", content: "otra vez" },
    ]);
  });
});

describe("Ctrl+C in a colibri chat process", () => {
  const spawned: SpawnedCli[] = [];
  const start = (args: string[]) => {
    const cli = spawnColibri(args, { ...process.env, COLIBRI_HOME: home });
    spawned.push(cli);
    return cli;
  };
  afterEach(() => {
    for (const cli of spawned.splice(0)) if (cli.child.exitCode === null) cli.child.kill("SIGKILL");
  });

  it("stops a streaming answer, gives the prompt back, and exits 0 at the end of input", async () => {
    gateway.backend.tokens = Array.from({ length: 400 }, () => " palabra");
    gateway.backend.tokenDelayMs = 25; // ten seconds of answer
    const cli = start(["chat", "--url", url]);
    cli.child.stdin.write("cuéntame algo largo\n");
    const account = () => `stdout: ${cli.stdout()}\nstderr: ${cli.stderr()}`;
    await until(() => cli.stdout().includes(" palabra palabra"), account); // it streams

    cli.child.kill("SIGINT");
    await until(() => cli.stderr().includes("(stopped)") && cli.stdout().endsWith("› "), account);
    await until(() => gateway.backend.aborted === 1, account); // the server stopped generating
    expect(cli.stdout().split(" palabra").length - 1).toBeLessThan(400);

    cli.child.stdin.end();
    expect(await cli.exited).toBe(0);
  }, 60_000);

  it("leaves with exit code 0 on Ctrl+C at an empty prompt", async () => {
    const cli = start(["chat", "--url", url]);
    await until(
      () => cli.stdout().endsWith("› "),
      () => cli.stderr(),
    );
    cli.child.kill("SIGINT");
    expect(await cli.exited).toBe(0);
    expect(gateway.backend.requests).toHaveLength(0);
  }, 60_000);
});

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  if (address === null || typeof address === "string") throw new Error("No port");
  return address.port;
}

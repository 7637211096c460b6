import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import OpenAI, { toFile } from "openai";
import { afterAll, describe, expect, it } from "vitest";
import { plumbingModel } from "../support/default-model.js";
import { FakeCloud } from "../support/fake-cloud.js";

/**
 * Nothing is lost: the real `colibri serve` (the built CLI, SmolLM2 by name) is killed with
 * SIGKILL in the middle of a batch, started again on the same store, and finishes the batch with
 * every line answered exactly once and every cloud request done once upstream (the calls that
 * were in flight at the kill are sent again under the same idempotency key).
 */
const bin = fileURLToPath(new URL("../../bin/colibri.js", import.meta.url));
const children: ChildProcess[] = [];
let home: string | undefined;
let cloud: FakeCloud | undefined;

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await cloud?.close();
  if (home !== undefined) await rm(home, { recursive: true, force: true });
});

/** Start `colibri serve` and resolve with its base URL once it says it is serving. */
async function serve(modelPath: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [bin, "serve", "--model", modelPath, "--port", "0", "--no-auth", "--log-level", "warn"],
    { env: { ...process.env, COLIBRI_HOME: home }, stdio: ["ignore", "ignore", "pipe"] },
  );
  children.push(child);
  let stderr = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
      const match = /serving \S+ at (http:\/\/\S+\/v1)/.exec(stderr);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.once("exit", (code) => {
      reject(new Error(`colibri serve exited (${code}) before serving:\n${stderr}`));
    });
  });
  return { child, url };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 60_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Not done after ${ms} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const chatCalls = (fake: FakeCloud) =>
  fake.requests.filter((request) => request.path.endsWith("/chat/completions"));

describe("a server killed with SIGKILL mid-batch", () => {
  it("resumes after restart without losing or duplicating work", async () => {
    const model = await plumbingModel();
    cloud = await FakeCloud.start();
    cloud.frameDelayMs = 60; // each cloud answer takes a few hundred milliseconds
    home = await mkdtemp(join(tmpdir(), "colibri-sigkill-"));
    await writeFile(
      join(home, "config.json"),
      JSON.stringify({
        providers: [{ name: "nube", baseUrl: cloud.url, models: ["gpt-4o-mini"] }],
        router: { preRouter: { enabled: false } },
        queue: { concurrency: 2, leaseSeconds: 1, pollMs: 50, ratePerMinute: 6000 },
      }),
    );

    const cloudLines = Array.from({ length: 8 }, (_, index) => `nube-${index + 1}`);
    const localLines = ["local-1", "local-2"];
    const input = [...cloudLines, ...localLines].map((customId) =>
      JSON.stringify({
        custom_id: customId,
        method: "POST",
        url: "/v1/chat/completions",
        body: {
          model: customId.startsWith("nube") ? "gpt-4o-mini" : "local",
          messages: [{ role: "user", content: `Pregunta ${customId}: ¿capital de Colombia?` }],
          max_tokens: 8,
        },
      }),
    );

    const first = await serve(model.path);
    const client = (url: string) => new OpenAI({ baseURL: url, apiKey: "local", maxRetries: 0 });
    const file = await client(first.url).files.create({
      file: await toFile(Buffer.from(`${input.join("\n")}\n`), "lote.jsonl"),
      purpose: "batch",
    });
    const batch = await client(first.url).batches.create({
      input_file_id: file.id,
      endpoint: "/v1/chat/completions",
      completion_window: "24h",
    });

    // Kill it once some cloud lines are done and others are on the wire.
    await until(
      () => Promise.resolve(chatCalls(cloud as FakeCloud).length),
      (calls) => calls >= 3,
    );
    first.child.kill("SIGKILL");
    await new Promise((resolve) => first.child.once("exit", resolve));
    // Mid-batch: not every cloud line had been sent.
    expect(chatCalls(cloud).length).toBeLessThan(cloudLines.length);

    const second = await serve(model.path);
    const done = await until(
      () => client(second.url).batches.retrieve(batch.id),
      (current) => current.status === "completed",
    );
    expect(done.request_counts).toEqual({ total: 10, completed: 10, failed: 0 });

    const text = await (await client(second.url).files.content(done.output_file_id ?? "")).text();
    const output = text
      .split("\n")
      .filter((row) => row !== "")
      .map(
        (row) =>
          JSON.parse(row) as { id: string; custom_id: string; response: { status_code: number } },
      );
    // Every line answered, exactly once.
    expect(output.map((entry) => entry.custom_id).sort()).toEqual(
      [...cloudLines, ...localLines].sort(),
    );
    expect(output.every((entry) => entry.response.status_code === 200)).toBe(true);
    // Every cloud line done once upstream: one idempotency key per line, and only the calls cut
    // by the kill were sent again, under their own key.
    const cloudIds = output
      .filter((entry) => entry.custom_id.startsWith("nube"))
      .map((entry) => entry.id)
      .sort();
    expect(cloud.idempotencyKeys.sort()).toEqual(cloudIds);
    const resent = chatCalls(cloud).length - cloudLines.length;
    expect(resent).toBeGreaterThanOrEqual(0);
    expect(resent).toBeLessThanOrEqual(2); // queue.concurrency: at most that many were in flight
    second.child.kill("SIGTERM");
    await new Promise((resolve) => second.child.once("exit", resolve));
  });
});

/**
 * `npm run bench:rollout`: what trying a candidate model costs the users (issue 25, decision
 * 0023). The same SmolLM2 weights serve as the current model and, loaded a second time, as the
 * candidate; back-to-back user requests (temperature 0) go through a real gateway with no
 * candidate, with the candidate shadowing every request (share 1: the most a shadow can cost),
 * and with it canarying half. Prints the users' median and p95 latency, and how many shadow
 * answers ran (a shadow is skipped when the candidate is still busy). Run it under
 * `flock /tmp/cpu-bench.lock` and read the load average it prints.
 *
 *   node dist-tools/tools/bench/model-rollout-benchmark.js [--requests 12] [--max-tokens 32]
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { loadConfig, parseConfig } from "../../src/config/load.js";
import { readMachine } from "../../src/config/machine.js";
import { LocalEngine } from "../../src/engine/local-engine.js";
import { buildGateway } from "../../src/gateway/build-gateway.js";
import { modelStoreFromConfig } from "../../src/models/model-store-from-config.js";
import { nominateCandidate } from "../../src/serving/model-roles.js";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "12" },
    "max-tokens": { type: "string", default: "32" },
  },
});
const requests = Number(values.requests);
const maxTokens = Number(values["max-tokens"]);
const model = await modelStoreFromConfig(await loadConfig()).ensure("smollm2-135m-instruct");
const load = (name: string) =>
  LocalEngine.load({
    modelPath: model.path,
    modelName: name,
    machine: readMachine(),
    threads: 1,
    sequences: 2,
    contextSize: 1024,
    logger: () => undefined,
  });
const questions = [
  "¿Cuál es la capital de Chile?",
  "Explica en una frase qué es la fotosíntesis.",
  "¿Cuántos días tiene una semana?",
  "Nombra tres colores primarios.",
];

async function run(mode: "none" | "shadow" | "canary") {
  const config = parseConfig({
    home: "/tmp/colibri-unused",
    database: "sqlite::memory:",
    server: { port: 0, auth: false },
    model: { rollout: { pollSeconds: 3600, minRequests: 1_000_000 } },
    router: { preRouter: { enabled: false } },
    cache: { exact: { mode: "off" } },
  });
  const gateway = await buildGateway(config, {
    backend: () => load("current"),
    ownsBackend: true,
    auditKey: "bench-audit-key-0123456789abcdef0123456789",
    modelRollout: {
      load,
      installed: () =>
        Promise.resolve(
          ["current", "candidate"].map((name) => ({
            name,
            kind: "model" as const,
            source: "smollm2-135m-instruct",
            sha256: "0".repeat(64),
            sizeBytes: 1,
            licence: "Apache-2.0",
            installedAt: 0,
            evaluation: null,
          })),
        ),
    },
  });
  try {
    if (mode !== "none") {
      await nominateCandidate(
        gateway.store,
        { model: "candidate", scope: "all", mode, share: mode === "shadow" ? 1 : 0.5 },
        { actor: "bench", now: Date.now() },
      );
      await gateway.rollout?.tick();
    }
    const address = await gateway.server.listen();
    const latencies: number[] = [];
    for (let i = 0; i < requests; i++) {
      const started = performance.now();
      const response = await fetch(`${address}/v1/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          model: "local",
          temperature: 0,
          max_tokens: maxTokens,
          messages: [{ role: "user", content: `${questions[i % questions.length] ?? ""} (${i})` }],
        }),
      });
      await response.json();
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
      latencies.push(performance.now() - started);
    }
    // Let the last shadow answer end before counting.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const trials = await gateway.store.models.trials({
      scope: "all",
      since: 0,
      models: ["candidate"],
      limit: 10_000,
    });
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (q: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    console.log(
      `${mode.padEnd(7)} requests ${requests}  p50 ${Math.round(at(0.5))} ms  p95 ${Math.round(at(0.95))} ms  candidate answers ${trials.length}  load ${loadavg()
        .map((value) => value.toFixed(2))
        .join(" ")}`,
    );
  } finally {
    await gateway.close();
  }
}

console.log(
  `SmolLM2-135M as current and candidate, 1 thread each, ${maxTokens} tokens at most, back-to-back requests`,
);
for (const mode of ["none", "shadow", "canary", "none"] as const) await run(mode);

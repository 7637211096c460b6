/**
 * `npm run bench:peers`: Colibrí against the other open-source gateways on the cloud path, in one
 * run on one machine, against the same instant OpenAI-compatible stub on 127.0.0.1.
 *
 * It installs the peers into a temporary folder (Portkey's gateway from npm; LiteLLM's proxy with
 * pip into a venv, when it installs here — else it says why and goes on without it), starts the
 * stub (its own process), each peer and Colibrí (its own process: auth on with a tenant key, every
 * limit set, the privacy guard and accounting on, SQLite in a temporary home, request log at info),
 * then measures, alternating the targets' order every round:
 *
 * - ceiling: closed loop, 10 connections each sending its next request when the last one ended,
 *   JSON and streamed (requests completed per second);
 * - paced: open loop at 100 and 300 req/s (request i starts at i/rate whatever came before),
 *   JSON and streamed: latency p50/p99 to the response's last byte, and what each target adds
 *   over calling the stub directly, within the same round;
 * - CPU time per request (user + system of the target's process group, /proc/<pid>/stat, over
 *   each measurement) and the peak RSS (VmHWM) of each.
 *
 * Every request is `{"model":"gpt-4o-mini", messages: [one user message], "max_tokens":16}`
 * (+ "stream": true). It prints numbers and never judges them; it fails (exit 1) when a target
 * cannot be started or Colibrí's store does not hold one usage record per request it answered.
 * Timing on a shared machine: run it under `flock /tmp/cpu-bench.lock`; the load average is printed.
 *
 *   flock /tmp/cpu-bench.lock npm run bench:peers -- [--quick] [--json] [--rounds 2]
 *     [--seconds 5] [--peers-dir DIR] [--no-litellm] [--only colibri,portkey]
 *     [--scenarios ceiling-json,…] [--profile-colibri DIR] [--baseline CHECKOUT]
 *
 * `--baseline CHECKOUT`: also measure the Colibrí built in another checkout (its dist-tools, after
 * `npm run build` there) as the target "colibri-baseline", in the same rounds: before and after a
 * change, alternating like the peers.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Pool } from "undici";
import { measureAtFixedRate, summarize, type LatencySummary } from "./gateway-benchmark.js";
import { processGroupUsage } from "./peers-process.js";
import {
  forkHelper,
  freePort,
  installLitellm,
  installPortkey,
  litellmConfig,
  litellmRequirement,
  portkeyPackage,
  startDetached,
  stopGroup,
  waitReady,
  type Target,
} from "./peers-targets.js";

const usage =
  "usage: npm run bench:peers -- [--quick] [--json] [--rounds N] [--seconds S] [--peers-dir DIR] [--no-litellm] [--only NAMES] [--scenarios NAMES] [--profile-colibri DIR] [--baseline CHECKOUT]";

interface Scenario {
  name: string;
  stream: boolean;
  /** Requests per second (open loop), or undefined for the closed-loop ceiling. */
  rate?: number;
}

const allScenarios: Scenario[] = [
  { name: "ceiling-json", stream: false },
  { name: "ceiling-stream", stream: true },
  { name: "paced-100-json", stream: false, rate: 100 },
  { name: "paced-100-stream", stream: true, rate: 100 },
  { name: "paced-300-json", stream: false, rate: 300 },
  { name: "paced-300-stream", stream: true, rate: 300 },
];
const closedConnections = 10;

interface Measured {
  scenario: string;
  target: string;
  round: number;
  /** Requests answered per second (the ceiling; for paced runs, the rate served). */
  throughput: number;
  latency: LatencySummary;
  failures: number;
  firstFailure: string | undefined;
  cpuMsPerRequest: number;
  answered: number;
}

const progress = (text: string) => process.stderr.write(`bench:peers: ${text}\n`);

function bodyOf(stream: boolean): string {
  return JSON.stringify({
    model: "gpt-4o-mini",
    messages: [{ role: "user", content: "Hola, ¿me confirmas que recibiste este mensaje?" }],
    max_tokens: 16,
    ...(stream ? { stream: true } : {}),
  });
}

/** One request through `pool`: resolves with the wall time in ns, or rejects with why it failed. */
async function send(pool: Pool, target: Target, path: string, body: string): Promise<number> {
  const started = process.hrtime.bigint();
  const response = await pool.request({
    method: "POST",
    path,
    headers: { "content-type": "application/json", ...target.headers },
    body,
  });
  const text = await response.body.text();
  if (response.statusCode !== 200 || !text.includes("Listo")) {
    throw new Error(`HTTP ${response.statusCode}: ${text.slice(0, 160)}`);
  }
  return Number(process.hrtime.bigint() - started);
}

async function measure(
  target: Target,
  scenario: Scenario,
  seconds: number,
  round: number,
): Promise<Measured> {
  const url = new URL(target.url);
  const path = url.pathname;
  const pool = new Pool(url.origin, {
    connections: scenario.rate === undefined ? closedConnections : 512,
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
  const body = bodyOf(scenario.stream);
  const failures: string[] = [];
  const durations: number[] = [];
  let answered = 0;
  const once = async (measured: boolean) => {
    try {
      const duration = await send(pool, target, path, body);
      answered++;
      if (measured) durations.push(duration);
      return true;
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
      return false;
    }
  };
  try {
    const before = await processGroupUsage(target.groupId);
    let throughput: number;
    if (scenario.rate === undefined) {
      throughput = await closedLoop(once, seconds);
    } else {
      const rate = scenario.rate;
      const requests = Math.round(rate * seconds);
      const result = await measureAtFixedRate(
        { rate, requests, warmup: Math.round(rate / 2) },
        async (measured) => {
          await once(measured);
        },
      );
      // Answered requests per second over the measured part (failures do not count).
      throughput = (result.servedRate * durations.length) / requests;
    }
    const after = await processGroupUsage(target.groupId);
    return {
      scenario: scenario.name,
      target: target.name,
      round,
      throughput,
      latency: summarize(durations),
      failures: failures.length,
      firstFailure: failures[0],
      cpuMsPerRequest: answered === 0 ? 0 : (after.cpuMs - before.cpuMs) / answered,
      answered,
    };
  } finally {
    await pool.close();
  }
}

/**
 * `closedConnections` loops, each sending its next request when the last one ended: a warm-up of
 * a quarter of `seconds`, then `seconds` measured; requests completed per second in the window.
 */
async function closedLoop(
  once: (measured: boolean) => Promise<boolean>,
  seconds: number,
): Promise<number> {
  const start = performance.now();
  const warmEnd = start + (seconds * 1000) / 4;
  const end = warmEnd + seconds * 1000;
  let completed = 0;
  const loop = async () => {
    for (let now = performance.now(); now < end; now = performance.now()) {
      const measured = now >= warmEnd;
      if ((await once(measured)) && measured && performance.now() <= end) completed++;
    }
  };
  await Promise.all(Array.from({ length: closedConnections }, loop));
  return completed / seconds;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      rounds: { type: "string" },
      seconds: { type: "string" },
      "peers-dir": { type: "string" },
      "no-litellm": { type: "boolean", default: false },
      only: { type: "string" },
      scenarios: { type: "string" },
      "profile-colibri": { type: "string" },
      baseline: { type: "string" },
    },
    strict: true,
  });
  const number = (name: string, text: string | undefined, fallback: number) => {
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
    return value;
  };
  const scenarioNames = values.scenarios?.split(",");
  const scenarios =
    scenarioNames === undefined
      ? allScenarios
      : scenarioNames.map((name) => {
          const found = allScenarios.find((scenario) => scenario.name === name);
          if (found === undefined) {
            throw new Error(
              `unknown scenario ${name} (${allScenarios.map((s) => s.name).join(", ")})`,
            );
          }
          return found;
        });
  return {
    json: values.json,
    rounds: Math.round(number("--rounds", values.rounds, values.quick ? 1 : 2)),
    seconds: number("--seconds", values.seconds, values.quick ? 1.5 : 5),
    peersDir: values["peers-dir"],
    litellm: !values["no-litellm"],
    only: values.only?.split(","),
    scenarios,
    profileColibri: values["profile-colibri"],
    baseline: values.baseline,
  };
}

async function main(): Promise<void> {
  const options = parseOptions();
  const loadBefore = loadavg();
  const work = await mkdtemp(join(tmpdir(), "colibri-bench-peers-"));
  const peersDir = options.peersDir ?? join(work, "peers");
  const targets: Target[] = [];
  const notices: string[] = [];
  let stub: Awaited<ReturnType<typeof forkHelper>> | undefined;
  let colibri: Target | undefined;
  try {
    const wanted = (name: string) => options.only === undefined || options.only.includes(name);
    progress(`installing ${portkeyPackage}…`);
    const portkeyEntry = wanted("portkey") ? await installPortkey(join(peersDir, "portkey")) : "";
    let litellmEntry: string | undefined;
    if (options.litellm && wanted("litellm")) {
      progress(`installing ${litellmRequirement} (pip, into a venv)…`);
      try {
        litellmEntry = await installLitellm(join(peersDir, "litellm"));
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        notices.push(`LiteLLM not measured: it does not install here (${why})`);
        progress(notices.at(-1) ?? "");
      }
    }

    stub = await forkHelper(new URL("./peers-stub.js", import.meta.url), []);
    const stubBase = `http://127.0.0.1:${(stub.message as { port: number }).port}/v1`;
    const stubGroup = stub.child.pid ?? 0;
    targets.push({
      name: "direct",
      url: `${stubBase}/chat/completions`,
      headers: {},
      groupId: stubGroup,
      child: undefined,
    });

    if (wanted("portkey")) {
      const port = await freePort();
      const child = startDetached("node", [portkeyEntry, `--port=${port}`], peersDir);
      targets.push({
        name: "portkey",
        url: `http://127.0.0.1:${port}/v1/chat/completions`,
        headers: {
          authorization: "Bearer sk-bench",
          "x-portkey-provider": "openai",
          "x-portkey-custom-host": stubBase,
        },
        groupId: child.pid ?? 0,
        child,
      });
    }
    if (litellmEntry !== undefined) {
      const port = await freePort();
      const config = join(work, "litellm.yaml");
      await writeFile(config, litellmConfig(stubBase, "sk-bench-master"));
      const child = startDetached(
        litellmEntry,
        ["--config", config, "--host", "127.0.0.1", "--port", String(port), "--num_workers", "1"],
        work,
      );
      targets.push({
        name: "litellm",
        url: `http://127.0.0.1:${port}/v1/chat/completions`,
        headers: { authorization: "Bearer sk-bench-master" },
        groupId: child.pid ?? 0,
        child,
      });
    }
    if (wanted("colibri")) {
      const home = join(work, "colibri-home");
      const execArgv =
        options.profileColibri === undefined
          ? []
          : ["--cpu-prof", "--cpu-prof-dir", options.profileColibri];
      const started = await forkHelper(
        new URL("./peers-colibri.js", import.meta.url),
        [stubBase, home],
        execArgv,
      );
      colibri = {
        name: "colibri",
        url: `${(started.message as { url: string }).url}/v1/chat/completions`,
        headers: { authorization: `Bearer ${(started.message as { key: string }).key}` },
        groupId: started.child.pid ?? 0,
        child: started.child,
      };
      targets.push(colibri);
    }
    if (options.baseline !== undefined) {
      const entry = join(resolve(options.baseline), "dist-tools/tools/bench/peers-colibri.js");
      const started = await forkHelper(pathToFileURL(entry), [
        stubBase,
        join(work, "colibri-baseline-home"),
      ]);
      targets.push({
        name: "colibri-baseline",
        url: `${(started.message as { url: string }).url}/v1/chat/completions`,
        headers: { authorization: `Bearer ${(started.message as { key: string }).key}` },
        groupId: started.child.pid ?? 0,
        child: started.child,
      });
    }
    for (const target of targets) {
      progress(`waiting for ${target.name}…`);
      await waitReady(target, bodyOf(false), 60);
    }

    // JIT, connection pools and caches warm in every target before anything is measured.
    let colibriWarmUp = 0;
    for (const target of targets) {
      progress(`warming ${target.name} up…`);
      for (const stream of [false, true]) {
        const warm = await measure(
          target,
          { name: "warm-up", stream },
          Math.max(2, options.seconds),
          0,
        );
        if (target === colibri) colibriWarmUp += warm.answered;
      }
    }
    const results: Measured[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      for (const scenario of options.scenarios) {
        // Alternate: each round starts the rotation at another target.
        const order = targets.map((_, index) => targets[(index + round - 1) % targets.length]);
        for (const target of order) {
          if (target === undefined) continue;
          progress(`round ${round}, ${scenario.name}, ${target.name}…`);
          results.push(await measure(target, scenario, options.seconds, round));
        }
      }
    }

    const peaks: Record<string, number> = {};
    for (const target of targets) {
      peaks[target.name] = (await processGroupUsage(target.groupId)).peakRssBytes;
    }
    let records: { expected: number; found: number } | undefined;
    if (colibri?.child !== undefined) {
      const expected =
        results
          .filter((result) => result.target === "colibri")
          .reduce((sum, result) => sum + result.answered, colibriWarmUp) + 1; // + the readiness request
      const child = colibri.child;
      const found = await new Promise<number>((resolve) => {
        child.once("message", (message) => {
          resolve((message as { records: number }).records);
        });
        child.send("count");
      });
      records = { expected, found };
    }
    const machine = {
      cores: availableParallelism(),
      cpu: cpus()[0]?.model.trim() ?? "unknown CPU",
      node: process.version,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadavg(),
    };
    const summary = summarizeRuns(results, targets, options.scenarios);
    process.stdout.write(
      options.json
        ? `${JSON.stringify({ machine, options, notices, peakRssBytes: peaks, records, summary, results }, null, 2)}\n`
        : format(machine, summary, peaks, notices, records, options),
    );
    if (records !== undefined && records.found !== records.expected) {
      throw new Error(
        `Colibrí's store holds ${records.found} usage records for ${records.expected} answered requests`,
      );
    }
  } finally {
    for (const target of targets) await stopGroup(target.child);
    await stopGroup(stub?.child);
    await rm(work, { recursive: true, force: true });
  }
}

interface Row {
  scenario: string;
  target: string;
  throughput: number;
  p50Ms: number;
  p99Ms: number;
  /** Median over rounds of (target − direct) in the same round; undefined for direct. */
  addedP50Ms: number | undefined;
  addedP99Ms: number | undefined;
  cpuMsPerRequest: number;
  failures: number;
  firstFailure: string | undefined;
  answered: number;
}

function summarizeRuns(results: Measured[], targets: Target[], scenarios: Scenario[]): Row[] {
  const rows: Row[] = [];
  for (const scenario of scenarios) {
    for (const target of targets) {
      const runs = results.filter((r) => r.scenario === scenario.name && r.target === target.name);
      const direct = (round: number) =>
        results.find(
          (r) => r.scenario === scenario.name && r.target === "direct" && r.round === round,
        );
      const added = (pick: (latency: LatencySummary) => number) =>
        target.name === "direct"
          ? undefined
          : median(
              runs.map((run) => {
                const base = direct(run.round);
                return base === undefined
                  ? Number.NaN
                  : (pick(run.latency) - pick(base.latency)) / 1000;
              }),
            );
      rows.push({
        scenario: scenario.name,
        target: target.name,
        throughput: median(runs.map((r) => r.throughput)),
        p50Ms: median(runs.map((r) => r.latency.p50 / 1000)),
        p99Ms: median(runs.map((r) => r.latency.p99 / 1000)),
        addedP50Ms: added((latency) => latency.p50),
        addedP99Ms: added((latency) => latency.p99),
        cpuMsPerRequest: median(runs.map((r) => r.cpuMsPerRequest)),
        failures: runs.reduce((sum, r) => sum + r.failures, 0),
        answered: runs.reduce((sum, r) => sum + r.answered, 0),
        firstFailure: runs.find((r) => r.firstFailure !== undefined)?.firstFailure,
      });
    }
  }
  return rows;
}

function format(
  machine: {
    cores: number;
    cpu: string;
    node: string;
    loadAverageBefore: number[];
    loadAverageAfter: number[];
  },
  rows: Row[],
  peaks: Record<string, number>,
  notices: string[],
  records: { expected: number; found: number } | undefined,
  options: ReturnType<typeof parseOptions>,
): string {
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(" ");
  const lines = [
    `bench:peers — ${machine.cores} cores (${machine.cpu}), Node ${machine.node}; load average ${load(machine.loadAverageBefore)} before, ${load(machine.loadAverageAfter)} after`,
    `${options.rounds} round(s), ${options.seconds} s per measurement, medians over rounds; ${portkeyPackage}${options.litellm ? `, ${litellmRequirement}` : ""}`,
    ...notices,
    "",
    "| scenario | target | req/s | p50 ms | p99 ms | added p50 / p99 ms | CPU ms/req | failures | Colibrí ÷ target (req/s) |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const row of rows) {
    const colibri = rows.find((r) => r.scenario === row.scenario && r.target === "colibri");
    const ratio =
      colibri === undefined || row.target === "colibri" || row.answered === 0
        ? ""
        : `${(colibri.throughput / row.throughput).toFixed(2)}×`;
    const added =
      row.addedP50Ms === undefined || row.addedP99Ms === undefined
        ? "—"
        : `${signed(row.addedP50Ms)} / ${signed(row.addedP99Ms)}`;
    if (row.answered === 0) {
      lines.push(`| ${row.scenario} | ${row.target} | all ${row.failures} failed | | | | | | |`);
      continue;
    }
    lines.push(
      `| ${row.scenario} | ${row.target} | ${Math.round(row.throughput)} | ${row.p50Ms.toFixed(3)} | ${row.p99Ms.toFixed(3)} | ${added} | ${row.cpuMsPerRequest.toFixed(3)} | ${row.failures} | ${ratio} |`,
    );
  }
  lines.push("", "Peak RSS (VmHWM, whole process group):");
  for (const [name, bytes] of Object.entries(peaks)) {
    lines.push(
      `  ${name}: ${Math.round(bytes / 1024 / 1024)} MB${name === "direct" ? " (the stub)" : ""}`,
    );
  }
  for (const row of rows.filter((r) => r.firstFailure !== undefined)) {
    lines.push(`First failure, ${row.scenario} ${row.target}: ${row.firstFailure ?? ""}`);
  }
  if (records !== undefined) {
    lines.push(
      `Colibrí usage records: ${records.found} for ${records.expected} answered requests${records.found === records.expected ? " (one each)" : " — MISMATCH"}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

const signed = (value: number) => `${value >= 0 ? "+" : ""}${value.toFixed(3)}`;

try {
  await main();
} catch (error) {
  process.stderr.write(
    `bench:peers: ${error instanceof Error ? error.message : String(error)}\n${usage}\n`,
  );
  process.exitCode = 1;
}

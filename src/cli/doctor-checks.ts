import { readFile } from "node:fs/promises";
import { createServer } from "node:net";
import type { MachineInfo } from "../config/machine.js";
import { defaultThreads } from "../engine/engine-settings.js";
import { formatBytes } from "../models/byte-size.js";
import type { ModelFitReport } from "../models/recommend.js";
import { findRunningServer, type RunningServer } from "./running-server.js";
import { plural } from "./plural.js";

export type CheckStatus = "ok" | "warn" | "fail";

export interface CheckResult {
  name: string;
  status: CheckStatus;
  detail: string;
}

export function checkNode(version: string): CheckResult {
  const major = Number(version.replace(/^v/, "").split(".")[0]);
  return major >= 20
    ? { name: "node", status: "ok", detail: `Node.js ${version}` }
    : { name: "node", status: "fail", detail: `Node.js ${version}; Colibrí needs 20 or newer.` };
}

export function checkMemory(machine: MachineInfo): CheckResult {
  const detail = `${formatBytes(machine.totalMemoryBytes)} total, ${formatBytes(machine.freeMemoryBytes)} free, ${plural(machine.cores, "core", "cores")}`;
  return machine.freeMemoryBytes < 512 * 1024 * 1024
    ? {
        name: "memory",
        status: "warn",
        detail: `${detail}; under 512 MiB free limits models and sequences.`,
      }
    : { name: "memory", status: "ok", detail };
}

/**
 * Whether the inference threads leave a core free. llama.cpp's threads wait for each other at
 * every token, so when they take every core any other work stalls generation (measured on 2
 * cores in docs/benchmarks.md).
 */
export function checkThreads(threads: number, cores: number): CheckResult {
  const detail = `${plural(threads, "inference thread", "inference threads")} on ${plural(cores, "core", "cores")}`;
  if (cores < 2 || threads < cores) return { name: "threads", status: "ok", detail };
  return {
    name: "threads",
    status: "warn",
    detail: `${detail}: they use every core, so any other work on this machine (the OS, the gateway itself, another program) slows generation to a crawl. Leave a core free: set engine.threads (COLIBRI_THREADS) to ${defaultThreads(cores)}, or leave it unset.`,
  };
}

/** x86 vector extensions (llama.cpp's speed depends on them) or ARM NEON, from /proc/cpuinfo. */
export function checkCpuFeatures(cpuinfo: string | undefined, arch: string): CheckResult {
  if (cpuinfo === undefined) {
    return {
      name: "cpu",
      status: "warn",
      detail: `${arch}; /proc/cpuinfo unreadable, features unknown`,
    };
  }
  const flags = new Set(
    (/^(?:flags|Features)\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? "").split(/\s+/).filter(Boolean),
  );
  const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1]?.trim() ?? arch;
  const wanted =
    arch === "arm64" ? ["asimd", "fphp", "dotprod"] : ["avx", "avx2", "fma", "f16c", "avx512f"];
  const present = wanted.filter((flag) => flags.has(flag));
  const detail = `${model}; ${present.length > 0 ? present.join(" ") : "no vector extensions found"}`;
  const essential = arch === "arm64" ? "asimd" : "avx2";
  return flags.has(essential)
    ? { name: "cpu", status: "ok", detail }
    : {
        name: "cpu",
        status: "warn",
        detail: `${detail}; without ${essential} generation is several times slower.`,
      };
}

export async function readCpuinfo(): Promise<string | undefined> {
  return readFile("/proc/cpuinfo", "utf8").catch(() => undefined);
}

/**
 * Whether host:port can be bound. When it cannot because something listens there, says whether
 * that is a Colibrí server (it answers /ready like one) rather than calling its own port "not free".
 */
export async function checkPort(
  host: string,
  port: number,
  findServer: (
    host: string,
    port: number,
  ) => Promise<RunningServer | undefined> = findRunningServer,
): Promise<CheckResult> {
  const error = await bindError(host, port);
  if (error === undefined) return { name: "port", status: "ok", detail: `${host}:${port} is free` };
  const server = error.code === "EADDRINUSE" ? await findServer(host, port) : undefined;
  if (server !== undefined) {
    return {
      name: "port",
      status: "ok",
      detail: `a Colibrí server is already listening on ${host}:${port} (${server.address}, serving ${server.model}); a second \`colibri serve\` needs another --port.`,
    };
  }
  return {
    name: "port",
    status: "warn",
    detail: `${host}:${port} is not free (${error.code ?? error.message}) and what listens there is not Colibrí — use --port to pick another.`,
  };
}

/** The error binding host:port gives, or undefined when it can be bound (then released at once). */
function bindError(host: string, port: number): Promise<NodeJS.ErrnoException | undefined> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      resolve(error);
    });
    probe.listen(port, host, () => {
      probe.close(() => {
        resolve(undefined);
      });
    });
  });
}

/**
 * Which catalog model suits this machine (see recommendModels), against the configured default:
 * a warning when the default does not fit in free RAM, or when a larger model would fit and run.
 */
export function checkModelChoice(
  reports: readonly ModelFitReport[],
  defaultName: string,
  machine: MachineInfo,
): CheckResult {
  const chosen = reports.find((report) => report.recommended);
  const current = reports.find((report) => report.entry.name === defaultName);
  const here = `${plural(machine.cores, "core", "cores")}, ${formatBytes(machine.freeMemoryBytes)} free`;
  if (chosen === undefined) {
    return {
      name: "choice",
      status: "warn",
      detail: `no catalog model fits in ${here}; free some RAM or lower engine.contextSize.`,
    };
  }
  if (current === undefined || chosen.entry.name === defaultName) {
    return {
      name: "choice",
      status: "ok",
      detail: `${chosen.entry.name} is the catalog model recommended for ${here} (colibri models --recommend)${current === undefined ? `; the default ${defaultName} is not from the catalog` : ""}`,
    };
  }
  return current.fitsInFree
    ? {
        name: "choice",
        status: "ok",
        detail: `${defaultName} fits; ${chosen.entry.name} is recommended for ${here} (colibri models --recommend)`,
      }
    : {
        name: "choice",
        status: "warn",
        detail: `${defaultName} needs ~${formatBytes(current.ramBytes)}, more than fits in ${here}; use ${chosen.entry.name}: colibri pull ${chosen.entry.name}, then set model.default.`,
      };
}

export function summarize(results: CheckResult[]): CheckStatus {
  if (results.some((result) => result.status === "fail")) return "fail";
  return results.some((result) => result.status === "warn") ? "warn" : "ok";
}

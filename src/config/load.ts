import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { ColibriError } from "../core/errors.js";
import { configSchema, type ColibriConfig } from "./schema.js";

export class ConfigError extends ColibriError {
  constructor(message: string, cause?: unknown) {
    super(message, { code: "invalid_config", status: 500, cause });
  }
}

export interface LoadConfigOptions {
  /** Explicit config file; default `$COLIBRI_HOME/config.json` if it exists. */
  file?: string;
  env?: NodeJS.ProcessEnv;
  /** Values from CLI flags; they win over file and environment. */
  overrides?: ConfigOverrides;
}

export type ConfigOverrides = DeepPartial<ColibriConfig>;

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends readonly unknown[]
    ? T[K] | undefined
    : T[K] extends object
      ? DeepPartial<T[K]>
      : T[K] | undefined;
};

/** Environment variables and the config path each maps to. */
const environmentVariables: Record<string, [string, string, "string" | "number" | "list"]> = {
  COLIBRI_HOST: ["server", "host", "string"],
  COLIBRI_PORT: ["server", "port", "number"],
  COLIBRI_API_KEY: ["server", "apiKey", "string"],
  COLIBRI_ADMIN_KEY: ["server", "adminKey", "string"],
  COLIBRI_ALLOWED_HOSTS: ["server", "allowedHosts", "list"],
  COLIBRI_MODEL: ["model", "default", "string"],
  HF_ENDPOINT: ["model", "huggingfaceEndpoint", "string"],
  HF_TOKEN: ["model", "huggingfaceToken", "string"],
  COLIBRI_THREADS: ["engine", "threads", "number"],
  COLIBRI_SEQUENCES: ["engine", "sequences", "number"],
  COLIBRI_CONTEXT_SIZE: ["engine", "contextSize", "number"],
  COLIBRI_MAX_QUEUE: ["engine", "maxQueue", "number"],
  COLIBRI_EMBEDDING_MODEL: ["engine", "embeddingModel", "string"],
};

/**
 * Read config once, at start-up: defaults ← config file ← environment ← CLI flags.
 * Throws a ConfigError naming the offending field.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<ColibriConfig> {
  const env = options.env ?? process.env;
  const home = options.overrides?.home ?? env["COLIBRI_HOME"] ?? join(homedir(), ".colibri");
  const file = options.file ?? join(home, "config.json");
  const fromFile = await readConfigFile(file, options.file !== undefined);

  const merged: Record<string, unknown> = { ...fromFile, home };
  const database = env["COLIBRI_DATABASE_URL"];
  if (database !== undefined && database !== "") merged["database"] = database;
  for (const [variable, [section, key, kind]] of Object.entries(environmentVariables)) {
    const raw = env[variable];
    if (raw === undefined || raw === "") continue;
    const value =
      kind === "number"
        ? Number(raw)
        : kind === "list"
          ? raw
              .split(",")
              .map((item) => item.trim())
              .filter((item) => item !== "")
          : raw;
    if (kind === "number" && !Number.isFinite(value)) {
      throw new ConfigError(`${variable}=${raw} is not a number.`);
    }
    merged[section] = { ...asRecord(merged[section]), [key]: value };
  }
  for (const [section, values] of Object.entries(options.overrides ?? {})) {
    if (values === undefined) continue;
    merged[section] =
      typeof values === "object"
        ? { ...asRecord(merged[section]), ...withoutUndefined(values) }
        : values;
  }
  return parseConfig(merged, file);
}

export function parseConfig(input: unknown, source = "config"): ColibriConfig {
  const result = configSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.join(".") || "config"}: ${issue.message}`)
      .join("; ");
    throw new ConfigError(
      `Invalid configuration: ${problems} (check ${source}, the COLIBRI_* environment variables and the command-line flags).`,
    );
  }
  return result.data;
}

async function readConfigFile(file: string, required: boolean): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new ConfigError(`Cannot read config file ${file}: ${(error as Error).message}`, error);
  }
  try {
    return asRecord(JSON.parse(text));
  } catch (error) {
    throw new ConfigError(`Config file ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/** CLI flags that were not given arrive as undefined; they must not erase file or env values. */
function withoutUndefined(values: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

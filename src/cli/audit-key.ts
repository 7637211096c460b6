import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { ConfigError } from "../config/load.js";

/** Fewer characters than this is too easy to guess, and every hash in the audit falls with it. */
export const minimumAuditKeyLength = 32;

export interface LoadAuditKeyOptions {
  /** COLIBRI_HOME; the key file is `$home/audit.key`. */
  home: string;
  /** The variable that may hold the key (config privacy.auditKeyEnv, default COLIBRI_AUDIT_KEY). */
  envName: string;
  env: NodeJS.ProcessEnv;
  /** Create the key file (32 random bytes as hex, mode 0600) when neither holds a key. */
  create: boolean;
}

export function auditKeyFile(home: string): string {
  return join(home, "audit.key");
}

/**
 * The egress audit's HMAC key: the variable `envName` when set, else the text of
 * `$home/audit.key` (created at the server's first start). The key is the text's UTF-8 bytes
 * either way, so `export COLIBRI_AUDIT_KEY=$(cat ~/.colibri/audit.key)` gives the same hashes.
 * It is kept outside the database on purpose: whoever reads the database alone cannot test
 * values against the hashes. Replicas sharing one PostgreSQL database must share the key.
 */
export async function loadAuditKey(options: LoadAuditKeyOptions): Promise<Buffer> {
  const fromEnv = options.env[options.envName]?.trim();
  if (fromEnv !== undefined && fromEnv !== "") {
    if (fromEnv.length < minimumAuditKeyLength) {
      throw new ConfigError(
        `The audit key in ${options.envName} has ${fromEnv.length} characters; it needs at least ${minimumAuditKeyLength}. Generate one with: openssl rand -hex 32`,
      );
    }
    return Buffer.from(fromEnv, "utf8");
  }

  const file = auditKeyFile(options.home);
  const stored = await readKeyFile(file);
  if (stored !== undefined) {
    if (stored.length < minimumAuditKeyLength) {
      throw new ConfigError(
        `The audit key file ${file} holds ${stored.length} characters; it needs at least ${minimumAuditKeyLength}. Put a longer key in it (openssl rand -hex 32), or set ${options.envName}.`,
      );
    }
    return Buffer.from(stored, "utf8");
  }
  if (!options.create) {
    throw new ConfigError(
      `No egress audit key: set ${options.envName} (at least ${minimumAuditKeyLength} characters) or create ${file} (\`colibri serve\` creates it at its first start). Replicas sharing a database must all use the same key.`,
    );
  }
  return createKeyFile(file);
}

async function readKeyFile(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, "utf8")).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new ConfigError(
      `Cannot read the audit key file ${file}: ${(error as Error).message}.`,
      error,
    );
  }
}

async function createKeyFile(file: string): Promise<Buffer> {
  const key = randomBytes(32).toString("hex");
  try {
    await mkdir(dirname(file), { recursive: true });
    // "wx": if another process created the file meanwhile, use its key instead of replacing it.
    await writeFile(file, `${key}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return keyWrittenByAnother(file);
    throw new ConfigError(
      `Cannot create the audit key file ${file}: ${(error as Error).message}. Make the folder writable, or set the key in the environment.`,
      error,
    );
  }
  return Buffer.from(key, "utf8");
}

/** The key another process has just created; it may take a moment to write it. */
async function keyWrittenByAnother(file: string): Promise<Buffer> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const stored = await readKeyFile(file);
    if (stored !== undefined && stored.length >= minimumAuditKeyLength) {
      return Buffer.from(stored, "utf8");
    }
    await sleep(25);
  }
  throw new ConfigError(
    `The audit key file ${file} appeared while creating it but holds no key. Remove it and start again, or set the key in the environment.`,
  );
}

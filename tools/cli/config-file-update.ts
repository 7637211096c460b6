import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import { ConfigError, parseConfig } from "../../src/config/load.js";

const objectSchema = z.record(z.string(), z.unknown());

/**
 * Set one value in a JSON config file at `path` (e.g. ["router", "preRouter", "cloudThreshold"]),
 * creating the file or the objects on the way and keeping every other field. The result must
 * still be a valid config; the file is replaced in one step.
 */
export async function setConfigValue(
  file: string,
  path: readonly string[],
  value: unknown,
  home: string,
): Promise<void> {
  let text: string | undefined;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new ConfigError(`Cannot read config file ${file}: ${(error as Error).message}`, error);
    }
  }
  const root = text === undefined || text.trim() === "" ? {} : parseObject(text, file);
  let node = root;
  path.slice(0, -1).forEach((key, depth) => {
    const child = objectSchema.safeParse(node[key] ?? {});
    if (!child.success) {
      throw new ConfigError(
        `Cannot set ${path.join(".")} in ${file}: ${path.slice(0, depth + 1).join(".")} is not an object.`,
      );
    }
    node[key] = child.data;
    node = child.data;
  });
  const last = path[path.length - 1];
  if (last === undefined) return;
  node[last] = value;
  parseConfig({ home, ...root }, file);
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(root, null, 2)}\n`, "utf8");
  await rename(temporary, file);
}

function parseObject(text: string, file: string): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`Config file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const result = objectSchema.safeParse(json);
  if (!result.success) throw new ConfigError(`Config file ${file} does not hold a JSON object.`);
  return result.data;
}

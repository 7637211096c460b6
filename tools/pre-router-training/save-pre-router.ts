import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { PreRouterArtifact } from "../../src/router/pre-router/artifact.js";

/** Write an artifact as JSON (via a temporary file, so a reader never sees half of it); returns its size in bytes. */
export async function savePreRouter(path: string, artifact: PreRouterArtifact): Promise<number> {
  const text = `${JSON.stringify(artifact)}\n`;
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text, "utf8");
  await rename(temporary, path);
  return Buffer.byteLength(text);
}

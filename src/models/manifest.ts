import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";

/** What `colibri pull` records next to each installed model file. */
export const modelManifestSchema = z.object({
  name: z.string().min(1),
  /** File name inside the models folder. */
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  sizeBytes: z.number().int().nonnegative(),
  /** The source it came from, in `colibri pull` syntax. */
  source: z.string().min(1),
  installedAt: z.iso.datetime(),
  quantization: z.string().optional(),
  /**
   * For a LoRA adapter (colibri models add-adapter): the installed model it adapts and the
   * scale it is applied with. Served under its own name, as that model with the adapter.
   */
  adapter: z.object({ base: z.string().min(1), scale: z.number().positive() }).optional(),
});

export type ModelManifest = z.infer<typeof modelManifestSchema>;

const manifestSuffix = ".manifest.json";

export function manifestPath(folder: string, name: string): string {
  return join(folder, `${name}${manifestSuffix}`);
}

export function isManifestFile(fileName: string): boolean {
  return fileName.endsWith(manifestSuffix);
}

/** The manifest, or undefined if there is none; throws if it exists but is not valid. */
export async function readManifest(path: string): Promise<ModelManifest | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const result = modelManifestSchema.safeParse(json);
  if (!result.success)
    throw new Error(`${path} is not a valid model manifest: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** Written to a temp name and renamed, so a crash never leaves half a manifest. */
export async function writeManifest(folder: string, manifest: ModelManifest): Promise<void> {
  const path = manifestPath(folder, manifest.name);
  await writeFile(`${path}.partial`, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(`${path}.partial`, path);
}

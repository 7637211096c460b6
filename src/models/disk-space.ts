import { statfs as nodeStatfs } from "node:fs/promises";
import { InsufficientDiskError } from "../core/errors.js";

/** The part of `fs.statfs` the disk check needs; injectable for tests. */
export type StatFs = (path: string) => Promise<{ bavail: number; bsize: number }>;

export const statfs: StatFs = (path) => nodeStatfs(path);

/** Throws InsufficientDiskError unless `directory`'s file system has `neededBytes` free for us. */
export async function ensureFreeDisk(
  directory: string,
  neededBytes: number,
  check: StatFs = statfs,
): Promise<void> {
  const stats = await check(directory);
  const freeBytes = stats.bavail * stats.bsize;
  if (freeBytes < neededBytes) throw new InsufficientDiskError(directory, neededBytes, freeBytes);
}

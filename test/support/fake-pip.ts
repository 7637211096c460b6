import { execFile } from "node:child_process";
import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import type { CommandRunner } from "../../src/models/command-runner.js";

/** Build a wheel (a zip, written by Python's zipfile) holding `dataPath` at `entry`. */
export async function buildWheel(
  wheelPath: string,
  entry: string,
  dataPath: string,
): Promise<void> {
  const script = [
    "import sys, zipfile",
    "wheel, entry, data = sys.argv[1:4]",
    "with zipfile.ZipFile(wheel, 'w', zipfile.ZIP_DEFLATED) as archive:",
    "    archive.writestr(entry.split('/')[0] + '/__init__.py', '')",
    "    archive.write(data, entry)",
    "    archive.writestr('tiny-1.0.0.dist-info/WHEEL', 'Wheel-Version: 1.0\\n')",
  ].join("\n");
  await promisify(execFile)("python3", ["-c", script, wheelPath, entry, dataPath]);
}

/**
 * A fake `python3 -m pip download … -d FOLDER NAME==VERSION` that copies the prebuilt wheel
 * `wheels` holds for `NAME==VERSION` (and fails as pip does for any other), recording each call.
 */
export function fakePip(
  wheels: ReadonlyMap<string, string>,
  calls: string[][] = [],
): CommandRunner {
  return async (_command, args) => {
    calls.push([...args]);
    const folder = args[args.indexOf("-d") + 1] ?? "";
    const requirement = args.at(-1) ?? "";
    const wheel = wheels.get(requirement);
    if (wheel === undefined) {
      return {
        exitCode: 1,
        stdout: "",
        stderr: `ERROR: Could not find a version that satisfies the requirement ${requirement}\nERROR: No matching distribution found for ${requirement}\n`,
      };
    }
    await copyFile(wheel, join(folder, wheel.split("/").at(-1) ?? "x.whl"));
    return { exitCode: 0, stdout: "Saved", stderr: "" };
  };
}

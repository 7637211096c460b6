import { execFileSync } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux nearly everywhere). */
const ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());

/**
 * CPU time (user + system, ms) and peak RSS (VmHWM, bytes) of every live process in a process
 * group: a target started detached is its own group's leader, so its workers count too.
 */
export async function processGroupUsage(
  groupId: number,
): Promise<{ cpuMs: number; peakRssBytes: number }> {
  let ticks = 0;
  let peakRssBytes = 0;
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = await readFile(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // the process ended meanwhile
    }
    // Fields after the command name (which may hold spaces): state ppid pgrp … utime(14) stime(15)
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) !== groupId) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
    try {
      const status = await readFile(`/proc/${entry}/status`, "utf8");
      const hwm = /^VmHWM:\s+(\d+) kB/m.exec(status);
      peakRssBytes += hwm === null ? 0 : Number(hwm[1]) * 1024;
    } catch {
      // ended meanwhile
    }
  }
  return { cpuMs: (ticks * 1000) / ticksPerSecond, peakRssBytes };
}

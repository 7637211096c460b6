import { availableParallelism, freemem, totalmem } from "node:os";

/** What the host offers; read once at start-up and passed down (testable). */
export interface MachineInfo {
  cores: number;
  totalMemoryBytes: number;
  freeMemoryBytes: number;
}

export function readMachine(): MachineInfo {
  return {
    cores: availableParallelism(),
    totalMemoryBytes: totalmem(),
    freeMemoryBytes: freemem(),
  };
}

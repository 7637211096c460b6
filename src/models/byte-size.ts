const units = ["B", "KiB", "MiB", "GiB", "TiB"] as const;

/** Human size in binary units with one decimal: `98362432` → `93.8 MiB`. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit] ?? "B"}`;
}

/**
 * Whether `value` (parsed JSON) nests objects and arrays more than `maximum` levels deep; a
 * scalar is 0 levels deep, `{}` and `[]` are 1. Walks with an explicit stack, never recursion, so
 * any depth is measured without overflowing the call stack, and stops at the first container
 * found beyond `maximum`, so the work is bounded by the part of the value within the limit.
 */
export function nestsDeeperThan(value: unknown, maximum: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== "object" || next.value === null) continue;
    const depth = next.depth + 1;
    if (depth > maximum) return true;
    const children: unknown[] = Array.isArray(next.value) ? next.value : Object.values(next.value);
    for (const child of children) {
      if (typeof child === "object" && child !== null) pending.push({ value: child, depth });
    }
  }
  return false;
}

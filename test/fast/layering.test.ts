import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * The layering rules of docs/architecture.md, read from the code's own imports (tests excluded):
 * no import cycle between files or between folders, and the few directions that must never be
 * taken. A change that breaks one fails here, naming the import.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const src = join(root, "src");

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") && !path.endsWith(".test.ts") ? [path] : [];
  });
}

/** Each file's relative imports (static, dynamic and `export … from`), as files. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, "utf8");
    const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map((match) =>
      resolve(dirname(file), (match[1] ?? "").replace(/\.js$/, ".ts")),
    );
    graph.set(
      relative(src, file),
      [...new Set(targets)].map((target) => relative(src, target)),
    );
  }
  return graph;
}

/** The top folder under src/ a file belongs to ("index.ts" for the root). */
function folderOf(file: string): string {
  return file.includes("/") ? (file.split("/")[0] ?? file) : file;
}

/** Strongly connected components with more than one member: the cycles (Tarjan). */
function cycles(graph: Map<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

const graph = importGraph();

function importsBetween(from: (file: string) => boolean, to: (file: string) => boolean): string[] {
  return [...graph].flatMap(([file, targets]) =>
    from(file) ? targets.filter(to).map((target) => `${file} → ${target}`) : [],
  );
}

describe("layering", () => {
  it("reads the whole source tree", () => {
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get("chat/chat-pipeline.ts")).toContain("chat/metering.ts");
  });

  it("no two files import each other, directly or in a ring", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("no two folders import each other, directly or in a ring", () => {
    const folders = new Map<string, string[]>();
    for (const [file, targets] of graph) {
      const from = folderOf(file);
      const to = targets.map(folderOf).filter((folder) => folder !== from);
      folders.set(from, [...new Set([...(folders.get(from) ?? []), ...to])]);
    }
    expect(cycles(folders)).toEqual([]);
  });

  it("the queue runs requests through the chat flow, not through the HTTP server", () => {
    expect(importsBetween((file) => file.startsWith("queue/"), isIn("server"))).toEqual([]);
  });

  it("the chat flow knows no HTTP framework and no route", () => {
    expect(importsBetween((file) => file.startsWith("chat/"), isIn("server"))).toEqual([]);
    const fastify = [...graph.keys()].filter(
      (file) =>
        file.startsWith("chat/") && /from "fastify"/.test(readFileSync(join(src, file), "utf8")),
    );
    expect(fastify).toEqual([]);
  });

  it("the router decides; the privacy guard is not its business", () => {
    expect(importsBetween((file) => file.startsWith("router/"), isIn("privacy"))).toEqual([]);
  });

  it("only store/ knows the database library; the records and their contracts are in core/", () => {
    const kysely = [...graph.keys()].filter(
      (file) =>
        !file.startsWith("store/") &&
        /from "(kysely|better-sqlite3|pg)"/.test(readFileSync(join(src, file), "utf8")),
    );
    expect(kysely).toEqual([]);
    expect(importsBetween((file) => !file.startsWith("store/"), isIn("store"))).toEqual(
      importsBetween(isComposition, isIn("store")),
    );
  });

  it("the runtime imports nothing from the offline tools", () => {
    const tools = [...graph].flatMap(([file, targets]) =>
      targets.filter((target) => target.startsWith("../tools/")).map((t) => `${file} → ${t}`),
    );
    expect(tools).toEqual([]);
  });
});

function isIn(folder: string): (file: string) => boolean {
  return (file) => file.startsWith(`${folder}/`);
}

/** Where parts are put together and may open a store: the composition root, the CLI, the API. */
function isComposition(file: string): boolean {
  return file.startsWith("gateway/") || file.startsWith("cli/") || file === "index.ts";
}

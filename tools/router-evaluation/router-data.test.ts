import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { parseRouterCsv } from "./csv-rows.js";
import { loadRouterData } from "./router-data.js";

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "colibri-router-data-"));
});

describe("parseRouterCsv", () => {
  it("detects a header row whatever its names, and reads True/False", () => {
    const parsed = parseRouterCsv(
      'prompt,mistralai/Mixtral-8x7B-Instruct-v0.1,gpt-4-1106-preview\n"What is 2+2?\nA. 4",True,False\n',
      "a.csv",
    );
    expect(parsed.hasHeader).toBe(true);
    expect(parsed.rows).toEqual([
      { prompt: "What is 2+2?\nA. 4", weakCorrect: true, strongCorrect: false },
    ]);
  });

  it("reads files without a header and every spelling of true and false", () => {
    const parsed = parseRouterCsv(
      "one,1,0\r\ntwo,yes,no\r\nthree,true,FALSE\r\nfour,T,f\r\n",
      "b.csv",
    );
    expect(parsed.hasHeader).toBe(false);
    expect(parsed.rows.map((row) => [row.weakCorrect, row.strongCorrect])).toEqual([
      [true, false],
      [true, false],
      [true, false],
      [true, false],
    ]);
  });

  it("skips bad rows, naming the file, the line and the reason", () => {
    const parsed = parseRouterCsv(
      'question,weak,strong\n"multi\nline",True,True\nshort,True\n,True,False\nodd,maybe,True\nfine,0,1\n',
      "c.csv",
    );
    expect(parsed.rows.map((row) => row.prompt)).toEqual(["multi\nline", "fine"]);
    expect(parsed.skipped).toEqual([
      { file: "c.csv", line: 4, reason: "2 column(s), expected 3" },
      { file: "c.csv", line: 5, reason: "empty prompt" },
      { file: "c.csv", line: 6, reason: 'weak-model column is "maybe", not true/false' },
    ]);
  });

  it("rejects a file that is not CSV, with the file and line", () => {
    expect(() =>
      parseRouterCsv('prompt,weak,strong\nok,1,1\n"never closed,1,1\n', "d.csv"),
    ).toThrow(/^d\.csv at line 3 is not a readable CSV file/);
  });
});

describe("loadRouterData", () => {
  it("reads every CSV file in a folder, leaving out contaminated and repeated prompts", async () => {
    await writeFile(
      join(folder, "b.csv"),
      "prompt,weak,strong\nalpha,True,True\nbeta,False,True\n",
    );
    await writeFile(
      join(folder, "a.csv"),
      'prompt,weak,strong\ngamma,1,1\n"  beta ",1,1\ndelta,0,0\nepsilon,0,1\n',
    );
    await writeFile(join(folder, "notes.txt"), "not data");
    await writeFile(
      join(folder, "contaminated_prompts.jsonl"),
      '{"train_prompt":"x","eval_prompt":"delta","train_idx":1}\n{"prompt":"alpha"}\n',
    );
    const data = await loadRouterData(folder);
    expect(data.files.map((file) => file.slice(folder.length + 1))).toEqual(["a.csv", "b.csv"]);
    expect(data.rows.map((row) => row.prompt)).toEqual(["gamma", "  beta ", "epsilon"]);
    expect(data.rowFiles).toEqual([0, 0, 0]);
    expect(data).toMatchObject({
      rowsRead: 6,
      contaminated: 2,
      duplicates: 1,
      conflictingDuplicates: 1,
      skipped: [],
    });
  });

  it("reads one CSV file, with the contaminated list beside it", async () => {
    const file = join(folder, "one.csv");
    await writeFile(file, "a,1,0\nb,0,1\n");
    await writeFile(join(folder, "contaminated_prompts.jsonl"), '{"eval_prompt":"a"}\n');
    const data = await loadRouterData(file);
    expect(data.rows).toEqual([{ prompt: "b", weakCorrect: false, strongCorrect: true }]);
    expect(data.contaminated).toBe(1);
  });

  it("says clearly what is wrong with unusable data", async () => {
    await expect(loadRouterData(join(folder, "missing"))).rejects.toThrow(/missing does not exist/);
    await mkdir(join(folder, "empty"));
    await expect(loadRouterData(join(folder, "empty"))).rejects.toThrow(/No CSV files in/);
    await writeFile(join(folder, "bad.csv"), "x,perhaps,1\n");
    await expect(loadRouterData(join(folder, "bad.csv"))).rejects.toThrow(
      /No usable rows in .*bad\.csv \(1 bad row skipped, e\.g\. bad\.csv line 1: weak-model column/,
    );
    await writeFile(join(folder, "ok.csv"), "x,1,0\n");
    await writeFile(join(folder, "contaminated_prompts.jsonl"), '{"eval_prompt":"x"}\n{oops\n');
    await expect(loadRouterData(folder)).rejects.toThrow(
      /contaminated_prompts\.jsonl line 2 is not JSON/,
    );
    await writeFile(join(folder, "contaminated_prompts.jsonl"), '{"other":"x"}\n');
    await expect(loadRouterData(folder)).rejects.toThrow(
      /line 1: has none of train_prompt, eval_prompt, prompt/,
    );
  });
});

import { mkdtemp, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { isHardQuestion, quantityRows } from "../../test/support/router-data.js";
import { crossValidate } from "../router-evaluation/cross-validation.js";
import { evaluatePreRouter } from "../router-evaluation/pre-router-evaluation.js";
import type { RouterDataSet } from "../router-evaluation/router-data.js";
import type { RouterRow } from "../router-evaluation/router-row.js";
import type { PreRouterArtifact } from "../../src/router/pre-router/artifact.js";
import {
  createPreRouter,
  loadPreRouter,
  type PreRouter,
} from "../../src/router/pre-router/pre-router.js";
import {
  bundledPreRouterPath,
  installedPreRouterPath,
  resolvePreRouterPath,
} from "../../src/router/pre-router/pre-router-path.js";
import { savePreRouter } from "./save-pre-router.js";
import { trainPreRouter } from "./train.js";

const training = quantityRows(600, 1);
const unseen = quantityRows(300, 2);
let folder: string;
let artifact: PreRouterArtifact;
let path: string;
let loaded: PreRouter;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "colibri-pre-router-"));
  artifact = trainPreRouter(training, { source: "quantities", now: () => new Date(0) });
  path = join(folder, "pre-router.json");
  await savePreRouter(path, artifact);
  loaded = await loadPreRouter(path);
});

function dataSet(rows: RouterRow[]): RouterDataSet {
  return {
    path: "data",
    name: "data",
    files: [],
    rows,
    rowFiles: rows.map(() => 0),
    inputRows: rows.map((row) => ({ prompt: row.prompt })),
    rowsRead: rows.length,
    skipped: [],
    contaminated: 0,
    duplicates: 0,
    conflictingDuplicates: 0,
  };
}

describe("train → save → load → score", () => {
  it("scores the same after a round trip through the file", () => {
    const inMemory = createPreRouter(artifact);
    for (const row of unseen.slice(0, 20)) {
      expect(loaded.score(row.prompt)).toBe(inMemory.score(row.prompt));
    }
    expect(loaded.info).toMatchObject({
      source: path,
      target: "strong-wins",
      trainedRows: 600,
      trainedAt: "1970-01-01T00:00:00.000Z",
      trainingSource: "quantities",
      scorer: "learned",
      bucketBits: 8,
    });
  });

  it("learns what makes a question hard, on questions it has not seen", () => {
    const hard = unseen.filter((row) => isHardQuestion(row.prompt));
    const easy = unseen.filter((row) => !isHardQuestion(row.prompt));
    const mean = (rows: RouterRow[]) =>
      rows.reduce((sum, row) => sum + loaded.score(row.prompt), 0) / rows.length;
    expect(mean(hard)).toBeGreaterThan(mean(easy) + 0.2);
    const scores = unseen.map((row) => loaded.score(row.prompt));
    expect(scores.every((score) => score >= 0 && score <= 1)).toBe(true);
  });

  it("keeps the file small", async () => {
    expect((await stat(path)).size).toBeLessThan(200_000);
  });

  it("maps a cloud share to a threshold from the training scores", () => {
    expect(loaded.thresholdForShare(0)).toBe(1);
    expect(loaded.thresholdForShare(1)).toBe(0);
    const thresholds = [0.1, 0.3, 0.5, 0.9].map((share) => loaded.thresholdForShare(share));
    expect([...thresholds].sort((a, b) => b - a)).toEqual(thresholds);
    const threshold = loaded.thresholdForShare(0.3);
    const sent = training.filter((row) => loaded.score(row.prompt) >= threshold).length;
    expect(sent / training.length).toBeGreaterThan(0.27);
    expect(sent / training.length).toBeLessThan(0.33);
  });
});

describe("the length fallback", () => {
  it("scores by length alone when the artifact's scorer is length", () => {
    const byLength = createPreRouter({ ...artifact, scorer: "length" });
    const short = "Which river?\nA. one\nB. two\nAnswer:";
    const long = `Which river ${"and forest ".repeat(30)}?\nA. one\nB. two\nAnswer:`;
    expect(byLength.score(long)).toBeGreaterThan(byLength.score(short));
    expect(byLength.score(short)).toBe(byLength.scores(short).length);
    expect(byLength.info.scorer).toBe("length");
  });

  it("uses the learned model inside its training range and the heuristic outside it", () => {
    const inside = unseen[0]?.prompt ?? "";
    const scores = loaded.scores(inside);
    expect(scores.outOfRange).toBe(false);
    expect(scores.router).toBe(scores.learned);
    // Far more options and numbers than any training question had.
    const outside = `Compute ${"12 + 34 ".repeat(40)}\n${"ABCDEFGHIJ"
      .split("")
      .map((letter) => `${letter}. 1`)
      .join("\n")}`;
    const fallback = loaded.scores(outside);
    expect(fallback.outOfRange).toBe(true);
    expect(fallback.router).toBe(fallback.length);
    expect(loaded.score(outside)).toBe(fallback.length);
  });

  it("gives positions among the training prompts, so both scorers share a threshold", () => {
    const positions = training.map((row) => loaded.scores(row.prompt));
    for (const key of ["learned", "length"] as const) {
      const values = positions.map((score) => score[key]);
      expect(values.every((value) => value > 0 && value < 1)).toBe(true);
      const above = values.filter((value) => value >= loaded.thresholdForShare(0.25)).length;
      expect(above / values.length).toBeGreaterThan(0.2);
      expect(above / values.length).toBeLessThan(0.3);
    }
  });
});

describe("training prompts are never test prompts", () => {
  it("knows the prompts it was trained on, up to white space", () => {
    const first = training[0]?.prompt ?? "";
    expect(loaded.wasTrainedOn(first)).toBe(true);
    expect(loaded.wasTrainedOn(` ${first.replace(/\n/g, "\n\n")} `)).toBe(true);
    expect(unseen.some((row) => loaded.wasTrainedOn(row.prompt))).toBe(false);
  });

  it("evaluates only the rows it was not trained on, and counts the others", () => {
    const result = evaluatePreRouter(dataSet([...training.slice(0, 100), ...unseen]), loaded);
    expect(result.excluded).toMatchObject({ trainedOn: 100, total: 100 });
    expect(result.rows).toEqual(unseen);
    expect(result.scores).toHaveLength(unseen.length);
    expect(result.evaluation.apgr).toBeGreaterThan(0.7);
  });

  it("refuses to evaluate on its own training data", () => {
    expect(() => evaluatePreRouter(dataSet(training), loaded)).toThrow(
      /All 600 rows of data were used to train .* --cv 5/,
    );
  });
});

describe("cross-validation", () => {
  it("scores every row with a model that did not see it", () => {
    const result = crossValidate(training, 3);
    expect(result.scores).toHaveLength(training.length);
    expect(result.evaluation.rows).toBe(training.length);
    expect(result.evaluation.apgr).toBeGreaterThan(0.7);
    expect(crossValidate(training, 3).scores).toEqual(result.scores); // deterministic
  });

  it("is far better than chance only when the prompt predicts the outcome", () => {
    const shuffled = training.map((row, index) => ({
      ...row,
      prompt: `${training[(index * 7) % training.length]?.prompt ?? ""} (${index})`,
    }));
    expect(Math.abs(crossValidate(shuffled, 3).evaluation.apgr - 0.5)).toBeLessThan(0.15);
  });
});

describe("artifact files", () => {
  it("reports a missing, broken or foreign file with its path", async () => {
    await expect(loadPreRouter(join(folder, "none.json"))).rejects.toThrow(
      /Cannot read pre-router .*none\.json: no such file\. Train one with: colibri router train/,
    );
    await writeFile(join(folder, "broken.json"), "{");
    await expect(loadPreRouter(join(folder, "broken.json"))).rejects.toThrow(/is not valid JSON/);
    await writeFile(join(folder, "other.json"), JSON.stringify({ format: "x", version: 9 }));
    await expect(loadPreRouter(join(folder, "other.json"))).rejects.toThrow(
      /is not a Colibrí pre-router artifact \(format x v9\)/,
    );
    const damaged = { ...artifact, weights: { ...artifact.weights, data: "AAAA" } };
    await writeFile(join(folder, "damaged.json"), JSON.stringify(damaged));
    await expect(loadPreRouter(join(folder, "damaged.json"))).rejects.toThrow(/is damaged/);
  });

  it("resolves the configured, else the installed, else the bundled artifact", async () => {
    const home = await mkdtemp(join(tmpdir(), "colibri-pre-router-home-"));
    expect(await resolvePreRouterPath(home, "/somewhere/mine.json")).toBe("/somewhere/mine.json");
    expect(await resolvePreRouterPath(home)).toBe(bundledPreRouterPath);
    await mkdir(join(home, "router"));
    await writeFile(installedPreRouterPath(home), await readFile(path));
    expect(await resolvePreRouterPath(home)).toBe(join(home, "router", "pre-router.json"));
  });

  it("names an artifact of the retired format 1 and says how to replace it", async () => {
    await writeFile(join(folder, "v1.json"), JSON.stringify({ ...artifact, version: 1 }));
    await expect(loadPreRouter(join(folder, "v1.json"))).rejects.toThrow(
      /v1\.json is format 1; this Colibrí reads format 2 .* Train it again with: colibri router train/,
    );
  });

  it("ships the length heuristic, trained on MMLU and MBPP, since no learned model beat it on unseen families", async () => {
    const bundled = await loadPreRouter(bundledPreRouterPath);
    expect(bundled.info).toMatchObject({
      trainingSource: "routellm-mmlu+mbpp_train.csv",
      scorer: "length",
      holdOut: 0,
    });
    const validation = JSON.parse(await readFile(bundledPreRouterPath, "utf8")).training
      .groupValidation;
    expect(validation.by).toBe("data");
    expect(validation.meanGain).toBeLessThan(0.02);
    expect((await stat(bundledPreRouterPath)).size).toBeLessThan(300_000);
    const easy = bundled.score(
      "What is the capital of France?\nA. Paris\nB. Rome\nC. Oslo\nD. Bern\nAnswer:",
    );
    expect(easy).toBeGreaterThanOrEqual(0);
    expect(easy).toBeLessThanOrEqual(1);
  });
});

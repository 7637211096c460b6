import { copyFile, mkdir, mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { colibri } from "../support/run-cli.js";
import { quantityRows, toCsv, writeRouterData } from "../support/router-data.js";

let home: string;
let work: string;
let trainingData: string;
let testData: string;
let mixedData: string;
/** One pre-router trained on `trainingRows`, shared by the tests that only use it. */
let trained: string;
const trainingRows = quantityRows(500, 1);
const testRows = quantityRows(300, 2);

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "colibri-cli-router-"));
  trainingData = await writeRouterData(join(work, "train"), trainingRows);
  testData = await writeRouterData(join(work, "test"), testRows, 3);
  mixedData = await writeRouterData(join(work, "mixed"), [
    ...testRows,
    ...trainingRows.slice(0, 50),
  ]);
  await writeFile(
    join(mixedData, "contaminated_prompts.jsonl"),
    `${JSON.stringify({ eval_prompt: testRows[0]?.prompt, train_prompt: "elsewhere" })}\n`,
  );
  trained = join(work, "trained.json");
  const result = await colibri(
    "router",
    "train",
    "--data",
    trainingData,
    "--cv",
    "0",
    "--out",
    trained,
    "--json",
  );
  expect(result.code, result.stderr).toBe(0);
});

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "colibri-cli-router-home-"));
  process.env["COLIBRI_HOME"] = home;
});

/** Install the shared pre-router in the test's $COLIBRI_HOME. */
async function install() {
  await mkdir(join(home, "router"));
  await copyFile(trained, join(home, "router", "pre-router.json"));
}

async function train(...extra: string[]): Promise<{
  path: string;
  bytes: number;
  target: string;
  rows: number;
  excluded: { heldOut: number };
  crossValidation: unknown;
}> {
  const result = await colibri(
    "router",
    "train",
    "--data",
    trainingData,
    "--cv",
    "0",
    "--json",
    ...extra,
  );
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

/** A non-zero exit and one error line, last on stderr (after any note on the data read). */
function expectOneLineError(result: { code: number; stderr: string }, pattern: RegExp) {
  expect(result.code).not.toBe(0);
  const lines = result.stderr.trim().split("\n");
  expect(lines.filter((line) => line.startsWith("colibri:"))).toHaveLength(1);
  expect(lines.at(-1)).toMatch(/^colibri: /);
  expect(lines.at(-1)).toMatch(pattern);
}

describe("colibri router train", () => {
  it("installs a pre-router in $COLIBRI_HOME and summarises it, with cross-validation", async () => {
    const result = await colibri("router", "train", "--data", trainingData, "--cv", "3");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`Read 500 rows from 2 files in ${trainingData}.`);
    expect(result.stdout).toMatch(
      /Trained a pre-router \(target strong-wins, \d+ epochs\) on 500 rows of train/,
    );
    const apgr = Number(/3-fold cross-validation: APGR (\d\.\d+)/.exec(result.stdout)?.[1]);
    expect(apgr).toBeGreaterThan(0.7);
    const installed = join(home, "router", "pre-router.json");
    expect(result.stdout).toContain(`Wrote ${installed}`);
    const artifact = JSON.parse(await readFile(installed, "utf8"));
    expect(artifact.training).toMatchObject({
      rows: 500,
      source: "train",
      crossValidation: { folds: 3 },
      groupValidation: { by: "file" },
    });
    // The numbers make a question hard and length says little: the learned model wins.
    expect(artifact.scorer).toBe("learned");
    expect(result.stdout).toMatch(
      /scorer: learned \(learned − length APGR with each file held out: mean \+0\.\d+/,
    );
  });

  it("prints only JSON with --json, and holds out a share of prompts by hash", async () => {
    const out = join(work, "held-out.json");
    const summary = await train("--out", out, "--hold-out", "0.2", "--target", "weak-wrong");
    expect(summary.path).toBe(out);
    expect(summary.bytes).toBe((await stat(out)).size);
    expect(summary.target).toBe("weak-wrong");
    expect(summary.excluded.heldOut).toBeGreaterThan(60);
    expect(summary.excluded.heldOut).toBeLessThan(140);
    expect(summary.rows + summary.excluded.heldOut).toBe(500);
    expect(summary.crossValidation).toBeNull();
  });
});

describe("colibri eval router", () => {
  it("measures the installed pre-router on unseen data, far better than chance", async () => {
    await install();
    const plot = join(work, "curve.svg");
    const result = await colibri("eval", "router", "--data", testData, "--json", "--plot", plot);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.rows).toBe(300);
    expect(report.excluded).toEqual({
      total: 0,
      contaminated: 0,
      trainedOn: 0,
      duplicates: 0,
      badRows: 0,
    });
    expect(report.apgr).toBeGreaterThan(0.7);
    expect(report.apgr).toBeLessThan(1);
    expect(report.cpt50).toBeLessThan(0.3);
    expect(report.cpt80).toBeLessThan(report.random.cpt80);
    expect(report.random).toEqual({ apgr: 0.5, cpt50: 0.5, cpt80: 0.8 });
    expect(report.oracle.apgr).toBeGreaterThan(report.apgr);
    expect(report.curve).toHaveLength(11);
    expect(report.curve[10]).toMatchObject({ share: 1, pgr: 1 });
    expect(report.accuracy.strong).toBeGreaterThan(report.accuracy.weak);
    expect(await readFile(plot, "utf8")).toMatch(
      /^<svg [^>]*>[\s\S]*router \(APGR 0\.\d{3}\)[\s\S]*<\/svg>\n$/,
    );
  });

  it("leaves out trained-on and contaminated rows, and writes a score for every row in the data's order", async () => {
    await install();
    const scoresOut = join(work, "scores.jsonl");
    const result = await colibri(
      "eval",
      "router",
      "--data",
      mixedData,
      "--json",
      "--no-plot",
      "--scores-out",
      scoresOut,
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.excluded).toMatchObject({ total: 51, trainedOn: 50, contaminated: 1 });
    expect(report.rows).toBe(299);
    const lines = (await readFile(scoresOut, "utf8"))
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    // Every row, in order, so the lines zip with the CSV files; left-out rows say why.
    expect(lines).toHaveLength(299 + 51);
    const evaluated = lines.filter((line) => line.excluded === undefined);
    expect(evaluated.map((line) => line.prompt)).toEqual(
      testRows.slice(1).map((row) => row.prompt),
    );
    expect(lines[0]).toMatchObject({ prompt: testRows[0]?.prompt, excluded: "contaminated" });
    expect(lines.filter((line) => line.excluded === "trained-on")).toHaveLength(50);
    expect(lines.every((line) => line.score >= 0 && line.score <= 1)).toBe(true);
  });

  it("refuses to test a pre-router on the data it was trained on", async () => {
    await install();
    const result = await colibri("eval", "router", "--data", trainingData, "--no-plot");
    expectOneLineError(result, /All 500 rows .* were used to train the pre-router .*--cv 5/);
  });

  it("cross-validates on the data with --cv, scores-out holding out-of-fold scores", async () => {
    const scoresOut = join(work, "cv-scores.jsonl");
    const result = await colibri(
      "eval",
      "router",
      "--data",
      trainingData,
      "--cv",
      "3",
      "--json",
      "--no-plot",
      "--scores-out",
      scoresOut,
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      rows: 500,
      crossValidation: { folds: 3 },
      excluded: { trainedOn: 0 },
    });
    expect(report.apgr).toBeGreaterThan(0.7);
    const lines = (await readFile(scoresOut, "utf8")).trimEnd().split("\n");
    expect(lines).toHaveLength(500);
  });

  it("cross-validates with whole files kept apart, when there are enough files", async () => {
    const result = await colibri(
      "eval",
      "router",
      "--data",
      testData,
      "--cv",
      "3",
      "--cv-by",
      "file",
      "--json",
      "--no-plot",
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ rows: 300, crossValidation: { folds: 3, by: "file" } });
    expect(report.apgr).toBeGreaterThan(0.6);
    const tooFew = await colibri(
      "eval",
      "router",
      "--data",
      trainingData,
      "--cv",
      "3",
      "--cv-by",
      "file",
    );
    expectOneLineError(tooFew, /Cannot keep files apart in 3 folds: .* has 2 CSV file\(s\)/);
  });

  it("prints a table of PGR by cloud share next to random and oracle", async () => {
    await install();
    const plot = join(work, "table.svg");
    const result = await colibri("eval", "router", "--data", testData, "--plot", plot);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/CLOUD SHARE +ROUTER PGR +ACCURACY +RANDOM PGR +ORACLE PGR/);
    expect(result.stdout).toMatch(/\n +50\.0% +\d\.\d{3} +\d+\.\d% +0\.500 +\d\.\d{3}\n/);
    expect(result.stdout).toMatch(/\nrandom +0\.500 +50\.0% +80\.0%\n/);
    expect(result.stdout).toContain(`Plot: ${plot}`);
  });
});

describe("colibri eval router: the router beside the heuristics, on both column shapes", () => {
  const fixtures = join(import.meta.dirname, "../../tools/router-evaluation/fixtures");
  const shapes = [
    { file: "model-columns.csv", rows: 12 },
    { file: "weak-strong-columns.csv", rows: 10 },
  ];

  it.each(shapes)(
    "prints learned, length, structure, random and oracle for $file",
    async (shape) => {
      const scoresOut = join(work, `${shape.file}.jsonl`);
      const data = join(fixtures, shape.file);
      const result = await colibri(
        "eval",
        "router",
        "--data",
        data,
        "--no-plot",
        "--scores-out",
        scoresOut,
      );
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain(`Evaluated ${shape.rows} rows`);
      for (const name of [
        "router \\(length\\)",
        "learned model",
        "length heuristic",
        "structure heuristic",
        "random",
        "oracle",
      ]) {
        expect(result.stdout).toMatch(
          new RegExp(`\\n${name} +\\d\\.\\d{3} +(\\d+\\.\\d%|-) +(\\d+\\.\\d%|-)\\n`),
        );
      }
      // The bundled router uses the length heuristic: both rows agree.
      const apgr = (name: string) =>
        Number(new RegExp(`\\n${name} +(\\d\\.\\d{3})`).exec(result.stdout)?.[1]);
      expect(apgr("router \\(length\\)")).toBe(apgr("length heuristic"));
      const lines = (await readFile(scoresOut, "utf8")).trimEnd().split("\n");
      expect(lines).toHaveLength(shape.rows);
      expect(
        lines.map((line) => JSON.parse(line).score).every((score) => score > 0 && score < 1),
      ).toBe(true);
    },
  );

  it("reports the comparison in JSON too", async () => {
    const result = await colibri(
      "eval",
      "router",
      "--data",
      join(fixtures, "model-columns.csv"),
      "--json",
      "--no-plot",
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report.comparison)).toEqual([
      "learned model",
      "length heuristic",
      "structure heuristic",
    ]);
    expect(report.comparison["length heuristic"].apgr).toBe(report.apgr);
    // The long questions are the hard ones here: length finds them.
    expect(report.apgr).toBeGreaterThan(0.7);
  });

  it("holds out whole data sets with --cv-by data, one report each", async () => {
    const result = await colibri(
      "eval",
      "router",
      "--data",
      trainingData,
      "--data",
      testData,
      "--cv-by",
      "data",
      "--json",
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.dataSets.map((set: { data: string }) => set.data)).toEqual([
      trainingData,
      testData,
    ]);
    for (const set of report.dataSets) {
      expect(set.heldOut).toBe("data");
      expect(set.apgr).toBeGreaterThan(set.comparison["length heuristic"].apgr);
    }
    const one = await colibri("eval", "router", "--data", testData, "--cv-by", "data");
    expectOneLineError(one, /--cv-by data holds out whole data sets: give two or more/);
  });

  it("trains on several data sets and uses the learned model only if it beat length on each held out", async () => {
    const out = join(work, "two-sets.json");
    const result = await colibri(
      "router",
      "train",
      "--data",
      trainingData,
      "--data",
      join(fixtures, "model-columns.csv"),
      "--cv",
      "0",
      "--out",
      out,
      "--json",
    );
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.groupValidation.by).toBe("data");
    expect(summary.groupValidation.groups.map((group: { name: string }) => group.name)).toEqual([
      "train",
      "model-columns.csv",
    ]);
    const wins =
      summary.groupValidation.meanGain >= 0.02 && summary.groupValidation.minimumGain >= 0;
    expect(summary.scorer).toBe(wins ? "learned" : "length");
    const forced = await colibri(
      "router",
      "train",
      "--data",
      trainingData,
      "--scorer",
      "length",
      "--cv",
      "0",
      "--out",
      out,
    );
    expect(forced.stdout).toContain("scorer: length (as asked)");
  });
});

describe("colibri router calibrate", () => {
  it("finds the threshold for a cloud share and writes it into the config, keeping other fields", async () => {
    await install();
    await writeFile(join(home, "config.json"), JSON.stringify({ server: { port: 9999 } }));
    const result = await colibri(
      "router",
      "calibrate",
      "--data",
      testData,
      "--cloud-share",
      "0.3",
      "--json",
      "--write",
    );
    expect(result.code, result.stderr).toBe(0);
    const calibration = JSON.parse(result.stdout);
    expect(calibration.cloudShare).toBeGreaterThan(0.25);
    expect(calibration.cloudShare).toBeLessThan(0.35);
    expect(calibration.threshold).toBeGreaterThan(0);
    expect(calibration.threshold).toBeLessThan(1);
    expect(calibration.pgr).toBeGreaterThan(0.6); // the keyword's questions are ~30 % of the data
    expect(calibration.written).toBe(join(home, "config.json"));
    const config = JSON.parse(await readFile(join(home, "config.json"), "utf8"));
    expect(config).toEqual({
      server: { port: 9999 },
      router: { preRouter: { cloudThreshold: calibration.threshold } },
    });
  });

  it("finds the cheapest threshold reaching a quality, and writes to --config FILE", async () => {
    await install();
    const file = join(work, "elsewhere.json");
    await writeFile(file, JSON.stringify({ server: { port: 9998 } }));
    const result = await colibri(
      "--config",
      file,
      "router",
      "calibrate",
      "--data",
      testData,
      "--target-quality",
      "0.8",
      "--write",
    );
    expect(result.code, result.stderr).toBe(0);
    const pgr = Number(/PGR (\d\.\d+)/.exec(result.stdout)?.[1]);
    expect(pgr).toBeGreaterThanOrEqual(0.8);
    expect(result.stdout).toContain(`to ${file}.`);
    const config = JSON.parse(await readFile(file, "utf8"));
    expect(config.router.preRouter.cloudThreshold).toBeGreaterThan(0);
  });

  it("explains bad flags and data in one line", async () => {
    await install();
    for (const command of [
      ["eval", "router"],
      ["router", "train"],
    ]) {
      const missing = await colibri(...command);
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toContain("required option '--data <path>' not specified");
    }
    const both = await colibri(
      "router",
      "calibrate",
      "--data",
      testData,
      "--cloud-share",
      "0.2",
      "--target-quality",
      "0.9",
    );
    expectOneLineError(both, /Give one of --cloud-share \(e\.g\. 0\.2\) or --target-quality/);
    const share = await colibri("router", "calibrate", "--data", testData, "--cloud-share", "1.5");
    expectOneLineError(share, /--cloud-share must be a number from 0 to 1, not "1\.5"/);
    const missing = await colibri(
      "router",
      "calibrate",
      "--data",
      join(work, "nope"),
      "--cloud-share",
      "0.2",
    );
    expectOneLineError(missing, /nope does not exist/);
  });
});

describe("data errors", () => {
  it("names the folder without CSV files and the file with a broken row", async () => {
    const empty = await mkdtemp(join(tmpdir(), "colibri-cli-router-empty-"));
    expectOneLineError(await colibri("router", "train", "--data", empty), /No CSV files in/);
    const broken = join(empty, "broken.csv");
    await writeFile(broken, `${toCsv(trainingRows.slice(0, 3))}"unclosed,True,True\n`);
    expectOneLineError(
      await colibri("eval", "router", "--data", broken, "--no-plot"),
      /broken\.csv at line 20 is not a readable CSV file/,
    );
    expectOneLineError(
      await colibri("eval", "router", "--data", testData, "--cv", "1"),
      /--cv must be a number from 2 to 50, not "1"/,
    );
  });
});

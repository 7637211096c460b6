import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { colibri } from "../support/run-cli.js";

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "colibri-cli-kb-"));
  process.env["COLIBRI_HOME"] = folder;
});

const jsonl = (records: object[]) => records.map((record) => JSON.stringify(record)).join("\n");

async function file(name: string, content: string) {
  const path = join(folder, name);
  await writeFile(path, content);
  return path;
}

const corpus = [
  {
    id: "p1",
    title: "Canciones",
    text: "Las canciones populares de la región andina se cantan en las fiestas del pueblo.",
  },
  {
    id: "p2",
    title: "Ríos",
    text: "El río Amazonas atraviesa la selva y es el más caudaloso del mundo.",
  },
  {
    id: "p3",
    title: "Montañas",
    text: "La cordillera de los Andes tiene picos nevados y volcanes muy altos.",
  },
];
const distractors = [{ id: "d1", title: "Verano", text: "¿Qué canción? La canción del verano." }];
const questions = [
  { id: "q1", question: "¿Qué río atraviesa la selva?", gold_ids: ["p2"], answers: ["Amazonas"] },
  { id: "q2", question: "¿Qué canción se canta?", gold_ids: ["p1"], answers: ["populares"] },
];

/** `colibri kb eval` over the corpus and questions above, with `extra` flags. */
async function evaluate(...extra: string[]) {
  const corpusFile = await file("corpus.jsonl", jsonl(corpus));
  const questionsFile = await file("questions.jsonl", jsonl(questions));
  return colibri("kb", "eval", "--corpus", corpusFile, "--questions", questionsFile, ...extra);
}

describe("colibri kb eval", () => {
  it("prints ours and the BM25 baseline in the documented JSON shape", async () => {
    const distractorsFile = await file("distractors.jsonl", jsonl(distractors));
    const result = await evaluate("--distractors", distractorsFile, "--language", "es", "--json");
    expect(result.code, result.stderr).toBe(0);
    const printed = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(printed)).toEqual([
      "recall@1",
      "recall@5",
      "mrr",
      "retrieval",
      "embedding_model",
      "bm25_analysed",
      "bm25",
    ]);
    // No embedding model in this COLIBRI_HOME: Colibrí's retrieval is the analysed BM25, and says so.
    expect(printed).toEqual({
      "recall@1": 1,
      "recall@5": 1,
      mrr: 1,
      retrieval: "bm25",
      embedding_model: null,
      bm25_analysed: { "recall@1": 1, "recall@5": 1, mrr: 1 },
      bm25: { "recall@1": 0.5, "recall@5": 1, mrr: 0.75 },
    });
  });

  it("prints a table without --json", async () => {
    const result = await evaluate();
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("2 questions over 3 passages (es), top 5; retrieval: BM25");
    expect(result.stdout).toMatch(/^colibri +1\.000 +1\.000 +1\.000$/m);
  });

  it("fails with one line naming the missing file or the bad line", async () => {
    const corpusFile = await file("corpus.jsonl", jsonl(corpus));
    const questionsFile = await file("questions.jsonl", jsonl(questions));
    const missing = await colibri(
      "kb",
      "eval",
      "--corpus",
      join(folder, "nope.jsonl"),
      "--questions",
      questionsFile,
    );
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(
      /^colibri: cannot read .*nope\.jsonl \(ENOENT\); check the path\.\n$/,
    );

    const notJson = await file("bad.jsonl", `${JSON.stringify(corpus[0])}\n\n{"id": "p2",\n`);
    const badJson = await colibri("kb", "eval", "--corpus", notJson, "--questions", questionsFile);
    expect(badJson.code).not.toBe(0);
    expect(badJson.stderr).toMatch(
      /^colibri: .*bad\.jsonl line 3 is not JSON; expected one \{"id", "title", "text"\} object a line\.\n$/,
    );

    const noGold = await file("q.jsonl", jsonl([{ id: "q1", question: "¿Qué río?" }]));
    const badQuestion = await colibri("kb", "eval", "--corpus", corpusFile, "--questions", noGold);
    expect(badQuestion.code).not.toBe(0);
    expect(badQuestion.stderr).toMatch(
      /^colibri: .*q\.jsonl line 1 has a missing or invalid "gold_ids"/,
    );

    const language = await evaluate("--language", "fr");
    expect(language.code).not.toBe(0);
    expect(language.stderr).toBe(
      'colibri: --language "fr" is not supported; use one of: es, pt.\n',
    );
  });

  it("says which k MRR uses in --help", async () => {
    const result = await colibri("kb", "eval", "--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("mean of 1/r for the first gold hit within the top 5");
  });
});

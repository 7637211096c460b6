import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ChatRequest } from "../../src/core/chat.js";
import { colibri } from "../support/run-cli.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * `colibri eval tasks` against a real gateway on a free port, whose scripted model answers by
 * question: right, wrong, in a loop that runs into max_tokens, or in the wrong language.
 */
const tasks = [
  {
    id: "es-capital",
    question: "¿Cuál es la capital de Argentina?",
    options: ["Córdoba", "Buenos Aires"],
    answer: "B",
    language: "es",
  },
  { id: "es-suma", question: "¿Cuánto es 12 por 7?", answer: 84, language: "es" },
  {
    id: "pt-capital",
    question: "Qual é a capital do Brasil?",
    options: ["Brasília", "Salvador"],
    answer: "A",
    language: "pt",
  },
  {
    id: "pt-troco",
    question: "Paguei 63 reais com uma nota de 100. Quanto recebi de troco?",
    answer: 37,
    language: "pt",
  },
];
const answers: [string, { tokens: string[]; logprob: number }][] = [
  ["Argentina", { tokens: ["B"], logprob: -0.1 }],
  ["12 por 7", { tokens: ["La respuesta es ", "74."], logprob: -1.5 }],
  // A confident loop: the old confidence keeps it, the checks escalate it.
  ["Brasil", { tokens: Array.from({ length: 40 }, () => "Brasil é "), logprob: -0.01 }],
  [
    "troco",
    {
      tokens: ["El cambio ", "es de ", "37 reales ", "y la ", "cuenta ", "está ", "paga."],
      logprob: -0.2,
    },
  ],
];

let gateway: TestGateway<import("../support/scripted-backend.js").ScriptedBackend>;
let url: string;
let folder: string;
let tasksFile: string;

beforeAll(async () => {
  gateway = await startTestGateway();
  gateway.backend.tokensOf = (request: ChatRequest) => scripted(request).tokens;
  gateway.backend.logprobOf = (request: ChatRequest) => scripted(request).logprob;
  url = `${await gateway.server.listen()}/v1`;
});

afterAll(async () => {
  await gateway.close();
});

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "colibri-eval-tasks-"));
  process.env["COLIBRI_HOME"] = folder;
  tasksFile = join(folder, "tasks.jsonl");
  await writeFile(tasksFile, tasks.map((task) => JSON.stringify(task)).join("\n"));
});

function scripted(request: ChatRequest) {
  const question = request.messages.at(-1)?.content ?? "";
  return answers.find(([key]) => question.includes(key))?.[1] ?? { tokens: ["?"], logprob: -3 };
}

describe("colibri eval tasks", () => {
  it("scores a served model per language, counts runaway answers and ranks both confidences", async () => {
    const result = await colibri(
      "eval",
      "tasks",
      "--url",
      url,
      "--tasks",
      tasksFile,
      "--max-tokens",
      "24",
      "--json",
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as {
      byLanguage: { language: string; tasks: number; accuracy: number; runawayShare: number }[];
      flaws: Record<string, number>;
      auroc: { probability: number; confidence: number };
      records: {
        id: string;
        correct: boolean;
        flaw?: string;
        runaway: boolean;
        finishReason: string;
      }[];
    };
    expect(report.byLanguage).toEqual([
      expect.objectContaining({ language: "es", tasks: 2, accuracy: 0.5, runawayShare: 0 }),
      expect.objectContaining({ language: "pt", tasks: 2, accuracy: 0.5, runawayShare: 0.5 }),
      expect.objectContaining({ language: "all", tasks: 4, accuracy: 0.5, runawayShare: 0.25 }),
    ]);
    expect(
      report.records.map((record) => [record.id, record.correct, record.flaw ?? null]),
    ).toEqual([
      ["es-capital", true, null],
      ["es-suma", false, null],
      ["pt-capital", false, "repetition"],
      ["pt-troco", true, "language"],
    ]);
    expect(report.records[2]).toMatchObject({ finishReason: "length", runaway: true });
    expect(report.flaws).toEqual({ repetition: 1, language: 1 });
    // Right answers score 0.90 and 0.82, wrong ones 0.22 and a 0.99 loop: probability alone ranks
    // the loop above both right answers (AUROC 2/4). With the checks the loop scores 0, and so does
    // the right number written in Spanish to a Portuguese question: 0.90 beats both wrong ones,
    // 0 loses to 0.22 and ties the loop's 0 (AUROC 2.5/4).
    expect(report.auroc.probability).toBeCloseTo(0.5, 6);
    expect(report.auroc.confidence).toBeCloseTo(0.625, 6);
  });

  it("prints a table, and replays the cascade against another run with --cascade-with", async () => {
    const saved = await colibri(
      "eval",
      "tasks",
      "--url",
      url,
      "--tasks",
      tasksFile,
      "--max-tokens",
      "24",
      "--json",
    );
    const cloudRun = JSON.parse(saved.stdout) as { records: { correct: boolean }[] };
    // The "cloud": the same run with every answer right.
    for (const record of cloudRun.records) record.correct = true;
    const cloudFile = join(folder, "cloud.json");
    await writeFile(cloudFile, JSON.stringify({ ...cloudRun, model: "big" }));

    const result = await colibri(
      "eval",
      "tasks",
      "--from",
      join(folder, "missing.json"),
      "--tasks",
      tasksFile,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("It should be the output of: colibri eval tasks");

    const localFile = join(folder, "local.json");
    await writeFile(localFile, saved.stdout);
    const replay = await colibri(
      "eval",
      "tasks",
      "--from",
      localFile,
      "--tasks",
      tasksFile,
      "--cascade-with",
      cloudFile,
      "--threshold",
      "0.5",
    );
    expect(replay.code).toBe(0);
    const lines = replay.stdout.split("\n");
    expect(lines.find((line) => line.startsWith("all"))).toMatch(
      /^all\s+4\s+50\.0%\s+75\.0%\s+25\.0%\s+50\.0%$/u,
    );
    expect(replay.stdout).toContain(
      'AUROC for "the answer is right": token probability (mean) 0.500, with the answer checks 0.625.',
    );
    // Probability only keeps the loop (1 runaway kept, 75 %); the checks escalate it and the
    // Spanish answer to a Portuguese question (100 %, one right answer escalated).
    expect(lines.find((line) => line.startsWith("cascade (probability only)"))).toMatch(
      /75\.0%\s+25\.0%\s+\S+\s+1\s+0$/u,
    );
    expect(lines.find((line) => line.startsWith("cascade (with checks)"))).toMatch(
      /100\.0%\s+75\.0%\s+\S+\s+0\s+1$/u,
    );
    expect(lines.find((line) => line.startsWith("cloud "))).toMatch(/100\.0%\s+100\.0%/u);
  });

  it("--style chat asks as a user would and reads the result from free text", async () => {
    await writeFile(
      tasksFile,
      JSON.stringify({
        id: "es-troco",
        question: "Pago 100 por algo de 63. ¿Y el troco?",
        answer: 37,
        language: "es",
      }),
    );
    gateway.backend.tokensOf = () => ["Pagas 100 y cuesta 63, ", "así que te devuelven 37."];
    try {
      const result = await colibri(
        "eval",
        "tasks",
        "--url",
        url,
        "--tasks",
        tasksFile,
        "--style",
        "chat",
        "--json",
      );
      const report = JSON.parse(result.stdout) as {
        style: string;
        records: { correct: boolean; extracted: string }[];
      };
      expect(report.style).toBe("chat");
      expect(report.records[0]).toMatchObject({ correct: true, extracted: "37" });
      expect(gateway.backend.requests.at(-1)?.messages).toEqual([
        { role: "user", content: "Pago 100 por algo de 63. ¿Y el troco?" },
      ]);
    } finally {
      gateway.backend.tokensOf = (request: ChatRequest) => scripted(request).tokens;
    }
  });

  it("--style reason reads the number after the answer word, not the last one worked with", async () => {
    await writeFile(
      tasksFile,
      JSON.stringify({
        id: "es-cajas",
        question: "3 cajas de 12. ¿Cuántos?",
        answer: 36,
        language: "es",
      }),
    );
    gateway.backend.tokensOf = () => ["3 × 12 = 36.\n", "Respuesta: 36\n", "(revisado en 2 pasos)"];
    try {
      const result = await colibri(
        "eval",
        "tasks",
        "--url",
        url,
        "--tasks",
        tasksFile,
        "--style",
        "reason",
        "--json",
      );
      const report = JSON.parse(result.stdout) as {
        style: string;
        records: { correct: boolean; extracted: string }[];
      };
      expect(report.style).toBe("reason");
      expect(report.records[0]).toMatchObject({ correct: true, extracted: "36" });
      expect(gateway.backend.requests.at(-1)?.messages[0]?.content).toContain(
        "«Respuesta: <número>»",
      );
    } finally {
      gateway.backend.tokensOf = (request: ChatRequest) => scripted(request).tokens;
    }
  });

  it("needs a model to score, and teaches with examples", async () => {
    const result = await colibri("eval", "tasks", "--tasks", tasksFile);
    expect(result).toMatchObject({ code: 1, stdout: "" });
    expect(result.stderr).toContain("Say which model to score: --url");
    const help = await colibri("eval", "tasks", "--help");
    expect(help.stdout).toContain(
      "colibri eval tasks --url http://127.0.0.1:8080/v1 --tasks eval/tasks/everyday-es.jsonl",
    );
    expect(help.stdout).toContain("--cascade-with big.json");
  });
});

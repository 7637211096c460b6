import { describe, expect, it } from "vitest";
import { enemExcerptPath } from "../../test/support/fixtures.js";
import { taskMessages } from "./cascade-task-prompt.js";
import { loadCascadeTasks, parseCascadeTasks } from "./cascade-tasks.js";

describe("parseCascadeTasks: JSONL", () => {
  it("reads multiple-choice and numeric tasks, guessing each one's language", () => {
    const text = [
      JSON.stringify({
        id: "capital",
        question: "¿Cuál es la capital de Argentina?",
        options: ["Lima", "Buenos Aires", "Santiago"],
        answer: "b",
      }),
      "",
      JSON.stringify({ question: "How much is 12 times 12?", answer: 144 }),
      JSON.stringify({ question: "Quanto é metade de 3?", answer: "1.5", language: "pt" }),
    ].join("\n");
    const loaded = parseCascadeTasks(text, "tasks.jsonl");
    expect(loaded.format).toBe("jsonl");
    expect(loaded.tasks).toEqual([
      {
        id: "capital",
        language: "es",
        question: "¿Cuál es la capital de Argentina?",
        options: ["Lima", "Buenos Aires", "Santiago"],
        answer: { kind: "choice", letter: "B" },
      },
      {
        id: "line-3",
        language: "en",
        question: "How much is 12 times 12?",
        answer: { kind: "number", value: 144 },
      },
      {
        id: "line-4",
        language: "pt",
        question: "Quanto é metade de 3?",
        answer: { kind: "number", value: 1.5 },
      },
    ]);
  });

  it.each([
    ["{not json", /^tasks\.jsonl:2: not valid JSON/u],
    [
      JSON.stringify({ question: "Q?", options: ["a", "b"], answer: "C" }),
      /^tasks\.jsonl:2: answer: expected one of the option letters A, B, got "C"\./u,
    ],
    [
      JSON.stringify({ question: "Q?", answer: "forty" }),
      /^tasks\.jsonl:2: answer: a task without options needs a number/u,
    ],
    [JSON.stringify({ question: "", answer: 1 }), /^tasks\.jsonl:2: question: /u],
    [
      JSON.stringify({ question: "Q?", answer: 1, extra: true }),
      /^tasks\.jsonl:2: task: Unrecognized key/u,
    ],
    [
      JSON.stringify({ id: "one", question: "Q?", answer: 2 }),
      /^tasks\.jsonl:2: the id "one" is used twice\./u,
    ],
  ])("names the file and line of a bad task: %s", (line, message) => {
    const first = JSON.stringify({ id: "one", question: "Q?", answer: 1 });
    expect(() => parseCascadeTasks(`${first}\n${line}\n`, "tasks.jsonl")).toThrow(message);
  });

  it("refuses a file without tasks", () => {
    expect(() => parseCascadeTasks("\n\n", "empty.jsonl")).toThrow(
      "The task file empty.jsonl holds no usable task.",
    );
  });
});

describe("parseCascadeTasks: ENEM", () => {
  const question = (overrides: object) => ({
    id: "ENEM_2022_6",
    question: "O discurso  da jornalista\ntraz questionamentos sobre a",
    context: "A conquista da medalha de prata por Rayssa Leal…",
    options: [
      "conciliação do\njornalismo.",
      "inserção.",
      "desconstrução.",
      "vanguarda.",
      "conquista.",
    ],
    label: "c",
    has_associated_images: false,
    ...overrides,
  });

  it("keeps text questions with a label and counts the ones it skips", () => {
    const text = JSON.stringify([
      question({}),
      question({ id: "ENEM_2022_1", has_associated_images: true }),
      question({ id: "ENEM_2022_2", label: "" }),
      question({ id: "ENEM_2022_137", options: [] }),
    ]);
    const loaded = parseCascadeTasks(text, "enem.json");
    expect(loaded.format).toBe("enem");
    expect(loaded.skipped).toEqual({ images: 1, noLabel: 1, noOptions: 1 });
    expect(loaded.tasks).toEqual([
      {
        id: "ENEM_2022_6",
        language: "pt",
        context: "A conquista da medalha de prata por Rayssa Leal…",
        question: "O discurso da jornalista traz questionamentos sobre a",
        options: [
          "conciliação do jornalismo.",
          "inserção.",
          "desconstrução.",
          "vanguarda.",
          "conquista.",
        ],
        answer: { kind: "choice", letter: "C" },
      },
    ]);
  });

  it("names the question that does not fit the format", () => {
    const text = JSON.stringify([question({}), { id: "x", options: [] }]);
    expect(() => parseCascadeTasks(text, "enem.json")).toThrow(
      /^enem\.json: question 2: question: /u,
    );
  });

  it("reads questions of the ENEM 2022 file as published: text questions with five options", async () => {
    const loaded = await loadCascadeTasks(enemExcerptPath);
    expect(loaded.format).toBe("enem");
    expect(loaded.skipped).toEqual({ images: 1, noLabel: 0, noOptions: 1 });
    expect(
      loaded.tasks.map((task) => [task.id, task.language, task.options?.length, task.answer]),
    ).toEqual([
      ["ENEM_2022_4", "pt", 5, { kind: "choice", letter: "C" }],
      ["ENEM_2022_96", "pt", 5, { kind: "choice", letter: "B" }],
      ["ENEM_2022_109", "pt", 5, { kind: "choice", letter: "C" }],
      ["ENEM_2022_138", "pt", 5, { kind: "choice", letter: "E" }],
    ]);
    // This question's text lives in its passage, which the task keeps.
    const passageOnly = loaded.tasks.find((task) => task.id === "ENEM_2022_109");
    expect(passageOnly?.context).toMatch(/^Um grupo de alunos realizou um experimento/u);
    expect(passageOnly?.options).toEqual(["H2", "O2C", "CO2", "CO", "Cl"]);
  });

  it("reports a file it cannot read", async () => {
    await expect(loadCascadeTasks("/nonexistent/tasks.jsonl")).rejects.toThrow(
      /^Cannot read the task file \/nonexistent\/tasks\.jsonl: /u,
    );
  });
});

describe("taskMessages", () => {
  it("labels the passage, the question and the lettered options, and asks for the letter in the task's language", () => {
    const [message] = taskMessages({
      id: "q",
      language: "pt",
      context: "Texto.",
      question: "Qual?",
      options: ["um", "dois", "três"],
      answer: { kind: "choice", letter: "A" },
    });
    expect(message).toEqual({
      role: "user",
      content: [
        "Leia o texto e responda à questão.",
        "Texto: Texto.",
        "Questão: Qual?",
        "Alternativas:\nA) um\nB) dois\nC) três",
        "Responda apenas com a letra da alternativa correta (A, B ou C).\nResposta:",
      ].join("\n\n"),
    });
    const [numeric] = taskMessages({
      id: "n",
      language: "es",
      question: "¿Cuánto es 2 + 2?",
      answer: { kind: "number", value: 4 },
    });
    expect(numeric?.content).toBe("¿Cuánto es 2 + 2?\n\nResponde solo con el número.\nRespuesta:");
  });

  it("asks for a few lines of working before the number in the reason style, options as short", () => {
    const task = {
      id: "n",
      language: "pt" as const,
      question: "Quanto é 2 + 2?",
      answer: { kind: "number" as const, value: 4 },
    };
    expect(taskMessages(task, "reason")[0]?.content).toBe(
      "Quanto é 2 + 2?\n\nResolva passo a passo, em poucas linhas, e termine com a linha «Resposta: <número>».",
    );
    const choice = {
      ...task,
      options: ["3", "4"],
      answer: { kind: "choice" as const, letter: "B" as const },
    };
    expect(taskMessages(choice, "reason")).toEqual(taskMessages(choice, "short"));
  });
});

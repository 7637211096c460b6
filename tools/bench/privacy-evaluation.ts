/**
 * `npm run bench:privacy:evaluation`: the privacy guard's fast layer (`scanText`) on an
 * evaluation set of test/fixtures/privacy/evaluation/ — recall on personal values and how many
 * are left in clear, by type and by written form; the share of negative messages flagged; recall
 * and precision on names, street addresses and health data by language; and scan time.
 *
 *   node dist-tools/tools/bench/privacy-evaluation.js [--set <set> | --file <path>] [--json]
 *     [--show-misses] [--repeats <n>]
 *     [--model-pass <model.gguf> [--threads <n>] [--sequences <n>] [--model-cache <file.json>]]
 *     [--help]
 *
 * --model-pass adds the guard's second layer (privacy.modelPass): the model reads every line as
 * the guard would read a request about to leave, and its names and addresses join the fast
 * layer's findings. --model-cache <file.json> keeps the model's answers, so that a second run
 * over the same lines asks the model nothing it has answered.
 *
 * <set> is one of the names in evaluationSets (privacy-evaluation-line.ts).
 *
 * The held-out set is for measuring only: never tune a detector on its lines. It prints numbers
 * and judges none.
 */
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { piiTypes } from "../../src/core/pii-types.js";
import { scanText } from "../../src/privacy/scan.js";
import {
  contentTypes,
  evaluationLineSchema,
  evaluationSetPath,
  evaluationSets,
  type EvaluationSet,
} from "./privacy-evaluation-line.js";
import {
  evaluateContent,
  evaluateNegatives,
  evaluatePersonalValues,
  type ContentTally,
  type ValueTally,
} from "./privacy-evaluation-metrics.js";
import { runModelPass } from "./privacy-evaluation-model-pass.js";
import { timeEvaluationSet } from "./privacy-evaluation-timing.js";
import { parseJsonLines } from "./privacy-scan-evaluation.js";

const usage = `usage: node dist-tools/tools/bench/privacy-evaluation.js [--set ${evaluationSets.join("|")} | --file <path>] [--json] [--show-misses] [--repeats <n>] [--model-pass <model.gguf> [--threads <n>] [--sequences <n>] [--model-cache <file.json>]]`;

function parseOptions(): ReturnType<typeof parseOptionsOrThrow> {
  try {
    return parseOptionsOrThrow();
  } catch (error) {
    console.error(`privacy-evaluation: ${error instanceof Error ? error.message : String(error)}`);
    console.error(usage);
    process.exit(2);
  }
}

function parseOptionsOrThrow() {
  const { values } = parseArgs({
    options: {
      set: { type: "string" },
      file: { type: "string" },
      json: { type: "boolean", default: false },
      "show-misses": { type: "boolean", default: false },
      repeats: { type: "string", default: "5" },
      "model-pass": { type: "string" },
      "model-cache": { type: "string" },
      threads: { type: "string", default: "1" },
      sequences: { type: "string", default: "2" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.set !== undefined && values.file !== undefined) {
    throw new Error("give --set or --file, not both");
  }
  const set = values.set ?? "dev";
  if (values.file === undefined && !(evaluationSets as readonly string[]).includes(set)) {
    throw new Error(`--set must be one of ${evaluationSets.join(", ")}, not "${set}"`);
  }
  const repeats = Number(values.repeats);
  if (!Number.isInteger(repeats) || repeats < 1) {
    throw new Error(`--repeats must be a whole number ≥ 1, not "${values.repeats}"`);
  }
  const threads = Number(values.threads);
  const sequences = Number(values.sequences);
  if (![threads, sequences].every((count) => Number.isInteger(count) && count >= 1)) {
    throw new Error("--threads and --sequences must be whole numbers ≥ 1");
  }
  return {
    values,
    repeats,
    threads,
    sequences,
    set: values.file ?? set,
    path: values.file ?? evaluationSetPath(set as EvaluationSet),
  };
}

const { values, repeats, threads, sequences, set, path } = parseOptions();
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const lines = parseJsonLines(readFileSync(path, "utf8"), evaluationLineSchema, path);
const modelPath = values["model-pass"];
const modelPass =
  modelPath === undefined
    ? undefined
    : await runModelPass(
        lines.map((line) => line.text),
        { modelPath, threads, sequences, cache: values["model-cache"] },
      );
const scanned = lines.map((line, index) => ({
  line,
  findings: modelPass?.findings[index] ?? scanText(line.text),
}));
const personal = evaluatePersonalValues(scanned);
const negatives = evaluateNegatives(scanned);
const content = evaluateContent(scanned, contentTypes);
const timing = timeEvaluationSet(
  lines.map((line) => line.text),
  repeats,
);
const unknownTypes = contentTypes.filter((type) => !(piiTypes as readonly string[]).includes(type));

if (values.json) {
  console.log(
    JSON.stringify(
      {
        set,
        lines: lines.length,
        personalValues: {
          overall: personal.overall,
          byType: Object.fromEntries(personal.byType),
          byForm: Object.fromEntries(personal.byForm),
          misses: values["show-misses"] ? personal.misses : personal.misses.length,
        },
        negatives: {
          lines: negatives.lines,
          flagged: negatives.flagged,
          byFindingType: Object.fromEntries(negatives.byFindingType),
          flaggedLines: values["show-misses"] ? negatives.flaggedLines : undefined,
        },
        content: Object.fromEntries(
          [...content.byType].map(([type, byLanguage]) => [type, Object.fromEntries(byLanguage)]),
        ),
        typesNotInScanner: unknownTypes,
        timing,
        modelPass:
          modelPass === undefined
            ? undefined
            : { ...modelPass, findings: undefined, threads, sequences },
      },
      null,
      2,
    ),
  );
} else {
  printReport();
}

function printReport(): void {
  console.log(
    `Privacy evaluation, ${set === path ? "file" : `${set} set`} (${path}): ${lines.length} lines, Node ${process.version}, ${cpus()[0]?.model ?? "?"} × ${cpus().length}`,
  );
  if (modelPass !== undefined) {
    const { perLine } = modelPass;
    console.log(
      `With the model pass (${modelPath}, ${threads} thread(s), ${sequences} lines at a time): ${modelPass.totalSeconds.toFixed(0)} s in all, per line p50 ${(perLine.p50 / 1000).toFixed(1)} s, p90 ${(perLine.p90 / 1000).toFixed(1)} s, max ${(perLine.max / 1000).toFixed(1)} s; ${modelPass.failures} lines failed (fast layer only)`,
    );
  }
  console.log("");
  console.log("Personal values (every letter and digit inside a finding of any type = masked)");
  console.log(
    `${"".padEnd(30)}${"spans".padStart(7)}${"masked".padStart(8)}${"partly".padStart(8)}${"clear".padStart(7)}${"recall".padStart(9)}`,
  );
  printTally("all", personal.overall);
  console.log("  by type:");
  for (const [type, tally] of sorted(personal.byType)) printTally(`  ${type}`, tally);
  console.log("  by form:");
  for (const [form, tally] of sorted(personal.byForm)) printTally(`  ${form}`, tally);
  if (values["show-misses"]) {
    for (const miss of personal.misses) {
      console.log(
        `  ${miss.coverage}: ${miss.id} ${miss.type} [${miss.form}] ${JSON.stringify(miss.value)} in ${JSON.stringify(miss.text)}`,
      );
    }
  }

  console.log("");
  console.log(
    `Negative messages flagged: ${negatives.flagged} / ${negatives.lines} (${percent(negatives.flagged, negatives.lines)})`,
  );
  for (const [type, count] of sorted(negatives.byFindingType)) {
    console.log(`  with a ${type} finding: ${count}`);
  }
  if (values["show-misses"]) {
    for (const line of negatives.flaggedLines) {
      console.log(`  ${line.id}: ${line.findings.join(", ")} in ${JSON.stringify(line.text)}`);
    }
  }

  console.log("");
  console.log("Names, street addresses, health (recall: span inside findings of its type)");
  console.log(
    `${"".padEnd(22)}${"spans".padStart(7)}${"found".padStart(7)}${"recall".padStart(9)}${"findings".padStart(10)}${"right".padStart(7)}${"precision".padStart(11)}`,
  );
  for (const [type, byLanguage] of content.byType) {
    const note = unknownTypes.includes(type as (typeof contentTypes)[number])
      ? " (not a scanner type yet: counted as not found)"
      : "";
    console.log(`  ${type}${note}`);
    for (const language of ["es", "pt", "all"]) {
      const tally = byLanguage.get(language);
      if (tally !== undefined) printContent(`    ${language}`, tally);
    }
  }
  if (values["show-misses"]) {
    for (const miss of content.misses) {
      console.log(
        `  missed ${miss.id} ${miss.type} ${JSON.stringify(miss.value)} in ${JSON.stringify(miss.text)}`,
      );
    }
    for (const extra of content.extras) {
      console.log(
        `  extra ${extra.id} ${extra.type} ${JSON.stringify(extra.value)} in ${JSON.stringify(extra.text)}`,
      );
    }
  }

  console.log("");
  console.log(
    `Scan time: ${timing.lines} lines, ${timing.kilobytes.toFixed(1)} KB (UTF-8), one scanText() per line, after a warm-up, ${timing.repeats} repeats`,
  );
  for (const [index, run] of timing.runs.entries()) {
    console.log(
      `  repeat ${index + 1}: ${run.totalMilliseconds.toFixed(1)} ms in all, ${run.millisecondsPerKilobyte.toFixed(3)} ms per KB (CPU time ${run.cpuMillisecondsPerKilobyte.toFixed(3)} ms per KB)`,
    );
  }
  console.log(
    `  per line over all repeats: p50 ${timing.perLine.p50.toFixed(1)} µs, p99 ${timing.perLine.p99.toFixed(1)} µs, max ${timing.perLine.max.toFixed(1)} µs`,
  );
}

function printTally(label: string, tally: ValueTally): void {
  console.log(
    `${label.padEnd(30)}${String(tally.spans).padStart(7)}${String(tally.masked).padStart(8)}${String(tally.partlyMasked).padStart(8)}${String(tally.leftInClear).padStart(7)}${percent(tally.masked, tally.spans).padStart(9)}`,
  );
}

function printContent(label: string, tally: ContentTally): void {
  console.log(
    `${label.padEnd(22)}${String(tally.spans).padStart(7)}${String(tally.found).padStart(7)}${percent(tally.found, tally.spans).padStart(9)}${String(tally.findings).padStart(10)}${String(tally.matching).padStart(7)}${percent(tally.matching, tally.findings).padStart(11)}`,
  );
}

function sorted<V>(map: Map<string, V>): [string, V][] {
  return [...map].sort(([a], [b]) => a.localeCompare(b));
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "-" : `${((part / whole) * 100).toFixed(1)}%`;
}

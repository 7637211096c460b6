import type { Command } from "commander";
import { InvalidRequestError } from "../../core/errors.js";
import type { Finding } from "../../core/pii-types.js";
import { IncompleteModelPassError, ModelPass } from "../../privacy/model-pass.js";
import { PrivacyGuard } from "../../privacy/privacy-guard.js";
import { findingView, redactAll, type FindingView } from "../../privacy/scan-report.js";
import type { CliContext } from "../context.js";
import { formatTable } from "../format-table.js";
import { jsonlTexts } from "../jsonl-texts.js";
import { startEngine } from "../start-engine.js";
import { parseNumber } from "../router-flags.js";
import { writeJson } from "../tenancy-format.js";

interface ScanOptions {
  jsonl?: boolean;
  modelPass?: boolean;
  json?: boolean;
  minConfidence?: number;
  failOnFindings?: boolean;
}

/** Exit code of `--fail-on-findings` when something was found (1 stays "the command failed"). */
const foundExitCode = 3;

export function registerPrivacyCommand(program: Command, context: CliContext): void {
  const privacy = program
    .command("privacy")
    .description("The privacy guard's detectors: find personal data in text before it leaves.");
  privacy
    .command("scan")
    .description(
      "Read text on stdin; print the personal data found (type, country, offsets, whether a check digit validated it) and the text with each value replaced by its type tag.",
    )
    .option(
      "--jsonl",
      'one JSON object per line in ({"text": …}) and out ({"findings": […], "redacted": …})',
    )
    .option("--json", "print the findings and the redacted text as one JSON object")
    .option(
      "--min-confidence <0-1>",
      "report findings at or above this confidence (default privacy.minConfidence, 0.5)",
      (raw: string) => parseNumber("--min-confidence", raw, 0, 1),
    )
    .option("--fail-on-findings", `exit with code ${foundExitCode} when anything was found`)
    .option(
      "--model-pass",
      "also let the local model (the configured one, loaded here) list names and street addresses, as privacy.modelPass does for text about to leave: seconds per text on a CPU",
    )
    .addHelpText(
      "after",
      `
Detects the national and tax identifiers of Latin America (CPF, CNPJ, CURP, RFC, CUIT, RUT, RUC,
NIT, cédulas, …, validated by check digit where they have one), e-mail addresses, the region's
phone numbers and payment cards, and in Spanish and Portuguese text person names (PERSON_NAME),
street addresses (STREET_ADDRESS) and health conditions tied to a person (HEALTH), found by
name lists, capitalisation and context words, never validated. Offsets are UTF-16 code units, as
in JavaScript strings.

Examples:
  echo "Meu CPF é 123.456.789-09" | colibri privacy scan
  colibri privacy scan --jsonl < export.jsonl > findings.jsonl
  colibri privacy scan --jsonl --fail-on-findings < export.jsonl > /dev/null || echo "has personal data"
  echo "mándale el pedido a rosa quispe en av juárez 88" | colibri privacy scan --model-pass
The same is POST /v1/privacy/scan {"text": "..."} with a tenant or admin key.`,
    )
    .action(async (options: ScanOptions) => {
      const config = await context.loadConfig();
      const guard = new PrivacyGuard({
        ...config.privacy,
        minConfidence: options.minConfidence ?? config.privacy.minConfidence,
      });
      const engine =
        options.modelPass === true
          ? await startEngine(config, context, (level, message) => {
              if (level === "error") context.stderr.write(`${message}\n`);
            })
          : undefined;
      const pass =
        engine === undefined
          ? undefined
          : new ModelPass(engine, { ...config.privacy.modelPass, enabled: true });
      const find: Find = async (text) => {
        const fast = guard.scanText(text);
        if (pass === undefined) return fast;
        return pass.deepenText(text, fast).catch((error: unknown) => {
          if (!(error instanceof IncompleteModelPassError)) throw error;
          throw new InvalidRequestError(`--model-pass: ${error.message}.`);
        });
      };
      try {
        const found =
          options.jsonl === true
            ? await scanLines(find, context)
            : await scanAll(find, context, options);
        if (found && options.failOnFindings === true) context.setExitCode(foundExitCode);
      } finally {
        await engine?.close();
      }
    });
}

type Find = (text: string) => Promise<Finding[]>;

/** The whole of stdin as one text; true when anything was found. */
async function scanAll(find: Find, context: CliContext, options: ScanOptions) {
  let text = "";
  for await (const chunk of context.stdin) text += chunk.toString();
  const findings = await find(text);
  const views = findings.map(findingView);
  const redacted = redactAll(text, findings);
  if (options.json === true) writeJson(context.stdout, { findings: views, redacted });
  else context.stdout.write(describe(views, redacted));
  return findings.length > 0;
}

/** One JSON object per line, answered line by line; stops at the first line that is not one. */
async function scanLines(find: Find, context: CliContext) {
  let found = false;
  for await (const text of jsonlTexts(context)) {
    const findings = await find(text);
    found ||= findings.length > 0;
    context.stdout.write(
      `${JSON.stringify({ findings: findings.map(findingView), redacted: redactAll(text, findings) })}\n`,
    );
  }
  return found;
}

function describe(findings: readonly FindingView[], redacted: string): string {
  if (findings.length === 0) return `No personal data found.\n`;
  const rows = [["TYPE", "COUNTRY", "START", "END", "VALIDATED", "CONFIDENCE"]];
  for (const finding of findings) {
    rows.push([
      finding.type,
      finding.country ?? "-",
      String(finding.start),
      String(finding.end),
      finding.validated ? "yes" : "no (context)",
      finding.confidence.toFixed(2),
    ]);
  }
  const noun = findings.length === 1 ? "finding" : "findings";
  return `${findings.length} ${noun}:\n${formatTable(rows, [2, 3, 5])}\n\nRedacted:\n${redacted}${redacted.endsWith("\n") ? "" : "\n"}`;
}

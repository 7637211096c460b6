import type { Command } from "commander";
import { InvalidRequestError } from "../../core/errors.js";
import { detectRegionLanguage, type LanguageDetection } from "../../router/region-language.js";
import type { CliContext } from "../context.js";
import { jsonlTexts } from "../jsonl-texts.js";

const languageNames: Record<LanguageDetection["language"], string> = {
  qu: "Quechua",
  gn: "Guaraní",
  ay: "Aymara",
  nah: "Nahuatl",
  es: "Spanish",
  pt: "Portuguese",
  en: "English",
  und: "undetermined",
};

export function registerLangCommand(program: Command, context: CliContext): void {
  const lang = program
    .command("lang")
    .description("The language detector the router uses for `when.language` rules.");
  lang
    .command("detect")
    .description(
      "Read text on stdin; print its language (ISO 639: qu, gn, ay, nah, es, pt, en, or und) and a confidence from 0 to 1.",
    )
    .option(
      "--jsonl",
      'one JSON object per line in ({"text": …}) and out ({"language": …, "confidence": …}), same order; blank lines are skipped',
    )
    .addHelpText(
      "after",
      `
Knows Quechua (qu), Guaraní (gn), Aymara (ay), Nahuatl (nah), Spanish (es), Portuguese (pt) and
English (en); "und" is text too short or without letters. The confidence is a margin over the
runner-up, not a probability: below about 0.6 the text is short or mixes languages. Only the
first 2,048 characters are read.

Examples:
  echo "Imaynallam kachkanki?" | colibri lang detect
  echo '{"text": "Iporâ, aguyje ndéve."}' | colibri lang detect --jsonl
  colibri lang detect --jsonl < prompts.jsonl > languages.jsonl`,
    )
    .action(async (options: { jsonl?: boolean }) => {
      if (options.jsonl === true) await detectLines(context);
      else await detectAll(context);
    });
}

async function detectAll(context: CliContext) {
  let text = "";
  for await (const chunk of context.stdin) text += chunk.toString();
  if (text.trim() === "") {
    throw new InvalidRequestError(
      'stdin is empty; pipe the text in: echo "…" | colibri lang detect',
    );
  }
  const { language, confidence } = detectRegionLanguage(text);
  context.stdout.write(`${language} (${languageNames[language]}), confidence ${confidence}\n`);
}

/** One JSON object per line, answered line by line; stops at the first line that is not one. */
async function detectLines(context: CliContext) {
  for await (const text of jsonlTexts(context)) {
    const { language, confidence } = detectRegionLanguage(text);
    context.stdout.write(`${JSON.stringify({ language, confidence })}\n`);
  }
}

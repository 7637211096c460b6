import type { Finding } from "../../core/pii-types.js";
import { foldedMatches } from "./folded-matches.js";
import { foldedValue } from "./folded-value.js";
import type { ScanInput } from "./scan-input.js";

/**
 * A form's health fields: "Alergias: sulfas", "Antecedentes: colon irritable", "Condición médica:
 * …", "Doenças pré-existentes: …", "Medicamentos de uso contínuo: …". Whatever such a label
 * holds is someone's health data, even a condition or a medicine the lexicon does not know.
 */

/** A record's history of a person ("Antecedentes médicos"), and the other health fields (folded). */
const historyLabel =
  "antecedentes[ \\t](?:medicos|personales|patologicos|familiares|pessoais|clinicos)";
const fieldLabels =
  "alergias?|alergic[oa] a|condic(?:ion|ao)(?:es|oes)?[ \\t](?:medicas?|de[ \\t]sa(?:lud|ude))|enfermedad(?:es)?[ \\t](?:pre-?existentes?|de[ \\t]base|cronicas?)|doencas?[ \\t](?:pre-?existentes?|de[ \\t]base|cronicas?)|comorbilidad(?:es)?|comorbidades?|medicamentos?[ \\t](?:de[ \\t]uso[ \\t](?:continuo|cronico|diario|habitual)|en[ \\t]uso|em[ \\t]uso|actuales|atuais|habituales|que[ \\t]toma)|medicacion[ \\t](?:actual|habitual|cronica)|medicacao[ \\t](?:atual|continua|de[ \\t]uso[ \\t]continuo)";

/**
 * A clinical note's or a referral's labels: the diagnosis, the treatment, the reason for the
 * visit ("Dx:", "Tto:", "Motivo:", "Hipótese diagnóstica:", "Conduta:"). "Diagnóstico:" and
 * "Motivo:" also head a technician's report or a letter, so they tie a known condition or
 * medicine to someone, but their value alone is no health data.
 */
const clinicalLabels =
  "dx|tto|diagnosticos?|hipotesis[ \\t]diagnosticas?|hipotese[ \\t]diagnostica|impresion[ \\t]diagnostica|motivo(?:[ \\t]d[eoa][ \\t](?:(?:la|el|a)[ \\t])?(?:consulta|ingreso|internacion|internacao|derivacion|encaminhamento|referencia|interconsulta|atencion|atendimento))?|tratamientos?|tratamentos?|medicacion|medicacao|prescripcion(?:es)?|prescricao|indicacion(?:es)?|medicamentos?|enfermedad[ \\t]actual|conducta|conduta|cuadro[ \\t]clinico|quadro[ \\t]clinico|patologias?|queixa[ \\t]principal";

/**
 * The labels of a person's health in a form or a record (folded). A bare "Antecedentes:" also
 * heads a report's background, so it ties a known condition to someone but its value alone is
 * no health data.
 */
export const healthLabelSource = `(?:${historyLabel}|antecedentes|${clinicalLabels}|${fieldLabels})`;
const valueLabelSource = `(?:${historyLabel}|${fieldLabels})`;

/**
 * A label at the start of a line or after a separator, and its value up to the end of the line,
 * a full stop or a semicolon (at most 60 characters).
 */
export const labelledValue = new RegExp(
  `(?<=(?:^|\\n)[ \\t*•-]{0,4}|[;|][ \\t]{0,2})${valueLabelSource}[ \\t]*:[ \\t]*([^\\n.;:]{2,60}?)(?=[ \\t]*(?:[\\n.;]|$))`,
  "g",
);

/** A value that says there is nothing: "ninguna", "nega", "no refiere", "N/A", "-". */
const nothing =
  /^(?:ninguna|ninguno|ningun|nenhuma|nenhum|no|nao|niega|nega|nada|sin|sem|n\/?a|desconoce|desconhece|negativo|negativa|none)(?![a-z])/;

export function* labelledHealthFindings(input: ScanInput): Generator<Finding | undefined> {
  for (const candidate of foldedMatches(input, labelledValue)) {
    if (candidate === undefined) {
      yield undefined;
      continue;
    }
    const value = candidate.groups[0] ?? "";
    if (nothing.test(value) || !/[a-z]{3}/.test(value)) continue;
    const start = candidate.end - value.length;
    yield {
      type: "HEALTH",
      country: null,
      start,
      end: candidate.end,
      confidence: 0.85,
      validated: false,
      normalized: foldedValue(input.folded.slice(start, candidate.end)),
    };
  }
}

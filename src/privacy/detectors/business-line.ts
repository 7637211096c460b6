import { contextBefore, subjectReach, wordsPattern } from "./context-words.js";
import { possessiveWords, someoneWords } from "./someone-words.js";
import type { ScanInput } from "./scan-input.js";

/**
 * A landline given out as an organisation's public line — a pharmacy's customer service, a
 * clinic's booking centre, a hospital's switchboard, a town hall's office — is nobody's personal
 * data: what names the line before it on its line (a customer service, the organisation) says so.
 * In doubt it stays a phone: a personal word before it ("mi", "meu", "paciente", "Sra."), a
 * mobile, or a desk's line with nothing but its extension ("llamen al conmutador 55 5433 7230
 * ext. 778", "liga na recepção … ramal 167").
 */
export function isBusinessLine(input: ScanInput, start: number): boolean {
  const sentence = contextBefore(input.folded, start, subjectReach);
  // On its own line: a form's or a list's lines are each one value's ("- Teléfono: …" under "lo
  // que pide la escuela").
  const before = sentence.slice(sentence.lastIndexOf("\n") + 1);
  if (personalWords.test(before)) return false;
  return serviceWords.test(before) || organisationWords.test(before);
}

/** A service reached by phone, named before the number. */
const serviceWords = wordsPattern([
  "atencion a clientes",
  "atencion al cliente",
  "atencion a usuarios",
  "atencion al usuario",
  "atencion telefonica",
  "servicio al cliente",
  "servicio a clientes",
  "centro de atencion",
  "centro de llamadas",
  "call center",
  "central telefonica",
  "central de turnos",
  "central de citas",
  "linea de atencion",
  "mesa de ayuda",
  "mesa de partes",
  "soporte tecnico",
  "turnos",
  "informes",
  "reservas",
  "reservaciones",
  "atendimento ao cliente",
  "central de atendimento",
  "central de agendamento",
  "central de relacionamento",
  "agendamento",
  "agendamentos",
  "marcacao de consultas",
  "sac",
  "ouvidoria",
  "disque",
  "plantao",
  "pronto atendimento",
]);

/** An organisation whose line it is, named before the number in the same sentence. */
const organisationWords = wordsPattern([
  "farmacia",
  "farmacias",
  "drogaria",
  "drogarias",
  "clinica",
  "clinicas",
  "hospital",
  "hospitales",
  "hospitais",
  "sanatorio",
  "policlinico",
  "policlinica",
  "consultorio",
  "laboratorio",
  "centro de salud",
  "posto de saude",
  "municipalidad",
  "municipio",
  "alcaldia",
  "ayuntamiento",
  "prefeitura",
  "gobernacion",
  "ministerio",
  "secretaria de",
  "defensoria",
  "empresa",
  "sucursal",
  "sucursales",
  "loja",
  "lojas",
  "tienda",
  "tiendas",
  "supermercado",
  "aseguradora",
  "seguradora",
  "universidad",
  "universidade",
  "colegio",
  "escuela",
  "escola",
]);

/** A person's own number: someone in particular (kin, a title, a patient), a possessive. */
const personalWords = wordsPattern([
  ...someoneWords,
  ...possessiveWords,
  "tu",
  "teu",
  "tua",
  "particular",
  "residencial",
  "pessoal",
  "personal",
  "celular",
  "whatsapp",
  "whats",
  "wpp",
  "zap",
  "cel",
]);

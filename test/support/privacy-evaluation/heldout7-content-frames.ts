/**
 * The seventh held-out set's lines with names, home addresses and health data only, no
 * identifier (heldout7-sentences.ts): telemedicine and mental-health chats, sick-leave notices,
 * health-plan complaints, lab results, school notes, wills and rental clauses, courier claims,
 * municipal requests, social-media DMs, quoted e-mails, dictated clinical notes, discharge
 * summaries copied from a PDF, "Surname, Given" lists and markdown tables. Spans follow the rules
 * in the header of heldout7-values.ts.
 */
import { address, lower, upper } from "./heldout7-frames.js";
import {
  firstName,
  healthCondition,
  listedName,
  medicine,
  mentalHealth,
  personName,
  type Gender,
} from "./heldout7-people.js";
import { pick, s, v, type Country, type Draft, type Lang, type Value } from "./heldout7-values.js";

export interface ContentFrame {
  message: string;
  make: (country: Country) => Draft;
}

const name = (gender?: Gender): Value => personName("es", gender);
const nome = (gender?: Gender): Value => personName("pt", gender);

export const contentFrames: Record<Lang, ContentFrame[]> = {
  es: [
    {
      message: "telemedicine question",
      make: () =>
        s`Doctora, le escribe ${name()}: desde que empecé con ${medicine("es")} tengo náuseas por la mañana. ¿Lo tomo con comida?`,
    },
    {
      message: "rental contract clause",
      make: (country) =>
        s`Contrato de arrendamiento: el arrendatario ${name()} habitará el inmueble de ${address(country)} junto con su hija ${firstName("es", "f")}. Redactalo formal.`,
    },
    {
      message: "courier claim",
      make: (country) =>
        s`Reclamo: el paquete para ${name()} en ${address(country)} figura entregado pero nadie lo recibió. Escribilo firme pero educado.`,
    },
    {
      message: "sick-leave notice to HR",
      make: () =>
        s`Aviso a RRHH: ${name()} va a estar de licencia por ${healthCondition("es")} hasta fin de mes. ¿Cómo lo comunico al equipo sin dar detalles?`,
    },
    {
      message: "health-insurance complaint",
      make: () =>
        s`Mi esposo ${name("m")} está internado por ${healthCondition("es")} y la prepaga no quiere cubrir el ${medicine("es")}. Redactá el reclamo.`,
    },
    {
      message: "will draft",
      make: (country) =>
        s`Borrador de testamento: dejo la casa de ${address(country)} a mi sobrina ${name("f")} y el auto a mi hermano ${name("m")}.`,
    },
    {
      message: "lab results to explain",
      make: () =>
        s`Explicame los resultados de mi papá, ${name("m")}: tiene ${healthCondition("es")} y la creatinina le dio 2,1 mg/dL. ¿Es grave?`,
    },
    {
      message: "school note",
      make: () =>
        s`La alumna ${name("f")} tiene ${healthCondition("es")} y debe tomar ${medicine("es")} en el recreo; avisen a la profesora ${name("f")}.`,
    },
    {
      message: "social-media DM",
      make: (country) =>
        s`holaa ${firstName("es")}!! ya te mandé el regalo a ${address(country)}, avisame cuando llegue 🎁`,
    },
    {
      message: "dictated clinical note",
      make: () =>
        s`nota para el expediente ${lower(name())} paciente con ${healthCondition("es")} viene por control trae estudios y sigue con ${medicine("es")}`,
    },
    {
      message: "discharge summary from a PDF",
      make: () =>
        s`EPICRISIS\nPaciente: ${upper(name())}\nDiagnóstico de egreso:\n${healthCondition("es")}\nIndicación: ${medicine("es")} cada 12 h\n\n¿Me lo explicás en palabras simples?`,
    },
    {
      message: "surname-first list",
      make: () =>
        s`Turnos del sábado:\n${listedName("es")}\n${listedName("es")}\n${listedName("es")}\nArmá un recordatorio para cada uno.`,
    },
    {
      message: "quoted e-mail (moved house)",
      make: (country) =>
        s`> ${name()} escribió:\n> Les aviso que me mudé a ${address(country)}.\n\nActualizá la base de socios del club.`,
    },
    {
      message: "municipal request",
      make: (country) =>
        s`Solicitud de poda: vecina ${name("f")}, domicilio ${address(country)}. El árbol de la vereda está por caerse.`,
    },
    {
      message: "markdown table of patients",
      make: () =>
        s`| Paciente | Diagnóstico |\n|---|---|\n| ${name()} | ${healthCondition("es")} |\n| ${name()} | ${healthCondition("es")} |\n\nHacé un resumen para el pase de guardia.`,
    },
    {
      message: "mental-health chat",
      make: () =>
        s`me siento muy cansada, me diagnosticaron ${v("HEALTH", pick(mentalHealth.conditions))} y la psiquiatra me dio ${v("HEALTH", pick(mentalHealth.medicines))}. soy ${firstName("es", "f")}, ¿es normal tener tanto sueño?`,
    },
    {
      message: "pregnancy follow-up",
      make: () =>
        s`Mi hermana ${name("f")} cursa con ${v("HEALTH", pick(["embarazo de 28 semanas", "embarazo gemelar", "preeclampsia", "diabetes gestacional"]))} y le dieron ${v("HEALTH", pick(["ácido fólico 5 mg", "hierro polimaltosado"]))}. ¿Qué controles le tocan?`,
    },
  ],
  pt: [
    {
      message: "telemedicine question",
      make: () =>
        s`Doutora, aqui é ${nome()}: comecei o ${medicine("pt")} e estou com muita dor de cabeça. Posso tomar à noite?`,
    },
    {
      message: "rental contract clause",
      make: () =>
        s`Contrato de locação: o imóvel da ${address("BR")} será ocupado pelo locatário ${nome("m")} e sua esposa ${nome("f")}.`,
    },
    {
      message: "courier claim",
      make: () =>
        s`A encomenda da ${nome("f")} pra ${address("BR")} aparece como entregue, mas ela não recebeu nada. Escreve a reclamação?`,
    },
    {
      message: "sick-leave notice to HR",
      make: () =>
        s`O ${nome("m")} vai se afastar pelo INSS por ${healthCondition("pt")}. Como aviso a equipe sem expor o diagnóstico?`,
    },
    {
      message: "health-plan complaint",
      make: () =>
        s`O plano negou o ${medicine("pt")} da minha mãe, ${nome("f")}, que tem ${healthCondition("pt")}. Me ajuda com a reclamação na ANS?`,
    },
    {
      message: "lab results to explain",
      make: () =>
        s`Resultado do meu filho ${nome("m")}: ${healthCondition("pt")}, hemoglobina 9,8. O que isso quer dizer?`,
    },
    {
      message: "school note",
      make: () =>
        s`Bilhete pra escola: o ${firstName("pt", "m")} tem ${healthCondition("pt")} e toma ${medicine("pt")}; pedimos que a professora ${nome("f")} fique atenta.`,
    },
    {
      message: "social-media DM",
      make: () =>
        s`mana manda pra ${address("BR")} que eu tô morando aqui agora, bjs ${firstName("pt")}`,
    },
    {
      message: "dictated clinical note",
      make: () =>
        s`evolução ${lower(nome())} paciente com ${healthCondition("pt")} em uso de ${medicine("pt")} refere melhora da dor`,
    },
    {
      message: "discharge summary from a PDF",
      make: () =>
        s`SUMÁRIO DE ALTA\nPaciente: ${upper(nome())}\nDiagnóstico:\n${healthCondition("pt")}\nPrescrição: ${medicine("pt")} 1x ao dia`,
    },
    {
      message: "surname-first list",
      make: () =>
        s`Plantão de domingo:\n${listedName("pt")}\n${listedName("pt")}\n${listedName("pt")}\nMonta a escala em tabela.`,
    },
    {
      message: "forwarded e-mail (moved house)",
      make: () =>
        s`---------- Mensagem encaminhada ---------\nDe: ${nome()}\n\nMudei para ${address("BR")}, favor atualizar o cadastro.\n\nResponde confirmando?`,
    },
    {
      message: "city-hall request",
      make: () =>
        s`Pedido de tapa-buraco: moradora ${nome("f")}, ${address("BR")}. O buraco já estourou dois pneus.`,
    },
    {
      message: "pregnancy follow-up",
      make: () =>
        s`A ${nome("f")} está com ${v("HEALTH", pick(["gestação de 32 semanas", "diabetes gestacional"]))} e toma ${v("HEALTH", pick(["insulina NPH", "sulfato ferroso 40 mg"]))}. Quais exames faltam no pré-natal?`,
    },
  ],
};

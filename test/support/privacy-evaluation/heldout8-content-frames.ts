/**
 * The eighth held-out set's lines with names, home addresses and health data only, no
 * identifier (heldout8-sentences.ts): community health workers' home visits, prayer requests in a
 * church group, parents' WhatsApp groups, veterinary and dental visits, gym health forms, funeral
 * notices, condominium complaints, police reports, social-programme visits, cooperative and
 * credit-union meetings, ride-hailing and delivery trips, NGO case notes, SMS and voice-to-text
 * transcripts, OCR'd forms and spreadsheet rows. Spans follow the rules in the header of
 * heldout8-values.ts.
 */
import { address, lower, upper } from "./heldout8-frames.js";
import {
  firstName,
  healthCondition,
  initialsName,
  listedName,
  medicine,
  nicknameName,
  personName,
  type Gender,
} from "./heldout8-people.js";
import {
  int,
  pick,
  s,
  time,
  v,
  type Country,
  type Draft,
  type Lang,
  type Value,
} from "./heldout8-values.js";

export interface ContentFrame {
  message: string;
  make: (country: Country) => Draft;
}

const name = (gender?: Gender): Value => personName("es", gender);
const nome = (gender?: Gender): Value => personName("pt", gender);
const cond = (): Value => healthCondition("es");
const med = (): Value => medicine("es");
const doenca = (): Value => healthCondition("pt");
const remedio = (): Value => medicine("pt");
/** One of `conditions`, said of the line's person: a span. */
const h = (conditions: readonly string[]): Value => v("HEALTH", pick(conditions));

export const contentFrames: Record<Lang, ContentFrame[]> = {
  es: [
    {
      message: "community health worker visit",
      make: (country) =>
        s`Visita domiciliaria de hoy: ${name("f")}, ${int(60, 89)} años, vive sola en ${address(country)}, tiene ${cond()} y no está tomando el ${med()}. Redactá el informe para la posta.`,
    },
    {
      message: "church prayer request",
      make: (country) =>
        s`Hermanos, oremos por la hermana ${name("f")} de ${address(country)}, que está internada con ${cond()}, y por su esposo ${firstName("es", "m")} que la acompaña. Bendiciones.`,
    },
    {
      message: "parents' WhatsApp group",
      make: () =>
        s`Mamis del 2°A, les aviso que ${name()} tiene ${h(["varicela", "hepatitis A", "escarlatina"])}, revisen a sus chicos. Atte. ${name("f")}`,
    },
    {
      message: "veterinary home visit",
      make: (country) =>
        s`Agenda de la veterinaria: ${time()} vacunación a domicilio en ${address(country)}, dueño ${name("m")}, dos perros y una gata. ¿Me ordenás la ruta del día?`,
    },
    {
      message: "dentist referral",
      make: () =>
        s`Derivación: paciente ${name()} con ${cond()} en tratamiento con ${med()}; se solicita evaluación antes de la cirugía periodontal. Dr. ${name("m")}.`,
    },
    {
      message: "gym health form",
      make: () =>
        s`Mi alumno ${name("m")} me dijo que tiene ${cond()} y toma ${med()}. ¿Qué ejercicios le evito en la rutina?`,
    },
    {
      message: "funeral notice",
      make: (country) =>
        s`Participamos con dolor el fallecimiento de ${name()} (QEPD). Sus restos son velados en su domicilio de ${address(country)}. Sus hijos ${firstName("es", "f")} y ${firstName("es", "m")} agradecen las oraciones.`,
    },
    {
      message: "condominium complaint",
      make: (country) =>
        s`Carta a la administración: soy ${name()}, vivo en ${address(country)}, y el ruido de la obra de arriba me está empeorando la ${h(["ansiedad", "migraña crónica", "presión alta"])}. Pido que se respeten los horarios.`,
    },
    {
      message: "police report (domestic violence)",
      make: (country) =>
        s`Quiero denunciar a mi expareja ${name("m")}, que me amenazó en mi casa de ${address(country)}. Estoy con ${h(["embarazo de 20 semanas", "depresión posparto", "ansiedad", "amenaza de aborto"])}. ¿Cómo pido la medida de protección?`,
    },
    {
      message: "social programme home visit",
      make: (country) =>
        s`Informe de visita AUH: la titular ${name("f")} reside en ${address(country)} con sus tres hijos; el menor, ${firstName("es", "m")}, tiene ${h(["TEA", "epilepsia", "asma", "síndrome de Down"])} y necesita certificado de discapacidad.`,
    },
    {
      message: "cooperative meeting minutes",
      make: () =>
        s`Acta de asamblea: se excusa el socio ${name("m")} por ${cond()}; preside ${name("f")} y hace de secretario ${initialsName("es")}. Pasalo en limpio.`,
    },
    {
      message: "credit union hardship letter",
      make: (country) =>
        s`Solicito reprogramar mi crédito porque mi esposa ${name("f")} fue diagnosticada con ${cond()}. Domicilio: ${address(country)}. Atentamente, ${name("m")}.`,
    },
    {
      message: "ride-hailing trip note",
      make: (country) =>
        s`llevé a una señora mayor a ${address(country)}, se llama ${lower(name("f"))}, me dijo que tiene ${lower(h(["diabetes", "Alzheimer", "presión alta", "Parkinson", "demencia senil"]))} y se le olvidó la cartera en el auto, cómo le aviso a la app`,
    },
    {
      message: "delivery of medicines",
      make: (country) =>
        s`Entregar ${med()} y ${med()} a ${name()} en ${address(country)}. Dejar con el portero si no está.`,
    },
    {
      message: "NGO case note",
      make: (country) =>
        s`Caso nuevo en la fundación: ${name("f")}, migrante, vive en ${address(country)}, ${cond()} sin tratamiento. Redactá la nota para el centro de salud.`,
    },
    {
      message: "voice-to-text transcript",
      make: () =>
        s`audio: oye dile a ${lower(nicknameName("es"))} que el papá de ${lower(firstName("es"))} salió del hospital que ya le controlaron la ${lower(healthCondition("es"))} que mañana lo visitamos`,
    },
    {
      message: "SMS from a clinic",
      make: (country) =>
        s`SMS: "Sr(a). ${upper(name())}, su control de ${cond()} es el ${int(1, 28)}/${int(1, 12)} a las ${time()}. Confirme respondiendo SI." — ¿es real? vivo en ${address(country)} y nunca di este número`,
    },
    {
      message: "OCR'd school health form",
      make: (country) =>
        s`FICHA DE SALUD DEL ALUMNO\nALUMNO: ${upper(name())}\nDOMICILIO: ${address(country)}\nENFERMEDADES: ${cond()}\nMEDICACION: ${med()}\n\n(salió torcido del escáner, ordenalo)`,
    },
    {
      message: "spreadsheet rows",
      make: () =>
        s`Pasá a tabla:\n${listedName("es")}\t${cond()}\n${listedName("es")}\t${med()}\n${listedName("es")}\tsin antecedentes`,
    },
    {
      message: "labour lawsuit (occupational illness)",
      make: (country) =>
        s`Demanda por enfermedad profesional: ${name()}, con domicilio en ${address(country)}, desarrolló ${h(["hernia de disco", "asma ocupacional", "hipoacusia"])} tras ${int(5, 20)} años en la planta. Mejorá los hechos.`,
    },
    {
      message: "funeral home arrangements",
      make: (country) =>
        s`La funeraria pasa a retirar a don ${name("m")} por ${address(country)}. Murió de ${h(["cirrosis", "Alzheimer avanzado", "cáncer de páncreas", "insuficiencia renal"])}. ¿Qué documentos necesito para el certificado?`,
    },
    {
      message: "pharmacy chat",
      make: (country) =>
        s`Hola, ¿tienen ${med()}? Es para mi abuela ${name("f")}, que tiene ${cond()}. ¿Lo mandan a ${address(country)}?`,
    },
    {
      message: "university accommodation request",
      make: () =>
        s`Solicitud de ajustes razonables: postulante ${name()}, con diagnóstico de ${h(["TDAH", "TEA", "dislexia", "epilepsia"])}, pide tiempo extra en los exámenes de admisión.`,
    },
    {
      message: "prenatal check at home",
      make: (country) =>
        s`Control prenatal domiciliario: ${name("f")}, ${h(["embarazo de 20 semanas", "embarazo de 32 semanas", "preeclampsia", "diabetes gestacional"])}, vive en ${address(country)}; su pareja ${firstName("es", "m")} trabaja de noche. ¿Qué le recomiendo?`,
    },
    {
      message: "civil registry death record",
      make: (country) =>
        s`Para inscribir la defunción de ${name()}, último domicilio ${address(country)}, el certificado médico dice ${h(["cáncer de pulmón", "cirrosis hepática", "neumonía", "infarto agudo de miocardio", "insuficiencia renal"])}. ¿Quién firma como declarante?`,
    },
  ],
  pt: [
    {
      message: "community health agent visit",
      make: (country) =>
        s`Visita da agente de saúde na ${address(country)}: ${nome("f")}, ${int(60, 92)} anos, com ${doenca()}, toma ${remedio()} mas diz que esquece. Escreve a anotação pro prontuário?`,
    },
    {
      message: "church prayer request",
      make: (country) =>
        s`Pedido de oração pela irmã ${nome("f")}, que mora na ${address(country)} e está com ${doenca()}. Quem puder levar uma cesta, fala comigo. ${firstName("pt", "f")}`,
    },
    {
      message: "parents' WhatsApp group",
      make: () =>
        s`Mães do 3º ano: o ${nome("m")} tá com ${h(["catapora", "conjuntivite", "caxumba"])}, fiquem de olho nos sintomas. Bjs, ${nome("f")}`,
    },
    {
      message: "veterinary home visit",
      make: (country) =>
        s`Agenda da clínica veterinária: ${time()} castração em domicílio na ${address(country)}, tutora ${nome("f")}. Organiza o roteiro?`,
    },
    {
      message: "dental anamnesis",
      make: () =>
        s`Paciente ${nome()} relata ${doenca()} e uso de ${remedio()}. Pode fazer anestesia com vasoconstritor? Dra. ${nome("f")}`,
    },
    {
      message: "gym health form",
      make: () =>
        s`O aluno ${nome("m")} tem ${doenca()} e usa ${remedio()}. Monta um treino leve pra ele?`,
    },
    {
      message: "funeral notice",
      make: (country) =>
        s`Comunicamos o falecimento de ${nome()}. O velório será na residência da família, ${address(country)}, a partir das ${time()}. ${firstName("pt")} e ${firstName("pt")} agradecem.`,
    },
    {
      message: "condominium complaint",
      make: (country) =>
        s`À síndica: sou ${nome()}, moro na ${address(country)}, tenho ${doenca()} e o cheiro da dedetização me fez mal. Peço aviso prévio.`,
    },
    {
      message: "police report",
      make: (country) =>
        s`Boletim de ocorrência: meu irmão ${nome("m")}, que tem ${h(["esquizofrenia", "autismo", "dependência química"])}, saiu de casa na ${address(country)} e não voltou. Como registro o desaparecimento?`,
    },
    {
      message: "Bolsa Família visit",
      make: (country) =>
        s`Relatório do CRAS: família de ${nome("f")}, ${address(country)}, gestante com ${h(["diabetes gestacional", "pressão alta", "sífilis"])}, filho ${firstName("pt", "m")} fora da escola.`,
    },
    {
      message: "cooperative meeting minutes",
      make: () =>
        s`Ata da cooperativa: ausente justificado o associado ${nome("m")}, em tratamento de ${doenca()}; secretária ${initialsName("pt")}. Passa a limpo?`,
    },
    {
      message: "delivery note",
      make: (country) =>
        s`entregar ${lower(remedio())} pra ${lower(nome())} na ${address(country)}, a pessoa tem ${lower(doenca())} e não sai de casa, tocar 2x`,
    },
    {
      message: "ride-hailing trip",
      make: (country) =>
        s`Levei um passageiro, ${nicknameName("pt")}, da ${address(country)} até a UPA; ele teve uma crise de ${h(["epilepsia", "asma", "ansiedade"])} no carro. Preciso relatar pro app?`,
    },
    {
      message: "NGO case note",
      make: (country) =>
        s`Caso da ONG: ${nome("f")}, ${address(country)}, ${doenca()}, sem acompanhamento no posto. Escreve o encaminhamento?`,
    },
    {
      message: "voice-to-text transcript",
      make: () =>
        s`áudio transcrito: gente a dona ${lower(nome("f"))} tá internada com ${lower(doenca())} quem puder visitar no hospital`,
    },
    {
      message: "OCR'd health form",
      make: (country) =>
        s`FICHA DE MATRICULA\nALUNO: ${upper(nome())}\nENDERECO: ${address(country)}\nDOENCAS: ${doenca()}\nREMEDIOS: ${remedio()}\n\n(escaneado torto, organiza)`,
    },
    {
      message: "spreadsheet rows",
      make: () =>
        s`Transforma em tabela:\n${listedName("pt")};${doenca()}\n${listedName("pt")};${remedio()}\n${listedName("pt")};nada consta`,
    },
    {
      message: "labour lawsuit",
      make: (country) =>
        s`Petição: ${nome()}, residente na ${address(country)}, desenvolveu ${h(["LER/DORT", "depressão", "perda auditiva"])} no frigorífico. Melhora os fatos?`,
    },
    {
      message: "prenatal appointment",
      make: (country) =>
        s`Agendamento no posto: ${nome("f")}, ${h(["gestante de 20 semanas", "gestação de alto risco", "pré-eclâmpsia"])}, mora na ${address(country)}. Teve ${h(["aborto espontâneo", "dois abortos espontâneos"])} no ano passado. Escreve o encaminhamento?`,
    },
    {
      message: "funeral home arrangements",
      make: (country) =>
        s`A funerária vai buscar o seu ${nome("m")} na ${address(country)}; ele faleceu de ${h(["AVC", "cirrose", "câncer de próstata"])}. Que documentos preciso?`,
    },
  ],
};

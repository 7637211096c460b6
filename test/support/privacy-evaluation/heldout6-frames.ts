/**
 * The sixth held-out set's messages (heldout6-sentences.ts): what a clinic, school, shop or public
 * office in Latin America pastes into a chat assistant or receives from it — support chats,
 * WhatsApp messages, e-mails pasted in, forms filled in, CRM notes, spreadsheet rows, letters to
 * rewrite or translate, clinical notes, school enrolments, invoices, bank transfers and Pix.
 * Each identifier message places one labelled value (`c.lv(joiner)`: its label, the joiner and
 * the value, or with "label glued" the label and the value with no space); the people, addresses
 * and conditions around it are spans too. Written without reading the detectors.
 */
import {
  birth,
  childBirth,
  day,
  fullDate,
  hour,
  int,
  pick,
  random,
  s,
  type Country,
  type Draft,
  type Kind,
  type Lang,
  type Role,
  type Value,
  type WrittenForm,
} from "./heldout6-values.js";

/** What a message is written with. */
export interface Ctx {
  lang: Lang;
  country: Country;
  kind: Kind;
  form: WrittenForm;
  label: string;
  value: Value;
  /** The label, `joiner` and the value; "label glued" keeps only a ":" or "#" of the joiner. */
  lv: (joiner: string) => Draft;
  name: (gender?: "f" | "m") => Value;
  given: (gender?: "f" | "m") => Value;
  address: () => Value;
  health: () => Value;
  drug: () => Value;
  /** A second contact in the message, written in the line's form where that form applies. */
  phone: () => Value;
  email: () => Value;
  money: () => string;
  city: () => string;
}

export interface IdFrame {
  name: string;
  lang: Lang;
  roles: readonly Role[] | "any";
  /** The label is not right before the value (a sheet's header): no "label glued". */
  apart?: boolean;
  /** No word names the value: only for kinds that stand out by their shape. */
  unlabelled?: boolean;
  /** The value stays on one line (a sheet's cell, a CSV row). */
  oneLine?: boolean;
  build: (c: Ctx) => Draft;
}

const frame = (
  lang: Lang,
  name: string,
  roles: IdFrame["roles"],
  build: IdFrame["build"],
  options: Pick<IdFrame, "apart" | "unlabelled" | "oneLine"> = {},
): IdFrame => ({ lang, name, roles, build, ...options });

const age = (): number => int(19, 88);
const company = (lang: Lang): string =>
  lang === "pt"
    ? pick([
        "Auto Peças Rio Verde Ltda.",
        "Padaria Pão Dourado ME",
        "Clínica Vida Plena Ltda.",
        "Mercadinho Bom Preço",
      ])
    : pick([
        "Ferretería El Clavo S.A.",
        "Distribuidora Andina SRL",
        "Consultorio Dental Sonrisa",
        "Librería Escolar Los Andes",
        "Panadería La Espiga",
      ]);
const banks: Partial<Record<Country, readonly string[]>> = {
  MX: ["BBVA", "Banorte", "Santander", "Banco Azteca"],
  AR: ["Banco Nación", "Galicia", "Macro"],
  BR: ["Nubank", "Itaú", "Caixa", "Banco do Brasil"],
};
const bank = (country: Country): string =>
  pick(banks[country] ?? ["Banco Pichincha", "BCP", "Bancolombia", "Itaú"]);

// ----- Spanish ------------------------------------------------------------------------------

export const spanishFrames: readonly IdFrame[] = [
  frame(
    "es",
    "support chat, data update",
    "any",
    (c) =>
      s`Hola buenas, en la app me sale un dato viejo. Mi ${c.lv(" correcto es ")}, está a nombre de ${c.name()}. ¿Lo pueden corregir?`,
  ),
  frame(
    "es",
    "whatsapp, quick message",
    "any",
    (c) =>
      s`holaa disculpa la hora 🙏 te paso mi ${c.lv(" ")} para lo del trámite, soy ${c.given()}`,
  ),
  frame(
    "es",
    "crm note",
    "any",
    (c) =>
      s`[${fullDate()} ${hour()}] Llamó ${c.name()} (${c.lv(": ")}). Reclama cobro duplicado de ${c.money()}. Devolver llamada mañana.`,
  ),
  frame(
    "es",
    "form filled in",
    "any",
    (c) =>
      s`Nombre y apellido: ${c.name()}\nFecha de nacimiento: ${birth()}\n${c.lv(": ")}\nDomicilio: ${c.address()}\nCiudad: ${c.city()}`,
  ),
  frame(
    "es",
    "e-mail pasted",
    "any",
    (c) =>
      s`De: ${c.email()}\nAsunto: RE: documentación pendiente\n\nBuenas tardes, les envío lo que faltaba. ${c.lv(": ")}.\nQuedo atenta,\n${c.name()}`,
  ),
  frame(
    "es",
    "letter to rewrite",
    "any",
    (c) =>
      s`Mejórame esta carta, que suene más formal: "yo ${c.name()} con ${c.lv(" ")} y domicilio en ${c.address()} pido que me den de baja el servicio de internet desde este mes"`,
  ),
  frame(
    "es",
    "complaint to summarise",
    "any",
    (c) =>
      s`Resume este reclamo en dos líneas para el área legal: el cliente ${c.name("m")}, ${c.lv(" ")}, dice que le cobraron dos veces ${c.money()} y que nadie le contesta desde el ${day()}.`,
  ),
  frame(
    "es",
    "sheet row with header",
    "any",
    (c) =>
      s`Nombre\t${c.label}\tCiudad\tEstado\n${c.name()}\t${c.value}\t${c.city()}\t${pick(["activo", "pendiente", "moroso"])}`,
    { apart: true, oneLine: true },
  ),
  frame(
    "es",
    "translation request",
    ["person"],
    (c) =>
      s`Tradúceme esto al inglés para la visa: "Por medio de la presente certifico que ${c.name()}, ${c.lv(" ")}, trabaja en nuestra empresa desde ${int(2005, 2023)}."`,
  ),
  frame(
    "es",
    "public office appointment",
    ["person"],
    (c) =>
      s`Buenos días, necesito turno para renovar el pasaporte. Mis datos son ${c.name()}, ${c.lv(" ")}, fecha de nacimiento ${birth()}.`,
  ),
  frame(
    "es",
    "rental application",
    ["person"],
    (c) =>
      s`Te mando los datos del inquilino para el contrato: ${c.name()}, ${c.lv(" ")}, vive actualmente en ${c.address()}, ${c.city()}.`,
  ),
  frame(
    "es",
    "invoice request",
    ["tax"],
    (c) =>
      s`Necesito la factura por favor\nRazón social: ${company("es")}\n${c.lv(": ")}\nMonto: ${c.money()}\nPago: transferencia`,
  ),
  frame(
    "es",
    "invoice in a chat",
    ["tax"],
    (c) =>
      s`me hacés la factura a nombre de ${c.name()} con ${c.lv(" ")}? mandala a ${c.email()} gracias`,
  ),
  frame(
    "es",
    "supplier registration",
    ["tax"],
    (c) =>
      s`Alta de proveedor\n- Contacto: ${c.name()}\n- ${c.lv(": ")}\n- Banco: ${bank(c.country)}\n- Teléfono: ${c.phone()}`,
  ),
  frame(
    "es",
    "bank transfer details",
    ["bank"],
    (c) =>
      s`Datos para depositar la colegiatura:\nBeneficiario: ${c.name()}\nBanco: ${bank(c.country)}\n${c.lv(": ")}\nConcepto: colegiatura ${pick(["marzo", "abril", "agosto"])}`,
  ),
  frame(
    "es",
    "whatsapp, account for a deposit",
    ["bank"],
    (c) => s`ahí te va mi ${c.lv(" ")} para que me deposites lo de la tanda 🙌`,
  ),
  frame(
    "es",
    "refund request",
    ["bank", "card"],
    (c) =>
      s`Solicito el reembolso de ${c.money()} a mi ${c.lv(" ")} porque cancelé la cita con anticipación. Atte. ${c.name()}`,
  ),
  frame(
    "es",
    "card charge dispute",
    ["card"],
    (c) => s`no reconozco un cargo de ${c.money()} en mi ${c.lv(" ")}, me ayudan?`,
  ),
  frame(
    "es",
    "pasted payment receipt",
    ["card"],
    (c) =>
      s`COMPROBANTE DE PAGO\nComercio: Farmacia San Judas\n${c.lv(": ")}\nImporte: ${c.money()}\nAutorización: ${random.digits(6)}`,
  ),
  frame(
    "es",
    "parent contact at school",
    ["contact"],
    (c) =>
      s`Buenas, soy la mamá de ${c.given()} de ${int(1, 6)}°B, mi ${c.lv(" es ")} por cualquier cosa que necesiten`,
  ),
  frame(
    "es",
    "callback request",
    ["contact"],
    (c) =>
      s`Por favor que me contacten, mi ${c.lv(" es ")} y estoy disponible después de las ${hour()}. Gracias, ${c.name()}`,
  ),
  frame(
    "es",
    "e-mail signature pasted",
    ["contact"],
    (c) => s`--\n${c.name()}\nAsistente administrativa | ${company("es")}\n${c.lv(": ")}`,
  ),
  frame(
    "es",
    "school enrolment form",
    ["child"],
    (c) =>
      s`Inscripción ciclo ${int(2026, 2027)}\nAlumno: ${c.name()}\n${c.lv(" del alumno: ")}\nFecha de nac.: ${childBirth()}\nTutor: ${c.name()}\nCel. tutor: ${c.phone()}`,
  ),
  frame(
    "es",
    "whatsapp to the teacher",
    ["child"],
    (c) =>
      s`profe buenas noches, le mando el ${c.lv(" ")} de ${c.given()} para el seguro escolar, disculpe la demora`,
  ),
  frame(
    "es",
    "clinical note",
    ["patient"],
    (c) =>
      s`Paciente ${c.name()}, ${c.lv(" ")}, ${age()} años. Dx: ${c.health()}. Tto: ${c.drug()}. Control en 30 días.`,
  ),
  frame(
    "es",
    "appointment for a relative",
    ["patient"],
    (c) =>
      s`Quiero sacar turno con cardiología para mi papá ${c.name("m")}, ${c.lv(" ")}, él tiene ${c.health()} y toma ${c.drug()}.`,
  ),
  frame(
    "es",
    "csv row without header",
    "any",
    (c) => s`${c.name()},${age()},${c.value},${pick(["activo", "baja", "pendiente"])}`,
    { unlabelled: true, apart: true, oneLine: true },
  ),
  frame(
    "es",
    "answer in a chat transcript",
    "any",
    (c) =>
      s`Agente: ¿me confirma el dato para continuar?\nCliente: ${c.value}\nAgente: gracias, un momento`,
    { unlabelled: true, apart: true },
  ),
];

// ----- Portuguese ---------------------------------------------------------------------------

export const portugueseFrames: readonly IdFrame[] = [
  frame(
    "pt",
    "support chat, data update",
    "any",
    (c) =>
      s`Oi, boa tarde! Meu cadastro tá com dado errado no app. O ${c.lv(" certo é ")}, no nome de ${c.name()}. Consegue arrumar?`,
  ),
  frame(
    "pt",
    "whatsapp, quick message",
    "any",
    (c) => s`opa, segue meu ${c.lv(" ")} pra vc adiantar o cadastro, aqui é ${c.given()} 👍`,
  ),
  frame(
    "pt",
    "crm note",
    "any",
    (c) =>
      s`[${fullDate()} ${hour()}] Cliente ${c.name()} (${c.lv(": ")}) ligou pedindo segunda via do boleto de ${c.money()}. Retornar amanhã.`,
  ),
  frame(
    "pt",
    "form filled in",
    "any",
    (c) =>
      s`Nome completo: ${c.name()}\nData de nascimento: ${birth()}\n${c.lv(": ")}\nEndereço: ${c.address()}\nCidade: ${c.city()}`,
  ),
  frame(
    "pt",
    "e-mail pasted",
    "any",
    (c) =>
      s`De: ${c.email()}\nAssunto: RE: documentos\n\nBom dia, segue o que faltava: ${c.lv(" ")}.\nAtenciosamente,\n${c.name()}`,
  ),
  frame(
    "pt",
    "letter to rewrite",
    "any",
    (c) =>
      s`Reescreve essa carta de um jeito mais formal: "eu ${c.name()}, ${c.lv(" ")}, morador da ${c.address()}, quero cancelar o plano da academia a partir desse mês"`,
  ),
  frame(
    "pt",
    "complaint to summarise",
    "any",
    (c) =>
      s`Resume essa reclamação pro jurídico: a cliente ${c.name("f")}, ${c.lv(" ")}, diz que foi cobrada duas vezes em ${c.money()} e ninguém responde desde ${day()}.`,
  ),
  frame(
    "pt",
    "sheet row with header",
    "any",
    (c) =>
      s`Nome\t${c.label}\tCidade\tSituação\n${c.name()}\t${c.value}\t${c.city()}\t${pick(["ativo", "pendente", "inadimplente"])}`,
    { apart: true, oneLine: true },
  ),
  frame(
    "pt",
    "job application",
    ["person"],
    (c) =>
      s`Segue meus dados pra vaga de auxiliar: ${c.name()}, ${c.lv(" ")}, ${age()} anos, moro em ${c.city()}.`,
  ),
  frame(
    "pt",
    "public office request",
    ["person"],
    (c) =>
      s`Bom dia, preciso agendar a emissão da segunda via da identidade. Dados: ${c.name()}, ${c.lv(" ")}, nascido em ${birth()}.`,
  ),
  frame(
    "pt",
    "nota fiscal request",
    ["tax"],
    (c) =>
      s`Pode emitir a nota fiscal?\nRazão social: ${company("pt")}\n${c.lv(": ")}\nValor: ${c.money()}\nForma de pagamento: boleto`,
  ),
  frame(
    "pt",
    "nota fiscal in a chat",
    ["tax"],
    (c) => s`faz a nota no nome de ${c.name()}, ${c.lv(" ")}, e manda no ${c.email()} por favor`,
  ),
  frame(
    "pt",
    "pix key",
    ["pix"],
    (c) => s`Pode fazer o Pix pra chave ${c.lv(" ")}? tá no nome de ${c.name()}, ${bank("BR")}`,
  ),
  frame(
    "pt",
    "pix for a refund",
    ["pix"],
    (c) =>
      s`Solicito o estorno de ${c.money()} via Pix. Chave (${c.lv("): ")}. Titular: ${c.name()}`,
  ),
  frame(
    "pt",
    "card charge dispute",
    ["card"],
    (c) =>
      s`Apareceu uma compra de ${c.money()} no meu ${c.lv(" ")} que eu não fiz, como contesto?`,
  ),
  frame(
    "pt",
    "pasted payment receipt",
    ["card"],
    (c) =>
      s`COMPROVANTE DE VENDA\nEstabelecimento: Drogaria Vida\n${c.lv(": ")}\nValor: ${c.money()}\nAUT: ${random.digits(6)}`,
  ),
  frame(
    "pt",
    "parent contact at school",
    ["contact"],
    (c) =>
      s`Oi, sou a mãe do ${c.given("m")} do ${int(1, 9)}º ano, meu ${c.lv(" é ")} qualquer coisa me chama`,
  ),
  frame(
    "pt",
    "e-mail signature pasted",
    ["contact"],
    (c) => s`--\n${c.name()}\nRecepção | ${company("pt")}\n${c.lv(": ")}`,
  ),
  frame(
    "pt",
    "school enrolment form",
    ["child"],
    (c) =>
      s`Ficha de matrícula ${int(2026, 2027)}\nAluno(a): ${c.name()}\n${c.lv(" do aluno: ")}\nNascimento: ${childBirth()}\nResponsável: ${c.name()}\nCelular do responsável: ${c.phone()}`,
  ),
  frame(
    "pt",
    "clinical note",
    ["patient"],
    (c) =>
      s`Paciente ${c.name()}, ${c.lv(" ")}, ${age()} anos, com ${c.health()}, em uso de ${c.drug()}. Retorno em 60 dias.`,
  ),
  frame(
    "pt",
    "appointment for a relative",
    ["patient"],
    (c) =>
      s`Quero marcar consulta pra minha mãe ${c.name("f")}, ${c.lv(" ")}, ela tem ${c.health()} e tá sem ${c.drug()}.`,
  ),
  frame(
    "pt",
    "delivery address",
    ["cep"],
    (c) =>
      s`Endereço pra entrega: ${c.address()}, ${pick(["Centro", "Jardim América", "Boa Vista"])}, ${c.city()}, ${c.lv(" ")}. Quem recebe é ${c.given()}.`,
  ),
  frame(
    "pt",
    "address form",
    ["cep"],
    (c) =>
      s`Logradouro: ${c.address()}\nBairro: ${pick(["Vila Nova", "Santa Mônica", "Parque das Nações"])}\nCidade: ${c.city()}\n${c.lv(": ")}`,
  ),
  frame(
    "pt",
    "csv row without header",
    "any",
    (c) => s`${c.name()};${age()};${c.value};${pick(["ativo", "inativo", "pendente"])}`,
    { unlabelled: true, apart: true, oneLine: true },
  ),
  frame(
    "pt",
    "answer in a chat transcript",
    "any",
    (c) =>
      s`Atendente: pode me confirmar o dado?\nCliente: ${c.value}\nAtendente: obrigado, só um instante`,
    { unlabelled: true, apart: true },
  ),
];

// ----- people, addresses and health, no identifier ------------------------------------------

export interface ContentCtx {
  lang: Lang;
  country: Country;
  name: (gender?: "f" | "m") => Value;
  given: (gender?: "f" | "m") => Value;
  listed: () => Value;
  address: () => Value;
  health: () => Value;
  drug: () => Value;
  city: () => string;
}

export interface ContentFrame {
  name: string;
  lang: Lang;
  build: (c: ContentCtx) => Draft;
}

const content = (lang: Lang, name: string, build: ContentFrame["build"]): ContentFrame => ({
  lang,
  name,
  build,
});

export const contentFrames: readonly ContentFrame[] = [
  content(
    "es",
    "referral sheet",
    (c) =>
      s`Hoja de referencia: paciente ${c.name()}, domicilio ${c.address()}, ${c.city()}. Motivo: ${c.health()}.`,
  ),
  content(
    "es",
    "whatsapp to the doctor",
    (c) =>
      s`hola doctor le escribe ${c.given("f")}, la hija de la señora ${c.name("f")}, ella sigue con ${c.health()} y ya se le acabó el ${c.drug()}`,
  ),
  content(
    "es",
    "letter to correct",
    (c) =>
      s`Corrígeme la ortografía: "Estimada Sra. ${c.name("f")}, le informamos que su hijo ${c.given("m")} fue diagnosticado con ${c.health()} y requiere acompañamiento."`,
  ),
  content(
    "es",
    "crm note, moved house",
    (c) =>
      s`Nota interna: ${c.name()} se mudó a ${c.address()}, ${c.city()}. Actualizar dirección de envío.`,
  ),
  content(
    "es",
    "note for the school",
    (c) =>
      s`La alumna ${c.name("f")} no podrá hacer educación física este mes por ${c.health()}, adjunto certificado. Atte., ${c.name()}`,
  ),
  content(
    "es",
    "delivery chat",
    (c) => s`el pedido va a ${c.address()}, lo recibe ${c.given()} si no estoy`,
  ),
  content(
    "es",
    "hr e-mail, sick leave",
    (c) =>
      s`Equipo: ${c.name()} estará con licencia médica por ${c.health()} hasta nuevo aviso. Cubrirá su turno ${c.given()}.`,
  ),
  content(
    "es",
    "complaint to the municipality",
    (c) =>
      s`Redáctame una queja para la municipalidad: vivo en ${c.address()} y el vecino ${c.name()} deja la basura en la vereda todas las noches.`,
  ),
  content(
    "es",
    "letter signature",
    (c) =>
      s`Sin otro particular, saludo a usted atentamente.\n\n${c.name()}\n${c.address()}\n${c.city()}`,
  ),
  content(
    "es",
    "pharmacy question",
    (c) => s`¿Tienen ${c.drug()}? Es para mi esposo ${c.name("m")}, que tiene ${c.health()}.`,
  ),
  content(
    "es",
    "insurance reimbursement form",
    (c) =>
      s`Formulario de reembolso\nTitular: ${c.name()}\nBeneficiario: ${c.name()}\nDiagnóstico: ${c.health()}\nDirección: ${c.address()}`,
  ),
  content(
    "es",
    "voice note transcribed",
    (c) =>
      s`[audio transcrito] oye soy ${c.given()}, mañana paso por la casa de ${c.name()} en ${c.address()} a buscar las llaves`,
  ),
  content(
    "es",
    "class list pasted",
    (c) => s`Lista 4°A:\n1. ${c.listed()}\n2. ${c.listed()}\n3. ${c.listed()} (${c.health()})`,
  ),
  content(
    "es",
    "home visit schedule",
    (c) =>
      s`Visita domiciliaria ${day()} ${hour()}: ${c.name()}, ${c.address()}, adulto mayor con ${c.health()}.`,
  ),
  content(
    "pt",
    "referral sheet",
    (c) =>
      s`Encaminhamento: paciente ${c.name()}, residente na ${c.address()}, ${c.city()}. Motivo: ${c.health()}.`,
  ),
  content(
    "pt",
    "whatsapp to the doctor",
    (c) =>
      s`oi doutora, aqui é ${c.given("f")}, filha da dona ${c.name("f")}. ela continua com ${c.health()} e acabou a ${c.drug()}`,
  ),
  content(
    "pt",
    "letter to correct",
    (c) =>
      s`Corrige o português: "Prezada Sra. ${c.name("f")}, informamos que seu filho ${c.given("m")} foi diagnosticado com ${c.health()} e precisa de acompanhamento."`,
  ),
  content(
    "pt",
    "crm note, moved house",
    (c) =>
      s`Obs.: ${c.name()} mudou pra ${c.address()}, ${c.city()}. Atualizar endereço de cobrança.`,
  ),
  content(
    "pt",
    "note for the school",
    (c) =>
      s`O aluno ${c.name("m")} vai faltar essa semana por causa de ${c.health()}, segue atestado. Att., ${c.name()}`,
  ),
  content(
    "pt",
    "delivery chat",
    (c) => s`entrega na ${c.address()}, se eu não tiver quem recebe é ${c.given()}`,
  ),
  content(
    "pt",
    "hr e-mail, sick leave",
    (c) =>
      s`Pessoal, ${c.name()} está afastado(a) por ${c.health()} até segunda ordem. Quem cobre é ${c.given()}.`,
  ),
  content(
    "pt",
    "complaint to the city",
    (c) =>
      s`Me ajuda a escrever uma reclamação pra prefeitura: moro na ${c.address()} e o vizinho ${c.name()} deixa entulho na calçada.`,
  ),
  content(
    "pt",
    "letter signature",
    (c) => s`Sem mais para o momento.\n\n${c.name()}\n${c.address()}\n${c.city()}`,
  ),
  content(
    "pt",
    "pharmacy question",
    (c) => s`Vocês têm ${c.drug()}? É pro meu marido ${c.name("m")}, que tem ${c.health()}.`,
  ),
  content(
    "pt",
    "health plan reimbursement form",
    (c) =>
      s`Pedido de reembolso\nTitular: ${c.name()}\nDependente: ${c.name()}\nCID/diagnóstico: ${c.health()}\nEndereço: ${c.address()}`,
  ),
  content(
    "pt",
    "voice note transcribed",
    (c) =>
      s`[áudio transcrito] oi é ${c.given()}, amanhã passo na casa da ${c.name("f")} na ${c.address()} pra pegar as chaves`,
  ),
  content(
    "pt",
    "class list pasted",
    (c) => s`Turma 5ºB:\n1. ${c.listed()}\n2. ${c.listed()}\n3. ${c.listed()} (${c.health()})`,
  ),
  content(
    "pt",
    "home visit schedule",
    (c) =>
      s`Visita domiciliar ${day()} ${hour()}: ${c.name("f")}, ${c.address()}, idosa acamada com ${c.health()}.`,
  ),
];

/**
 * The messages of the seventh held-out set's positive lines (heldout7-sentences.ts): what people
 * in Latin America paste into an assistant at work and at home — HR and payroll (legajo,
 * nómina, admissão, holerite), rental contracts, courier and insurance claims, lawyers' and
 * notaries' drafts, municipal and tax-office procedures, pharmacy orders, lab results,
 * telemedicine chats, school and university secretariats, social-media DMs, forwarded e-mails
 * with their headers and quoted replies, a developer's JSON, log line, query string, CSV or
 * markdown table, dictated text without punctuation, and text copied out of a PDF with its line
 * breaks. Spans follow the rules in the header of heldout7-values.ts.
 */
import {
  firstName,
  healthCondition,
  homeAddress,
  listedName,
  medicine,
  personName,
  type Gender,
} from "./heldout7-people.js";
import {
  amount,
  date,
  digits,
  emailFor,
  int,
  pick,
  s,
  shortDate,
  time,
  v,
  type Country,
  type Draft,
  type Lang,
  type Role,
  type Value,
} from "./heldout7-values.js";

/** One identifier line's pieces: the value with and without its label, and the line's person. */
export interface Slot {
  lang: Lang;
  country: Country;
  /** The label as written on this line ("CPF", "c.c. No."). */
  label: string;
  /** A developer's key for it ("cpf", "clave_elector"). */
  key: string;
  /** The label and the value: "DNI 30.123.456", or glued "DNI:30123456". */
  labelled: Draft;
  /** The value alone, as written. */
  value: Draft;
  /** The person the value belongs to. */
  name: Value;
  gender: Gender;
}

/** A message around one identifier; `bare` where the value goes without its label. */
export interface Frame {
  message: string;
  bare?: boolean;
  make: (slot: Slot) => Draft;
}

/** The word for the slot's person: `said(x, "la inquilina", "el inquilino")`. */
const said = (slot: Slot, feminine: string, masculine: string): string =>
  slot.gender === "f" ? feminine : masculine;

export const lower = (value: Value): Value => v(value.type, value.text.toLowerCase());
export const upper = (value: Value): Value => v(value.type, value.text.toUpperCase());

/** A home address and what follows it, the street part marked. */
export const address = (country: Country): Draft => {
  const { street, after } = homeAddress(country);
  return s`${street}${after}`;
};
const office: Record<Country, string> = {
  MX: "el SAT",
  AR: "ARCA",
  CO: "la DIAN",
  PE: "la SUNAT",
  CL: "el SII",
  EC: "el SRI",
  VE: "el SENIAT",
  UY: "la DGI",
  PY: "la DNIT",
  BO: "Impuestos Nacionales",
  BR: "a Receita Federal",
};
const month = (lang: Lang): string =>
  pick(
    lang === "es"
      ? ["enero", "marzo", "mayo", "agosto", "octubre", "noviembre"]
      : ["janeiro", "abril", "junho", "setembro", "outubro", "dezembro"],
  );
const expiry = (): string => `${String(int(1, 12)).padStart(2, "0")}/${int(27, 31)}`;
const tracking = (): string => pick([`OL${digits(9)}`, `GUIA-${digits(8)}`, digits(12)]);
const company = (lang: Lang): string =>
  pick(
    lang === "es"
      ? [
          "Transportes Andinos S.A.",
          "Logística del Sur SRL",
          "Mudanzas Rápidas",
          "Aseguradora Pacífico",
        ]
      : [
          "Transportadora Rápido Sul",
          "Log Express Ltda.",
          "Seguradora Horizonte",
          "Mercadão Entregas",
        ],
  );

// ----- Spanish, a person's document ----------------------------------------------------------

const esPerson: Frame[] = [
  {
    message: "HR new hire (legajo)",
    make: (x) =>
      s`Hola, armame el mail para RRHH: ingresa ${x.name} el ${date()} al área de depósito, ${x.labelled}, legajo ${digits(5)}. Que sea cortito.`,
  },
  {
    message: "payslip to check",
    make: (x) =>
      s`Revisá este recibo de sueldo: Empleado: ${listedName("es")} — ${x.labelled} — Categoría: Administrativo B — Básico: ${amount(x.country)}. ¿Está bien el descuento de jubilación?`,
  },
  {
    message: "rental contract clause",
    make: (x) =>
      s`Redactá la cláusula primera del contrato de alquiler: ${said(x, "la inquilina", "el inquilino")} ${x.name}, ${x.labelled}, con domicilio real en ${address(x.country)}, alquila el inmueble por 24 meses.`,
  },
  {
    message: "courier claim",
    make: (x) =>
      s`buenas, mi paquete no llegó, la guía es ${tracking()}, está a nombre de ${x.name} ${x.labelled}. ¿cómo redacto el reclamo a ${company("es")}?`,
  },
  {
    message: "insurance claim form",
    make: (x) =>
      s`Tengo que llenar la denuncia de siniestro: ${said(x, "asegurada", "asegurado")} ${x.name}, ${x.labelled}, choque del ${date()} en la autopista. Ayudame a describir lo que pasó sin echarme la culpa.`,
  },
  {
    message: "power of attorney draft",
    make: (x) =>
      s`Corregí la redacción de este poder: "Yo, ${x.name}, ${said(x, "identificada", "identificado")} con ${x.labelled}, otorgo poder amplio y suficiente a ${personName("es")} para que me represente ante el banco".`,
  },
  {
    message: "municipal procedure",
    make: (x) =>
      s`¿Qué papeles me piden en la municipalidad para la licencia de funcionamiento de una bodega? Van a estar a nombre de ${x.name}, ${x.labelled}, con domicilio en ${address(x.country)}.`,
  },
  {
    message: "pharmacy order",
    make: (x) =>
      s`Pedido para la farmacia: ${medicine("es")} x 2 cajas, paciente ${x.name}, ${x.labelled}, receta de la Dra. ${personName("es")}. Confirmame si hay stock.`,
  },
  {
    message: "lab results to explain",
    make: (x) =>
      s`Me llegaron los análisis de ${x.name} (${x.labelled}): hemoglobina 10,2 g/dL, ferritina 8 ng/mL. ¿Qué quiere decir? Explicámelo simple.`,
  },
  {
    message: "telemedicine chat",
    make: (x) =>
      s`Paciente: buenas noches doctora, soy ${x.name}, ${x.labelled}\nMédica: ¿qué le pasa?\nPaciente: tengo ${healthCondition("es")} y se me terminó el ${medicine("es")}\n\nResumí esta consulta para la historia clínica.`,
  },
  {
    message: "school secretariat",
    make: (x) =>
      s`Desde secretaría: confirmo la inscripción de ${x.name}, ${x.labelled}, domicilio ${address(x.country)}, en 3er año de la tecnicatura, turno noche. Necesito redactar la constancia de alumno regular.`,
  },
  {
    message: "social-media DM",
    make: (x) =>
      s`hola vi tu publicación del depa en marketplace!! me interesa, soy ${x.name}, te dejo mi ${x.labelled} por si lo necesitás para la reserva`,
  },
  {
    message: "forwarded e-mail with headers",
    make: (x) =>
      s`---------- Forwarded message ---------\nDe: ${x.name} <${v("EMAIL", emailFor(x.name.text, x.country))}>\nFecha: ${date()}\nAsunto: Documentación\n\nAdjunto copia de mi ${x.labelled}.\n\n¿Me ayudás a responderle que falta el recibo de sueldo?`,
  },
  {
    message: "dictated without punctuation",
    make: (x) =>
      s`anota que ${lower(x.name)} con ${x.labelled} vino a pagar la cuota de ${month("es")} y quedó debiendo ${amount(x.country)} avisale el lunes`,
  },
  {
    message: "text copied from a PDF",
    make: (x) =>
      s`CONSTANCIA DE INSCRIPCIÓN\nSe deja constancia que\n${upper(x.name)}\n${x.labelled}\nse encuentra inscripto/a en el padrón electoral.\n\n(lo copié del PDF, ¿lo pasás a texto normal?)`,
  },
  {
    message: "labour lawsuit draft",
    make: (x) =>
      s`Borrador de demanda laboral: ${said(x, "actora", "actor")} ${x.name}, ${x.labelled}, con domicilio en ${address(x.country)}, contra ${company("es")} por despido sin causa. Mejorá el estilo.`,
  },
];

// ----- Spanish, a tax number --------------------------------------------------------------------

const esTax: Frame[] = [
  {
    message: "invoice to issue",
    make: (x) =>
      s`Hacé la factura a nombre de ${x.name}, ${x.labelled}, por ${amount(x.country)} de honorarios de ${month("es")}.`,
  },
  {
    message: "landlord's receipt",
    make: (x) =>
      s`${said(x, "La propietaria", "El propietario")} ${x.name} (${x.labelled}) me da recibo del alquiler. ¿Qué pongo en el concepto para deducirlo?`,
  },
  {
    message: "tax-office deadline",
    make: (x) =>
      s`Tengo que presentar la declaración anual ante ${office[x.country]}: contribuyente ${x.name}, ${x.labelled}. ¿Hasta cuándo vence y qué pasa si me atraso?`,
  },
  {
    message: "courier contractor sign-up",
    make: (x) =>
      s`Alta de transportista independiente: ${x.name}, ${x.labelled}, ruta norte. Redactá el mail de bienvenida con los horarios de carga.`,
  },
  {
    message: "insurance payout",
    make: (x) =>
      s`La aseguradora pide el ${x.labelled} ${said(x, "de la beneficiaria", "del beneficiario")} ${x.name} para liquidar el siniestro ${digits(7)}. ¿Cómo se lo pido por escrito?`,
  },
  {
    message: "notary deed draft",
    make: (x) =>
      s`Escritura de compraventa — ${said(x, "vendedora", "vendedor")}: ${x.name}, ${x.labelled}; comprador: ${personName("es")}. Revisá si falta algún dato.`,
  },
  {
    message: "social-media DM",
    make: (x) => s`dale, te paso los datos para la factura de la torta: ${x.name} ${x.labelled} 😊`,
  },
  {
    message: "quoted e-mail reply",
    make: (x) =>
      s`> El ${date()}, ${x.name} escribió:\n> Te reenvío mi ${x.labelled} para el contrato de servicios.\n> Saludos\n\nRespondele que ya lo cargamos y que la primera factura sale el 5.`,
  },
  {
    message: "dictated without punctuation",
    make: (x) =>
      s`factura para ${lower(x.name)} ${x.labelled} por la mudanza del sábado ${amount(x.country)} pagado en efectivo`,
  },
  {
    message: "text copied from a PDF",
    make: (x) =>
      s`Apellido y nombre / Razón social:\n${upper(x.name)}\n${x.labelled}\nDomicilio fiscal: ${address(x.country)}\nCondición frente al IVA: responsable`,
  },
  {
    message: "withholding question",
    make: (x) =>
      s`${said(x, "La contratista", "El contratista")} ${x.name} emite recibo por honorarios con ${x.labelled}. ¿Le tengo que retener? Trabaja para nosotros desde ${month("es")}.`,
  },
];

// ----- Spanish, a CLABE -------------------------------------------------------------------------

const esBank: Frame[] = [
  {
    message: "payroll bank change",
    make: (x) =>
      s`Para la nómina de la quincena: ${x.name} cambió de banco, nueva ${x.labelled}. Actualízalo en el layout.`,
  },
  {
    message: "rent deposit",
    make: (x) =>
      s`Deposita la renta de ${month("es")} a mi ${x.labelled}, a nombre de ${x.name}, y mándame el comprobante por aquí.`,
  },
  {
    message: "insurance refund",
    make: (x) =>
      s`El reembolso de gastos médicos va a la ${x.labelled}, titular ${x.name}. ¿Así lo pongo en el formato de la aseguradora?`,
  },
  {
    message: "social-media DM",
    make: (x) =>
      s`porfa hazme la transferencia a esta ${x.labelled} 🙏 es de ${firstName("es", "f")}, mi hermana`,
  },
  {
    message: "forwarded e-mail with headers",
    make: (x) =>
      s`De: ${x.name}\nEnviado: ${date()}\nAsunto: Datos bancarios\n\nLes comparto mi ${x.labelled} para el pago del finiquito.\n\nTradúcelo al inglés para el corporativo.`,
  },
  {
    message: "dictated without punctuation",
    make: (x) =>
      s`transferir ${amount(x.country)} a la ${x.labelled} de ${lower(x.name)} por el flete de ayer`,
  },
];

// ----- cards ------------------------------------------------------------------------------------

const esCard: Frame[] = [
  {
    message: "card dispute",
    make: (x) =>
      s`Quiero desconocer un cargo de ${amount(x.country)} en mi ${x.labelled}, que vence ${expiry()}. Ayudame a escribirle al banco.`,
  },
  {
    message: "pharmacy order with delivery",
    make: (x) =>
      s`Pedido a domicilio: ${medicine("es")} para ${x.name}, pago con ${x.labelled}, envío a ${address(x.country)}.`,
  },
  {
    message: "cloned card",
    make: (x) =>
      s`hola me clonaron la ${x.labelled} y aparecen compras en una tienda online, qué hago primero??`,
  },
  {
    message: "travel-insurance form",
    make: (x) =>
      s`Formulario del seguro de viaje — titular: ${x.name}; medio de pago: ${x.labelled}. ¿Falta algo?`,
  },
  {
    message: "card for a monthly fee",
    bare: true,
    make: (x) =>
      s`${x.name} dejó anotado el número para el débito de la cuota del gimnasio: ${x.value} (vto. ${expiry()}). Pasalo a la planilla.`,
  },
  {
    message: "school fee",
    make: (x) =>
      s`Para la matrícula de la universidad pagamos con ${x.labelled}, a nombre de ${x.name}. Redactá el pedido de factura.`,
  },
];

const ptCard: Frame[] = [
  {
    message: "card dispute",
    make: (x) =>
      s`Quero contestar uma compra de ${amount("BR")} no meu ${x.labelled} que eu não reconheço. Me ajuda a escrever pro banco?`,
  },
  {
    message: "pharmacy order with delivery",
    make: (x) =>
      s`Pedido da farmácia: ${medicine("pt")} para ${x.name}, pagamento no ${x.labelled}, entregar na ${address("BR")}.`,
  },
  {
    message: "cloned card",
    make: (x) =>
      s`oi, clonaram meu ${x.labelled} e apareceu compra num app de delivery, o que faço primeiro?`,
  },
  {
    message: "university enrolment",
    make: (x) =>
      s`Matrícula da faculdade: ${said(x, "aluna", "aluno")} ${x.name}, débito recorrente no ${x.labelled}. Preciso de um recibo.`,
  },
  {
    message: "card for a booking",
    bare: true,
    make: (x) =>
      s`Segue o cartão pra reserva do salão de festas: ${x.value}, validade ${expiry()}, em nome de ${upper(x.name)}`,
  },
  {
    message: "dictated without punctuation",
    make: (x) =>
      s`cobrar a mensalidade ${said(x, "da", "do")} ${lower(x.name)} no ${x.labelled} todo dia ${String(Number(digits(1)) + 1)}`,
  },
];

// ----- contacts ---------------------------------------------------------------------------------

const esContact: Frame[] = [
  {
    message: "HR new hire",
    make: (x) =>
      s`Alta de ${x.name} en planta desde el ${date()}: ${x.labelled}. Mandale la bienvenida y el horario de ingreso.`,
  },
  {
    message: "courier claim",
    make: (x) =>
      s`Reclamo de envío: el repartidor nunca me llamó a mi ${x.labelled}. Soy ${x.name}, dirección ${address(x.country)}, guía ${tracking()}.`,
  },
  {
    message: "rental contract notice",
    make: (x) =>
      s`Contacto de ${said(x, "la inquilina", "el inquilino")} ${x.name}: ${x.labelled}. Redactá un aviso de que el contrato vence el ${date()}.`,
  },
  {
    message: "telemedicine appointment",
    make: (x) =>
      s`Confirmar teleconsulta de ${x.name} a las ${time()}; el enlace se manda a su ${x.labelled}.`,
  },
  {
    message: "university secretariat",
    make: (x) =>
      s`La secretaría de la facultad necesita el ${x.labelled} ${said(x, "de la alumna", "del alumno")} ${x.name} para enviarle el certificado analítico.`,
  },
  {
    message: "social-media DM",
    make: (x) =>
      s`holaa soy ${firstName("es", x.gender)}, escribime a mi ${x.labelled} y coordinamos lo del departamento`,
  },
  {
    message: "quoted e-mail",
    make: (x) =>
      s`-----Mensaje original-----\nDe: ${x.name}\nEnviado el: ${date()}\n\nPueden contactarme al ${x.labelled} en horario de oficina.\n\n¿Cómo le respondo formalmente?`,
  },
  {
    message: "dictated without punctuation",
    make: (x) =>
      s`recordame llamar a ${lower(x.name)} al ${x.labelled} mañana temprano por lo del seguro del auto`,
  },
  {
    message: "e-mail signature",
    bare: true,
    make: (x) =>
      s`Firma para el mail:\n${x.name}\n${said(x, "Abogada", "Abogado")} — Estudio jurídico\n${x.value}\n\n¿Queda prolija?`,
  },
  {
    message: "text copied from a PDF",
    make: (x) =>
      s`Datos del asegurado\nNombre y apellido: ${upper(x.name)}\n${x.labelled}\nDomicilio: ${address(x.country)}`,
  },
];

const ptContact: Frame[] = [
  {
    message: "HR admission",
    make: (x) =>
      s`Admissão ${said(x, "da", "do")} ${x.name} confirmada pra ${date()}. Contato: ${x.labelled}. Escreve a mensagem de boas-vindas?`,
  },
  {
    message: "courier claim",
    make: (x) =>
      s`A transportadora diz que tentou entregar mas ninguém ligou no meu ${x.labelled}. Sou ${x.name}, pedido ${tracking()}.`,
  },
  {
    message: "rental contract notice",
    make: (x) =>
      s`Contato ${said(x, "da inquilina", "do inquilino")} ${x.name}: ${x.labelled}. Preciso avisar do reajuste do aluguel pelo IGP-M.`,
  },
  {
    message: "telemedicine appointment",
    make: (x) =>
      s`Teleconsulta de ${x.name} às ${time()}; o link vai pro ${x.labelled}. Confirma pra mim?`,
  },
  {
    message: "school secretariat",
    make: (x) =>
      s`A secretaria da escola pediu o ${x.labelled} da responsável, ${x.name}, pra mandar o boletim.`,
  },
  {
    message: "social-media DM",
    make: (x) =>
      s`oii aqui é ${said(x, "a", "o")} ${firstName("pt", x.gender)}! me chama no ${x.labelled} pra gente ver a encomenda dos doces`,
  },
  {
    message: "forwarded e-mail",
    make: (x) =>
      s`---------- Mensagem encaminhada ---------\nDe: ${x.name}\nData: ${date()}\n\nPodem falar comigo pelo ${x.labelled}.\n\nResponde de um jeito formal?`,
  },
  {
    message: "dictated without punctuation",
    make: (x) =>
      s`lembrar de ligar ${said(x, "pra", "pro")} ${lower(x.name)} no ${x.labelled} amanhã cedo sobre o sinistro do carro`,
  },
  {
    message: "e-mail signature",
    bare: true,
    make: (x) =>
      s`Minha assinatura de e-mail:\n${x.name}\n${said(x, "Corretora", "Corretor")} de imóveis\n${x.value}\n\nFicou boa?`,
  },
  {
    message: "text copied from a PDF",
    make: (x) =>
      s`DADOS DO SEGURADO\nNome: ${upper(x.name)}\n${x.labelled}\nEndereço: ${address("BR")}`,
  },
];

// ----- Portuguese, a person's document -----------------------------------------------------------

const ptPerson: Frame[] = [
  {
    message: "HR admission checklist",
    make: (x) =>
      s`Checklist de admissão: ${x.name}, ${x.labelled}, carteira de trabalho digital ok, exame admissional dia ${shortDate()}. Falta alguma coisa?`,
  },
  {
    message: "payslip to check",
    make: (x) =>
      s`Olha esse holerite: Funcionário: ${listedName("pt")} | ${x.labelled} | Salário base ${amount("BR")}. O desconto do INSS tá certo?`,
  },
  {
    message: "rental contract clause",
    make: (x) =>
      s`Cláusula do contrato de locação: ${said(x, "LOCATÁRIA", "LOCATÁRIO")} ${x.name}, ${x.labelled}, residente na ${address("BR")}. Deixa mais formal.`,
  },
  {
    message: "courier claim",
    make: (x) =>
      s`Minha encomenda foi entregue em outro endereço. Destinatário ${x.name}, ${x.labelled}, pedido ${tracking()}. Escreve a reclamação pra ${company("pt")}?`,
  },
  {
    message: "insurance claim",
    make: (x) =>
      s`Aviso de sinistro: ${said(x, "segurada", "segurado")} ${x.name}, ${x.labelled}, batida no dia ${date()} na marginal. Me ajuda a descrever?`,
  },
  {
    message: "notary draft",
    make: (x) =>
      s`Minuta de procuração — OUTORGANTE: ${upper(x.name)}, ${said(x, "brasileira, casada", "brasileiro, casado")}, ${x.labelled}; OUTORGADO: ${personName("pt")}. Revisa a pontuação.`,
  },
  {
    message: "city-hall procedure",
    make: (x) =>
      s`Como peço a segunda via do IPTU pela prefeitura? O imóvel da ${address("BR")} tá no nome de ${x.name}, ${x.labelled}.`,
  },
  {
    message: "pharmacy order",
    make: (x) =>
      s`Pedido: ${medicine("pt")}, 2 caixas, paciente ${x.name}, ${x.labelled}, receita de controle especial. Tem em estoque?`,
  },
  {
    message: "telemedicine chat",
    make: (x) => {
      const at = time();
      return s`[${at}] Dra. ${personName("pt")}: Pode confirmar seus dados?\n[${at}] ${x.name}: ${x.labelled}, tenho ${healthCondition("pt")}\n\nResume o atendimento pro prontuário.`;
    },
  },
  {
    message: "school secretariat",
    make: (x) =>
      s`Preciso de uma declaração de matrícula para ${x.name}, ${x.labelled}, ${said(x, "moradora", "morador")} na ${address("BR")}, curso técnico noturno de enfermagem. Pode redigir?`,
  },
  {
    message: "social-media DM",
    make: (x) =>
      s`opa, segue meu ${x.labelled} pra colocar na lista da portaria do condomínio. ${firstName("pt", x.gender)}`,
  },
  {
    message: "text copied from a PDF",
    make: (x) =>
      s`DECLARAÇÃO DE RESIDÊNCIA\nDeclaro para os devidos fins que\n${upper(x.name)}\n${x.labelled}\nreside no endereço abaixo.\n\n(copiei do PDF, arruma a formatação)`,
  },
  {
    message: "dictated without punctuation",
    make: (x) =>
      s`anota aí o ${x.labelled} ${said(x, "da", "do")} ${lower(x.name)} pra emitir o atestado de comparecimento`,
  },
];

// ----- Portuguese, a CNPJ and a CEP ------------------------------------------------------------------

const ptTax: Frame[] = [
  {
    message: "service invoice",
    make: (x) =>
      s`Emitir nota fiscal para ${x.name}, MEI, ${x.labelled}, serviço de frete ${amount("BR")}.`,
  },
  {
    message: "supplier registration",
    make: (x) =>
      s`A ${company("pt")} pediu o ${x.labelled} da minha empresa pro cadastro de fornecedor. Sou ${x.name}; escreve a resposta?`,
  },
  {
    message: "service contract",
    make: (x) =>
      s`Contrato de prestação de serviços — CONTRATADA: ${x.name}, ${said(x, "microempreendedora", "microempreendedor")} individual, ${x.labelled}. Revisa as cláusulas de rescisão.`,
  },
  {
    message: "tax-office problem",
    make: (x) =>
      s`A Receita Federal diz que o ${x.labelled} tá com pendência de DASN. Como regularizo? (${x.name})`,
  },
  {
    message: "quoted e-mail reply",
    make: (x) =>
      s`Em ${date()}, ${x.name} escreveu:\n> Segue o ${x.labelled} para faturamento.\n\nResponde agradecendo e pede o endereço de cobrança.`,
  },
];

const ptCep: Frame[] = [
  {
    message: "delivery complaint",
    make: (x) => {
      const home = homeAddress("BR");
      return s`Entrega para ${x.name}: ${home.street}${home.after}, ${x.labelled}. O entregador disse que o endereço não existe; escreve a reclamação?`;
    },
  },
  {
    message: "HR address update",
    make: (x) => {
      const home = homeAddress("BR");
      return s`Atualizar endereço ${said(x, "da", "do")} ${x.name} no RH: ${home.street} — ${x.labelled}.`;
    },
  },
  {
    message: "online shop complaint",
    make: (x) =>
      s`meu ${x.labelled} é esse mas o site da loja não acha, moro na ${homeAddress("BR").street}. o que eu faço`,
  },
  {
    message: "freight quote",
    make: (x) =>
      s`O frete pro ${x.labelled} deu ${amount("BR")}, muito caro. Sou ${x.name}, tem retirada?`,
  },
  {
    message: "text copied from a PDF",
    make: (x) => {
      const home = homeAddress("BR");
      return s`Endereço: ${home.street}\nBairro: Centro\n${x.labelled}\nNome do titular: ${upper(x.name)}`;
    },
  },
];

/** Frames by language and role. */
export const framesFor: Record<Lang, Partial<Record<Role, Frame[]>>> = {
  es: { person: esPerson, tax: esTax, bank: esBank, card: esCard, contact: esContact },
  pt: { person: ptPerson, tax: ptTax, card: ptCard, contact: ptContact, cep: ptCep },
};

// ----- where the value sits under a key: JSON, log, query string, CSV, table ------------------------

/** Frames that put the value under its key; `query` marks the ones where it is URL-encoded. */
export interface KeyedFrame extends Frame {
  query?: boolean;
}

export const keyedFrames: Record<Lang, KeyedFrame[]> = {
  es: [
    {
      message: "JSON pasted by a developer",
      make: (x) =>
        s`¿Por qué este body me da 422?\n{"nombre": "${x.name}", "${x.key}": "${x.value}", "plan": "basico"}`,
    },
    {
      message: "URL query string",
      query: true,
      make: (x) => s`GET /api/v2/clientes?${x.key}=${x.value}&page=2 devuelve 500, ¿qué puede ser?`,
    },
    {
      message: "log line",
      make: (x) =>
        s`2026-11-30T14:22:07Z WARN validation failed ${x.key}=${x.value} reason=format  ← ¿qué significa este log?`,
    },
    {
      message: "markdown table",
      make: (x) =>
        s`| Nombre | ${x.label} | Área |\n|---|---|---|\n| ${x.name} | ${x.value} | Logística |\n\nAgregá una columna de fecha de ingreso.`,
    },
    {
      message: "CSV with header",
      make: (x) =>
        s`nombre;${x.key};fecha_alta\n${x.name};${x.value};${date()}\n¿cómo importo esto en Excel sin que se rompa?`,
    },
  ],
  pt: [
    {
      message: "JSON pasted by a developer",
      make: (x) =>
        s`Esse payload tá voltando 400, o que tem de errado?\n{"nome": "${x.name}", "${x.key}": "${x.value}", "ativo": true}`,
    },
    {
      message: "URL query string",
      query: true,
      make: (x) =>
        s`https://portal.exemplo.com.br/cadastro?${x.key}=${x.value}&origem=app — esse link tá dando 404`,
    },
    {
      message: "log line",
      make: (x) =>
        s`[ERROR] 2026-12-01 09:14:55 CadastroService: ${x.key}=${x.value} rejeitado pelo validador. O que pode ser?`,
    },
    {
      message: "markdown table",
      make: (x) =>
        s`| Nome | ${x.label} | Setor |\n|------|------|------|\n| ${x.name} | ${x.value} | Expedição |\n\nOrdena por setor.`,
    },
    {
      message: "CSV with header",
      make: (x) =>
        s`nome,${x.key},admissao\n${x.name},${x.value},${date()}\nComo importo no Sheets?`,
    },
  ],
};

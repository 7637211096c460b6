/**
 * The messages of the eighth held-out set's positive lines (heldout8-sentences.ts): what people
 * in Latin America paste into an assistant outside the office — agricultural cooperatives,
 * microfinance and credit unions, driving licences and public transport, university admissions
 * and scholarships, social programmes (Bolsa Família, Juntos, AUH), NGOs, veterinary and dental
 * clinics, gyms, funeral homes, churches, condominium administration, labour lawsuits, police
 * reports, the civil registry, marketplace sellers, ride-hailing and delivery drivers, parents'
 * WhatsApp groups, spreadsheet rows, OCR'd scanned forms, SMS and voice-to-text transcripts.
 * Spans follow the rules in the header of heldout8-values.ts.
 */
import {
  firstName,
  healthCondition,
  homeAddress,
  listedName,
  medicine,
  nicknameName,
  personName,
  type Gender,
} from "./heldout8-people.js";
import {
  amount,
  date,
  digits,
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
} from "./heldout8-values.js";

/** One identifier line's pieces: the value with and without its label, and the line's person. */
export interface Slot {
  lang: Lang;
  country: Country;
  /** The label as written on this line ("CPF", "cédula de ciudadanía No."). */
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

/** The word for the slot's person: `said(x, "la socia", "el socio")`. */
const said = (slot: Slot, feminine: string, masculine: string): string =>
  slot.gender === "f" ? feminine : masculine;

export const lower = (value: Value): Value => v(value.type, value.text.toLowerCase());
export const upper = (value: Value): Value => v(value.type, value.text.toUpperCase());

/** A home address and what follows it, the street part marked. */
export const address = (country: Country): Draft => {
  const { street, after } = homeAddress(country);
  return s`${street}${after}`;
};
const pet = (): string =>
  pick(["Firulais", "Canela", "Toby", "Pelusa", "Negrito", "Luna", "Thor", "Mishi"]);
const cattle = (): number => int(3, 80);
const plate = (lang: Lang): string =>
  lang === "pt"
    ? `${pick(["QTR", "RIO", "PXA", "FJK"])}${int(1, 9)}${pick(["A", "B", "C", "E"])}${int(10, 99)}`
    : `${pick(["ABC", "PQR", "KLT", "HBW"])}-${int(100, 999)}`;
const nickOrFirst = (lang: Lang, gender: Gender): Value =>
  pick([() => firstName(lang, gender), () => nicknameName(lang)])();

// ----- Spanish, a person's document ----------------------------------------------------------

const esPerson: Frame[] = [
  {
    message: "agricultural cooperative membership",
    make: (x) =>
      s`Acta de la cooperativa cafetalera: se aprueba el ingreso ${said(x, "de la socia", "del socio")} ${x.name}, ${x.labelled}, con ${cattle()} sacos de aporte. Redactá el punto 3 del acta.`,
  },
  {
    message: "microcredit application",
    make: (x) =>
      s`Solicitud de microcrédito grupal "Mujeres Emprendedoras": integrante ${x.name}, ${x.labelled}, negocio de venta de api y pasteles, monto ${amount(x.country)}. ¿Cómo justifico el destino del crédito?`,
  },
  {
    message: "driving licence renewal",
    make: (x) =>
      s`Voy a renovar el brevete, ¿qué exámenes piden? El trámite está a nombre de ${x.name}, ${x.labelled}, categoría A-IIb.`,
  },
  {
    message: "scholarship application",
    make: (x) =>
      s`Carta de motivación para la beca: "Mi nombre es ${x.name}, ${x.labelled}, soy ${said(x, "la primera", "el primero")} de mi comunidad en postular a la universidad..." Ayudame a terminarla.`,
  },
  {
    message: "social programme enrolment",
    make: (x) =>
      s`La promotora del programa Juntos me pidió los datos: titular ${x.name}, ${x.labelled}, dos hijos en primaria, domicilio ${address(x.country)}. ¿Qué más tengo que llevar?`,
  },
  {
    message: "veterinary clinic record",
    make: (x) =>
      s`Ficha veterinaria — paciente: ${pet()} (mestizo, 7 años); ${said(x, "propietaria", "propietario")}: ${x.name}, ${x.labelled}. Pasala a formato de historia clínica.`,
  },
  {
    message: "funeral home contract",
    make: (x) =>
      s`Contrato de servicio funerario: ${"contratante"} ${x.name}, ${x.labelled}, por el sepelio de su padre ${personName("es", "m")}. ¿Qué cláusula de pago me conviene?`,
  },
  {
    message: "police report",
    make: (x) =>
      s`Quiero hacer la denuncia por robo de celular en la comisaría. Denunciante: ${x.name}, ${x.labelled}. Me lo arrancaron en el paradero a las ${time()}. Escribime el relato.`,
  },
  {
    message: "civil registry birth",
    make: (x) =>
      s`En el registro civil me piden corregir el acta de nacimiento de mi hija: declarante ${x.name}, ${x.labelled}, el apellido quedó mal escrito. ¿Cómo redacto la solicitud de rectificación?`,
  },
  {
    message: "ride-hailing driver sign-up",
    make: (x) =>
      s`Para registrarme como conductor en la app me piden: nombre ${x.name}, ${x.labelled}, placa ${plate("es")}, SOAT vigente. ¿Qué es el certificado de antecedentes?`,
  },
  {
    message: "OCR'd scanned form",
    make: (x) =>
      s`FORMULARIO DE INSCRIPCI0N\nApellidos y Nombres: ${upper(x.name)}\n${x.labelled}\nFecha: ${date()}\n\n(lo escaneé con el celu y salió así, ¿lo limpiás?)`,
  },
  {
    message: "voice-to-text transcript",
    make: (x) =>
      s`audio transcrito: hola buenas soy ${lower(x.name)} mi ${x.labelled} quería saber si ya salió lo de la beca porque no me llegó nada`,
  },
  {
    message: "church baptism register",
    make: (x) =>
      s`Para la partida de bautismo en la parroquia: padrino ${x.name}, ${x.labelled}; madrina ${personName("es", "f")}. Armame el texto del certificado.`,
  },
  {
    message: "labour lawsuit (domestic worker)",
    make: (x) =>
      s`Demanda por beneficios sociales: ${said(x, "la trabajadora del hogar", "el trabajador")} ${x.name}, ${x.labelled}, laboró ${int(2, 15)} años sin contrato en ${address(x.country)}. Revisá la redacción.`,
  },
  {
    message: "dental clinic consent",
    make: (x) =>
      s`Consentimiento informado para extracción de tercer molar. Paciente ${x.name}, ${x.labelled}, refiere ${healthCondition("es")}. ¿Agrego algo por el riesgo?`,
  },
];

// ----- Spanish, a tax number --------------------------------------------------------------------

const esTax: Frame[] = [
  {
    message: "cooperative produce invoice",
    make: (x) =>
      s`La cooperativa tiene que pagarle a ${x.name} (${x.labelled}) por ${int(10, 90)} quintales de quinua. Armame la liquidación de compra.`,
  },
  {
    message: "marketplace seller",
    make: (x) =>
      s`Vendo ropa por Mercado Libre y me piden datos fiscales: ${x.name}, ${x.labelled}. ¿Me conviene el régimen simplificado?`,
  },
  {
    message: "gym owner invoice",
    make: (x) =>
      s`Soy ${said(x, "dueña", "dueño")} de un gimnasio chico. Los recibos salen a nombre de ${x.name}, ${x.labelled}. Haceme un modelo de factura por membresía trimestral de ${amount(x.country)}.`,
  },
  {
    message: "NGO donation receipt",
    make: (x) =>
      s`Certificado de donación para ${x.name}, ${x.labelled}, por ${amount(x.country)} a la fundación. ¿Qué leyenda pongo para que lo deduzca?`,
  },
  {
    message: "condominium administrator fee",
    make: (x) =>
      s`${said(x, "La administradora", "El administrador")} del edificio, ${x.name}, factura con ${x.labelled}. Los vecinos quieren saber si corresponde IVA sobre la cuota de administración.`,
  },
  {
    message: "delivery driver income",
    make: (x) =>
      s`trabajo de repartidor en moto y la app me pide facturar, mis datos ${lower(x.name)} ${x.labelled}, cuánto tengo que pagar de impuestos si gano ${amount(x.country)} al mes`,
  },
  {
    message: "dentist invoice",
    make: (x) =>
      s`Honorarios odontológicos — profesional: Od. ${x.name}, ${x.labelled}; concepto: endodoncia. Redactá el recibo.`,
  },
  {
    message: "SMS from a tax office",
    make: (x) =>
      s`me llegó este sms: "Estimado contribuyente ${upper(x.name)} ${x.labelled} tiene una deuda pendiente, ingrese al link" es estafa?`,
  },
  {
    message: "spreadsheet row",
    make: (x) =>
      s`Pegué esta fila del Excel de proveedores: ${x.name}\t${x.labelled}\tfletes\t${amount(x.country)}\n¿Cómo separo el nombre de la razón social?`,
  },
  {
    message: "funeral home invoice",
    make: (x) =>
      s`La funeraria facturó a ${x.name}, ${x.labelled}, el servicio velatorio de ${date()}. ¿Puedo pedir que la factura salga a nombre de mi hermano?`,
  },
  {
    message: "microfinance loan contract",
    make: (x) =>
      s`Pagaré — deudor: ${x.name}, ${x.labelled}; acreedor: Cooperativa de Ahorro y Crédito; monto ${amount(x.country)} a 18 cuotas. ¿Es legal la tasa?`,
  },
];

// ----- Spanish, a CLABE -------------------------------------------------------------------------

const esBank: Frame[] = [
  {
    message: "scholarship deposit",
    make: (x) =>
      s`La beca Benito Juárez se deposita en la ${x.labelled} de ${x.name}. No le ha llegado el pago de ${pick(["enero", "marzo", "mayo", "septiembre"])}, ¿a quién le escribo?`,
  },
  {
    message: "parents' WhatsApp group",
    make: (x) =>
      s`[${time()}] Mamá de ${firstName("es")}: para la cooperación del festival depositen a la ${x.labelled}, a nombre de ${x.name} 🙏`,
  },
  {
    message: "marketplace refund",
    make: (x) =>
      s`El comprador pide el reembolso a su ${x.labelled}, titular ${x.name}. ¿Es seguro o es fraude?`,
  },
  {
    message: "funeral collection",
    make: (x) =>
      s`Se está juntando para los gastos del velorio de don ${personName("es", "m")}. Los que quieran apoyar: ${x.labelled}, ${x.name}. Gracias a todos.`,
  },
  {
    message: "voice-to-text transcript",
    make: (x) =>
      s`nota de voz: oye mándale lo de la tanda a ${lower(x.name)} a su ${x.labelled} antes del viernes`,
  },
  {
    message: "labour settlement",
    make: (x) =>
      s`Convenio de liquidación: la empresa pagará ${amount(x.country)} a ${x.name} mediante transferencia a la ${x.labelled}. ¿Está bien redactado?`,
  },
];

// ----- cards ------------------------------------------------------------------------------------

const esCard: Frame[] = [
  {
    message: "gym membership debit",
    make: (x) =>
      s`Quiero dar de baja el débito automático del gimnasio en mi ${x.labelled}. Soy ${x.name}. Escribime la carta de baja.`,
  },
  {
    message: "veterinary payment",
    make: (x) =>
      s`La veterinaria cobró dos veces la cirugía de ${pet()} en la ${x.labelled}. ¿Cómo pido la devolución?`,
  },
  {
    message: "ride-hailing charge",
    make: (x) =>
      s`la app de taxi me cobró un viaje que no hice a mi ${x.labelled}, soy ${lower(x.name)}, qué pongo en el reclamo`,
  },
  {
    message: "SMS from a bank",
    make: (x) =>
      s`me llegó un mensaje "Compra aprobada por ${amount(x.country)} con su ${x.labelled}" y yo no compré nada`,
  },
  {
    message: "OCR'd donation form",
    bare: true,
    make: (x) =>
      s`DONANTE: ${upper(x.name)}\nN° TARJ: ${x.value}\nAPORTE MENSUAL: ${amount(x.country)}\n\n(es de la ONG, pasalo a una tabla)`,
  },
  {
    message: "dentist instalments",
    make: (x) =>
      s`La ortodoncia de mi hijo la pago en 12 cuotas con la ${x.labelled}, a nombre de ${x.name}. ¿Me conviene adelantar cuotas?`,
  },
];

const ptCard: Frame[] = [
  {
    message: "gym membership",
    make: (x) =>
      s`Quero cancelar a academia mas eles continuam cobrando no meu ${x.labelled}. Sou ${x.name}. Escreve a notificação?`,
  },
  {
    message: "veterinary payment",
    make: (x) =>
      s`Paguei a castração da ${pet()} no ${x.labelled} e a clínica veterinária cobrou duas vezes. Como peço o estorno?`,
  },
  {
    message: "ride-hailing charge",
    make: (x) =>
      s`o app de corrida cobrou no ${x.labelled} uma viagem que eu não fiz, sou ${lower(x.name)}, como reclamo`,
  },
  {
    message: "SMS from a bank",
    make: (x) =>
      s`recebi sms "Compra de ${amount("BR")} aprovada no ${x.labelled}", não fui eu, o que faço`,
  },
  {
    message: "OCR'd church tithe form",
    bare: true,
    make: (x) =>
      s`FICHA DE DIZIMISTA\nNOME: ${upper(x.name)}\nCARTAO: ${x.value}\nVALOR: ${amount("BR")}\n\n(saiu assim do scanner, arruma pra mim)`,
  },
  {
    message: "dental treatment",
    make: (x) =>
      s`O implante vai ser parcelado em 10x no ${x.labelled}, titular ${x.name}. Faz um recibo simples?`,
  },
];

// ----- contacts ---------------------------------------------------------------------------------

const esContact: Frame[] = [
  {
    message: "parents' WhatsApp group",
    make: (x) =>
      s`Grupo 3°B 👨‍👩‍👧: para la salida al zoológico, cualquier cosa me escriben a mi ${x.labelled}. ${said(x, "Mamá", "Papá")} de ${firstName("es")}, ${x.name}.`,
  },
  {
    message: "veterinary reminder",
    make: (x) =>
      s`Recordatorio de vacuna antirrábica para ${pet()}, ${said(x, "dueña", "dueño")} ${x.name}, ${x.labelled}. Redactá el mensaje amable.`,
  },
  {
    message: "condominium notice",
    make: (x) =>
      s`Aviso a los vecinos de la torre 2: cualquier filtración avisen a ${said(x, "la administradora", "el administrador")} ${x.name} al ${x.labelled}. Mejoralo.`,
  },
  {
    message: "marketplace buyer",
    make: (x) =>
      s`un comprador de marketplace quiere que le mande el sillón a ${address(x.country)}, se llama ${x.name} y su ${x.labelled}. ¿le pido adelanto?`,
  },
  {
    message: "university admission",
    make: (x) =>
      s`Admisión 2027: el postulante ${x.name} no recibió el código de verificación en su ${x.labelled}. Redactá la respuesta de la oficina.`,
  },
  {
    message: "NGO volunteer list",
    make: (x) =>
      s`Voluntarios para la olla común del sábado: ${listedName("es")}; ${x.name} (${x.labelled}). Armá el mensaje de convocatoria.`,
  },
  {
    message: "SMS transcript",
    make: (x) =>
      s`sms de ${date()}: "soy ${lower(nickOrFirst("es", x.gender))} el del taxi cualquier cosa a este ${x.labelled} ya estoy afuera"`,
  },
  {
    message: "funeral home contact",
    make: (x) =>
      s`Familiares de ${personName("es")} (QEPD): coordinación del velatorio con ${x.name}, ${x.labelled}. Escribí el aviso fúnebre.`,
  },
  {
    message: "church e-mail signature",
    bare: true,
    make: (x) =>
      s`Firma:\n${x.name}\nSecretaría Parroquial\n${x.value}\n\n¿Queda bien o le agrego el horario?`,
  },
  {
    message: "OCR'd police report",
    make: (x) =>
      s`ACTA DE DENUNCIA N° ${digits(5)}-${int(2025, 2026)}\nDENUNCIANTE: ${upper(x.name)}\n${x.labelled}\nHECHO: hurto de motocicleta\n\n(lo pasé por OCR, ¿lo ordenás?)`,
  },
];

const ptContact: Frame[] = [
  {
    message: "parents' WhatsApp group",
    make: (x) =>
      s`Grupo pais 5º ano: quem for levar prenda pra festa junina fala comigo no ${x.labelled}. ${x.name}, ${said(x, "mãe", "pai")} da ${firstName("pt", "f")}`,
  },
  {
    message: "veterinary reminder",
    make: (x) =>
      s`Lembrete: vacina V10 da ${pet()}, ${said(x, "tutora", "tutor")} ${x.name}, ${x.labelled}. Escreve uma mensagem simpática?`,
  },
  {
    message: "condominium notice",
    make: (x) =>
      s`Comunicado do condomínio: a ${said(x, "síndica", "síndico")} ${x.name} atende pelo ${x.labelled} das 9h às 18h. Deixa mais formal.`,
  },
  {
    message: "Mercado Livre buyer",
    make: (x) =>
      s`Vendi no Mercado Livre e o comprador pediu pra combinar a entrega por fora, ${x.labelled}, nome ${x.name}. É golpe?`,
  },
  {
    message: "university admission",
    make: (x) =>
      s`Vestibular: ${said(x, "a candidata", "o candidato")} ${x.name} não recebeu o resultado no ${x.labelled}. Como a secretaria deve responder?`,
  },
  {
    message: "NGO volunteer",
    make: (x) =>
      s`Cadastro de voluntário da ONG: ${x.name}, ${x.labelled}, disponível aos sábados. Escreve a mensagem de boas-vindas?`,
  },
  {
    message: "SMS transcript",
    make: (x) =>
      s`sms: "oi aqui é ${lower(nickOrFirst("pt", x.gender))} do uber, estou no portão, ${x.labelled}"`,
  },
  {
    message: "police report",
    make: (x) =>
      s`Boletim de ocorrência online: comunicante ${x.name}, ${x.labelled}, furto de bicicleta em frente à padaria. Me ajuda no histórico?`,
  },
  {
    message: "church e-mail signature",
    bare: true,
    make: (x) =>
      s`Assinatura:\n${x.name}\nSecretaria da Paróquia São Judas Tadeu\n${x.value}\n\nFicou boa?`,
  },
  {
    message: "voice-to-text transcript",
    make: (x) =>
      s`áudio transcrito: oi ${lower(firstName("pt"))} anota aí o ${x.labelled} ${said(x, "da", "do")} ${lower(x.name)} que vai fazer o frete da mudança`,
  },
];

// ----- Portuguese, a person's document -----------------------------------------------------------

const ptPerson: Frame[] = [
  {
    message: "agricultural cooperative",
    make: (x) =>
      s`Ficha de associado da cooperativa de leite: ${x.name}, ${x.labelled}, ${cattle()} vacas em lactação. Me ajuda a escrever o termo de adesão?`,
  },
  {
    message: "credit union loan",
    make: (x) =>
      s`Proposta de crédito rural no Sicredi: ${"proponente"} ${x.name}, ${x.labelled}, finalidade custeio de soja. Falta algum documento?`,
  },
  {
    message: "driving licence",
    make: (x) =>
      s`Minha CNH vence dia ${shortDate()}. Como renovo pelo app do Detran? Dados: ${x.name}, ${x.labelled}.`,
  },
  {
    message: "university scholarship",
    make: (x) =>
      s`Inscrição no ProUni: ${said(x, "candidata", "candidato")} ${x.name}, ${x.labelled}, renda per capita de ${amount("BR")}. Como comprovo a renda da família?`,
  },
  {
    message: "Bolsa Família",
    make: (x) =>
      s`O Bolsa Família da minha mãe foi bloqueado. Responsável familiar: ${x.name}, ${x.labelled}, ${said(x, "moradora", "morador")} na ${address("BR")}. O que faço no CRAS?`,
  },
  {
    message: "veterinary clinic",
    make: (x) =>
      s`Prontuário veterinário — animal: ${pet()}, SRD, 5 anos; tutor(a): ${x.name}, ${x.labelled}. Passa pra tabela?`,
  },
  {
    message: "funeral plan",
    make: (x) =>
      s`Plano funerário: titular ${x.name}, ${x.labelled}, dependentes ${personName("pt")} e ${personName("pt")}. Como incluo minha sogra?`,
  },
  {
    message: "police report",
    make: (x) =>
      s`Vou fazer o B.O. do golpe do Pix. Vítima: ${x.name}, ${x.labelled}. Transferi ${amount("BR")} achando que era meu sobrinho. Escreve o relato?`,
  },
  {
    message: "electoral registry",
    make: (x) =>
      s`Perdi o prazo da biometria no cartório eleitoral. Eleitor(a) ${x.name}, ${x.labelled}. Minha situação fica irregular?`,
  },
  {
    message: "delivery driver sign-up",
    make: (x) =>
      s`Cadastro de entregador no app: ${x.name}, ${x.labelled}, moto placa ${plate("pt")}. Por que recusaram meu cadastro?`,
  },
  {
    message: "OCR'd scanned form",
    make: (x) =>
      s`FICHA CADASTRAL - ACADEM1A\nNOME: ${upper(x.name)}\n${x.labelled}\nOBJETIVO: emagrecimento\n\n(foto do papel, passa pra texto?)`,
  },
  {
    message: "labour lawsuit",
    make: (x) =>
      s`Reclamação trabalhista: reclamante ${x.name}, ${x.labelled}, trabalhou como ${said(x, "diarista", "caseiro")} por ${int(2, 12)} anos sem registro. Melhora a petição?`,
  },
  {
    message: "dentist record",
    make: (x) =>
      s`Anamnese odontológica: paciente ${x.name}, ${x.labelled}, usa ${medicine("pt")}. Pode fazer extração?`,
  },
  {
    message: "voice-to-text transcript",
    make: (x) =>
      s`transcrição do áudio: bom dia aqui é ${lower(x.name)} o meu ${x.labelled} é esse aí queria saber do seguro desemprego`,
  },
];

// ----- Portuguese, a CNPJ and a CEP ------------------------------------------------------------------

const ptTax: Frame[] = [
  {
    message: "Mercado Livre seller",
    make: (x) =>
      s`Vendo artesanato no Mercado Livre como MEI: ${x.name}, ${x.labelled}. Preciso emitir nota de cada venda?`,
  },
  {
    message: "condominium administrator",
    make: (x) =>
      s`A administradora de condomínio de ${x.name} (${x.labelled}) cobra taxa de ${amount("BR")}. O síndico pode contratar sem assembleia?`,
  },
  {
    message: "delivery driver MEI",
    make: (x) =>
      s`sou motoboy e abri MEI, ${lower(x.name)} ${x.labelled}, quanto pago de DAS por mês`,
  },
  {
    message: "NGO receipt",
    make: (x) =>
      s`Recibo de doação à associação: doador ${x.name}, ${x.labelled}, valor ${amount("BR")}. Escreve o texto?`,
  },
  {
    message: "spreadsheet row",
    make: (x) =>
      s`Linha da planilha de fornecedores: ${x.name};${x.labelled};hortifrúti;${amount("BR")}\nComo separo em colunas?`,
  },
  {
    message: "gym partnership",
    make: (x) =>
      s`Contrato de parceria com o personal ${x.name}, ${x.labelled}, que dá aula na academia. Revisa a cláusula de exclusividade.`,
  },
];

const ptCep: Frame[] = [
  {
    message: "Mercado Livre delivery",
    make: (x) => {
      const home = homeAddress("BR");
      return s`Comprador ${x.name}: ${home.street}${home.after}, ${x.labelled}. O Mercado Envios diz que não atende esse CEP, e agora?`;
    },
  },
  {
    message: "Bolsa Família address update",
    make: (x) => {
      const home = homeAddress("BR");
      return s`Atualização do CadÚnico ${said(x, "da", "do")} ${x.name}: ${home.street} — ${x.labelled}. Precisa ir ao CRAS?`;
    },
  },
  {
    message: "SMS transcript",
    make: (x) =>
      s`sms dos correios: "objeto aguardando retirada, destinatário ${upper(x.name)}, ${x.labelled}" é golpe?`,
  },
  {
    message: "funeral transfer",
    make: (x) =>
      s`O translado do corpo vai pro ${x.labelled}, na casa da família de ${x.name}. Quanto custa mais ou menos?`,
  },
  {
    message: "OCR'd form",
    make: (x) => {
      const home = homeAddress("BR");
      return s`ENDERECO: ${home.street}\n${x.labelled}\nRESPONSAVEL: ${upper(x.name)}\n\n(escaneado, arruma os acentos)`;
    },
  },
];

/** Frames by language and role. */
export const framesFor: Record<Lang, Partial<Record<Role, Frame[]>>> = {
  es: { person: esPerson, tax: esTax, bank: esBank, card: esCard, contact: esContact },
  pt: { person: ptPerson, tax: ptTax, card: ptCard, contact: ptContact, cep: ptCep },
};

// ----- where the value sits under a key: JSON, query string, CSV row, table, form ----------------

/** Frames that put the value under its key; `query` marks the ones where it is URL-encoded. */
export interface KeyedFrame extends Frame {
  query?: boolean;
  /** Only for a document or tax number (a form's "ID:" field), not a contact, card or CEP. */
  documentsOnly?: boolean;
}

export const keyedFrames: Record<Lang, KeyedFrame[]> = {
  es: [
    {
      message: "JSON of a cooperative's app",
      make: (x) =>
        s`El endpoint de socios me devuelve esto, ¿por qué falta el saldo?\n{"socio": {"nombre": "${x.name}", "${x.key}": "${x.value}", "aportes": []}}`,
    },
    {
      message: "URL query string",
      query: true,
      make: (x) =>
        s`https://becas.ejemplo.edu/estado?${x.key}=${x.value}&convocatoria=2027 me sale "sin resultados"`,
    },
    {
      message: "CSV row without header",
      make: (x) =>
        s`Esta fila rompe la importación del padrón: "${x.name}";"${x.value}";"${date()}";"${pick(["activo", "baja", "moroso"])}"\n¿Es por las comillas?`,
    },
    {
      message: "pipe table",
      make: (x) =>
        s`Conductor | ${x.label} | Placa\n${x.name} | ${x.value} | ${plate("es")}\n¿Lo convertís a JSON?`,
    },
    {
      message: "form field after ID:",
      documentsOnly: true,
      make: (x) =>
        s`Registro de voluntario\nNombre: ${x.name}\nID: ${x.value}\nTipo de documento: ${x.label}\n¿Está completo?`,
    },
  ],
  pt: [
    {
      message: "JSON of a delivery app",
      make: (x) =>
        s`A API de entregadores retorna isso e o app trava:\n{"entregador": {"nome": "${x.name}", "${x.key}": "${x.value}", "status": "pendente"}}`,
    },
    {
      message: "URL query string",
      query: true,
      make: (x) => s`/consulta-beneficio?${x.key}=${x.value}&uf=PE dá erro 502, o que pode ser?`,
    },
    {
      message: "CSV row without header",
      make: (x) =>
        s`Essa linha do CSV da cooperativa tá quebrando: ${x.name},${x.value},${int(10, 900)} litros\nO que tem de errado?`,
    },
    {
      message: "pipe table",
      make: (x) =>
        s`| Associado | ${x.label} |\n| ${x.name} | ${x.value} |\n\nTransforma em lista numerada?`,
    },
    {
      message: "form field after ID:",
      documentsOnly: true,
      make: (x) =>
        s`Cadastro da academia\nAluno: ${x.name}\nID: ${x.value}\nDocumento: ${x.label}\nTá faltando o quê?`,
    },
  ],
};

/**
 * Messages with identifiers written without a label or with unusual ones, for dev4-sentences.ts.
 */
import { esRegion, id, n, name, pick, s, type Frame, type Value } from "./dev4-values.js";

const last4 = (value: Value) => value.text.replace(/\D/g, "").slice(-4);

export const esIdFrames: Frame[] = [
  {
    form: "card-last4-then-full",
    parts: () => {
      const c = id.card();
      return s`la tarjeta terminada en ${last4(c)}... no, mejor el número completo: ${c}`;
    },
  },
  {
    form: "card-no-spaces",
    parts: () => s`Número de tarjeta ${id.card(false)} vence ${n(1, 12)}/${n(26, 31)}`,
  },
  {
    form: "card-amex-4-6-5",
    parts: () => s`cárguenlo a mi amex ${id.amex()} que la otra está bloqueada`,
  },
  {
    form: "card-other-brand",
    parts: () => s`Pagué con la tarjeta ${id.otherCard()} y me cobraron dos veces el mismo monto`,
  },
  {
    form: "card-no-label-amid",
    parts: () => s`cobrar a ${id.card(true)} el total del mes, gracias`,
  },
  { form: "clabe-grouped-3-3-11-1", parts: () => s`CLABE: ${id.clabeGrouped()}` },
  {
    form: "clabe-no-label",
    parts: () => s`transfiéreme a ${id.clabe()} a nombre de ${name("es")} porfa`,
  },
  { form: "clabe-cuenta-clabe", parts: () => s`mi cuenta clabe es ${id.clabe()}, es de nómina` },
  {
    form: "clabe-interbancaria",
    parts: () => s`Interbancaria ${id.clabeNew()} (es de una app, no de banco)`,
  },
  { form: "rif-label-hyphens", parts: () => s`RIF: ${id.rif(true)}` },
  {
    form: "rif-compact",
    parts: () => s`el rif que tiene que salir en la factura es ${id.rif(false)}, sin guiones`,
  },
  { form: "label-after", parts: () => s`${id.rif()} ← ese es el RIF, el otro estaba vencido` },
  { form: "csv-row", parts: () => s`${name("es")};${id.curp()};${id.rfc()};CDMX` },
  {
    form: "pasted-form",
    parts: () =>
      s`Nombre completo: ${name("es")}\nCURP: ${id.curp()}\nClave de elector: ${id.ine()}\nCorreo: ${id.email("es")}`,
  },
  {
    form: "numbered-list",
    parts: () => s`te paso lo que pidieron: 1) cuil ${id.cuit(true)} 2) documento ${id.arDni()}`,
  },
  { form: "glued-punctuation", parts: () => s`RUT:${id.rut()}.` },
  {
    form: "parentheses",
    parts: () => s`mi cédula (${id.coCedula()}) ya está registrada en la EPS`,
  },
  {
    form: "two-values",
    parts: () => s`Cédula ${id.ecCedula()} y RUC ${id.ecRuc()}, los dos a mi nombre`,
  },
  {
    form: "label-after-dni",
    parts: () => s`${id.peDni()} es mi DNI, lo pongo de nuevo porque la vez pasada salió mal`,
  },
  { form: "uruguay-pair", parts: () => s`CI ${id.uyCedula()} / RUT ${id.uyRut()}` },
  { form: "unusual-label", parts: () => s`mi número de contribuyente en la SET es ${id.pyRuc()}` },
  { form: "ve-cedula-ci", parts: () => s`C.I. ${id.veCedula()}, estudiante de 3er semestre` },
  { form: "nit-invoice", parts: () => s`Factura a nombre de mi negocio, NIT ${id.nit()}` },
  {
    form: "email-or-phone",
    parts: () => s`escríbeme a ${id.email("es")} o al ${id.phone(esRegion())}`,
  },
  { form: "table-row", parts: () => s`| ${id.rfc()} | ${id.clabe()} | ${id.email("es")} |` },
  {
    form: "ruc-peru-label-after",
    parts: () => s`RUC de persona natural ${id.peRucPerson()} (soy independiente)`,
  },
];

export const ptIdFrames: Frame[] = [
  { form: "pis-label", parts: () => s`Meu PIS é ${id.pis()}` },
  { form: "pasep-label", parts: () => s`número do PASEP: ${id.pis()}, sou servidora estadual` },
  { form: "nis-label", parts: () => s`NIS ${id.pis()} (é o do Bolsa Família)` },
  { form: "nit-label", parts: () => s`NIT ${id.pis()} pra contribuir no INSS como autônoma` },
  {
    form: "numero-do-trabalhador",
    parts: () => s`número do trabalhador que aparece no app da carteira digital: ${id.pis(true)}`,
  },
  {
    form: "pis-label-after",
    parts: () => s`${id.pis(false)} é o número que tá na minha carteira de trabalho`,
  },
  {
    form: "card-last4-then-full",
    parts: () => {
      const c = id.card();
      return s`o cartão final ${last4(c)}... não, melhor o número todo: ${c}`;
    },
  },
  {
    form: "card-other-brand",
    parts: () => s`paguei no cartão ${id.otherCard()} e a compra não apareceu`,
  },
  {
    form: "card-no-spaces",
    parts: () => s`Cartão ${id.card(false)} validade ${n(1, 12)}/${n(26, 31)}`,
  },
  { form: "csv-row", parts: () => s`${name("pt")},${id.cpf()},${id.rg()},${id.cep()}` },
  {
    form: "pasted-form",
    parts: () =>
      s`Nome: ${name("pt")}\nCPF: ${id.cpf()}\nRG: ${id.rg()}\nCNH: ${id.cnh()}\nE-mail: ${id.email("pt")}`,
  },
  { form: "numbered-list", parts: () => s`1) CPF ${id.cpf()} 2) CNPJ do MEI ${id.cnpj()}` },
  { form: "glued-punctuation", parts: () => s`CPF:${id.cpf()};` },
  { form: "parentheses", parts: () => s`a habilitação (CNH ${id.cnh()}) tá vencendo mês que vem` },
  { form: "label-after", parts: () => s`${id.cpf()} - esse é o CPF do titular do plano` },
  { form: "two-values", parts: () => s`PIS ${id.pis()} e CPF ${id.cpf()}, pro seguro-desemprego` },
  {
    form: "email-or-phone",
    parts: () => s`me chama no zap ${id.phone("BR")} ou manda e-mail pra ${id.email("pt")}`,
  },
  { form: "cep-alone", parts: () => s`qual o frete pro CEP ${id.cep()}?` },
  { form: "rg-with-issuer", parts: () => s`RG ${id.rg()} SSP/SP, emitido em 2015` },
  { form: "json", parts: () => s`{"cpf":"${id.cpf()}","pis":"${id.pis()}"}` },
  { form: "table-row", parts: () => s`| ${name("pt")} | ${id.pis()} | admissão 03/2024 |` },
  {
    form: "pix-key",
    parts: () => s`chave pix: ${pick([id.cpf(), id.email("pt"), id.phone("BR")])}`,
  },
  { form: "card-amex-4-6-5", parts: () => s`o amex da empresa é ${id.amex()}, pode passar nele` },
  { form: "card-no-label-amid", parts: () => s`passa no ${id.card(true)} em 3x sem juros` },
];

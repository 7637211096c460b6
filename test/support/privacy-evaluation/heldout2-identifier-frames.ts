/**
 * The second held-out set's identifier and contact frames: every identifier type the scanner
 * knows, placed after a label, before one, glued to it, with none, in lists, tables, forms and
 * parentheses, and written with or without separators, with spaces, en dashes, in lower case or
 * wrapped over two lines.
 */
import {
  brokenAt,
  card,
  cep,
  clabe,
  clabeNewBank,
  cnh,
  cnpj,
  cnpjAlphanumeric,
  coCedula,
  compact,
  cpf,
  cuit,
  curp,
  date,
  ecCedula,
  ecRuc,
  email,
  enDash,
  frame,
  ine,
  lower,
  arDni,
  nit,
  nonBreakingHyphen,
  orderNumber,
  otherPhone,
  peDni,
  peRuc,
  phone,
  pick,
  pis,
  price,
  pyRuc,
  rfc,
  rg,
  rif,
  rut,
  s,
  spaced,
  time,
  uyCedula,
  uyPhoneNational,
  uyRut,
  veCedula,
  vePhoneNational,
  type Frame,
} from "./heldout2-values.js";

export const identifierFrames: Frame[] = [
  // ----- Brazil ---------------------------------------------------------------------------
  frame(
    "pt",
    "label-before",
    () => s`oi, bom dia! queria remarcar minha consulta, meu cpf é ${cpf()}`,
  ),
  frame("pt", "label-after", () => s`${cpf(true)} é o meu CPF, a nota pode sair nele mesmo`),
  frame("pt", "no-separators", () => s`Segue CPF do titular pra cadastro: ${cpf(false)}`),
  frame("pt", "glued-label", () => s`CPF:${cpf(true)} — preciso da segunda via do boleto`),
  frame("pt", "spaces", () => s`o cpf da minha mãe é ${spaced(cpf(true))}, ela não tem email`),
  frame(
    "pt",
    "en-dash",
    () => s`Prezados, informo meu CPF ${enDash(cpf(true))} para emissão do certificado.`,
  ),
  frame(
    "pt",
    "parentheses",
    () => s`Sou a responsável pelo aluno (CPF ${cpf(true)}) e gostaria de saber das notas`,
  ),
  frame("pt", "no-label", () => s`${cpf(true)}\nconsegue ver se meu pedido já saiu?`),
  frame(
    "pt",
    "form",
    () => s`Nome completo: (ver anexo)\nCPF: ${cpf()}\nRG: ${rg(true)}\nÓrgão emissor: SSP/SP`,
  ),
  frame(
    "pt",
    "label-before",
    () => s`meu RG é ${rg()} e foi emitido em São Paulo, serve pra matrícula?`,
  ),
  frame(
    "pt",
    "after-número",
    () => s`Documento de identidade número ${rg(true)}, expedido pela SSP`,
  ),
  frame(
    "pt",
    "label-before",
    () => s`CNPJ da minha empresa: ${cnpj(true)}. Preciso de nota fiscal com esse CNPJ`,
  ),
  frame("pt", "no-separators", () => s`sou MEI, o cnpj é ${cnpj(false)} pode faturar no meu nome`),
  frame(
    "pt",
    "alphanumeric",
    () => s`Recebemos o CNPJ novo ${cnpjAlphanumeric()} da filial, dá pra atualizar o cadastro?`,
  ),
  frame("pt", "label-before", () => s`Meu PIS é ${pis(true)}, preciso consultar o abono salarial`),
  frame("pt", "label-after", () => s`${pis(false)} (NIS) — o benefício ainda não caiu`),
  frame(
    "pt",
    "label-before",
    () =>
      s`Nº de registro da CNH: ${cnh()} — venceu mês passado, posso dirigir o carro da locadora?`,
  ),
  frame(
    "pt",
    "label-after",
    () => s`tenho a habilitação ${cnh()} categoria B, serve para o cadastro de entregador?`,
  ),
  frame("pt", "label-before", () => s`meu cep é ${cep()} vocês entregam aqui?`),
  frame("pt", "glued-label", () => s`CEP${cep(true)}, frete grátis?`),
  frame(
    "pt",
    "two-values",
    () => s`CPF ${cpf(true)} e PIS ${pis(true)}, tudo certinho pra admissão`,
  ),
  frame("pt", "csv-row", () => s`nome;cpf;telefone\nconforme ficha;${cpf()};${phone("BR", false)}`),
  frame(
    "pt",
    "list",
    () => s`Dados do paciente:\n- CPF ${cpf()}\n- Cartão SUS em anexo\n- CEP ${cep(true)}`,
  ),
  frame("pt", "line-break", () => s`CPF do responsável financeiro:\n${cpf(true)}\nobrigada`),
  frame(
    "pt",
    "non-breaking-hyphen",
    () => s`O CPF que consta no contrato é ${nonBreakingHyphen(cpf(true))}?`,
  ),

  // ----- Mexico ---------------------------------------------------------------------------
  frame("es", "label-before", () => s`buenas tardes, mi CURP es ${curp()} para lo de la beca`),
  frame("es", "lower-case", () => s`curp ${lower(curp())} no me deja registrar en la página`),
  frame("es", "no-label", () => s`${curp()}\nya me llegó el correo pero no la cita`),
  frame(
    "es",
    "label-after",
    () => s`${rfc(false)} es mi RFC, necesito factura del pedido ${orderNumber()}`,
  ),
  frame("es", "label-before", () => s`Favor de facturar a RFC ${rfc(true)}, uso de CFDI G03`),
  frame("es", "lower-case", () => s`mi rfc ${lower(rfc(false))} con homoclave, gracias`),
  frame("es", "label-before", () => s`Le paso mi CLABE para el reembolso: ${clabe()}`),
  frame("es", "spaces", () => {
    const value = clabe();
    const t = value.text;
    return s`CLABE interbancaria ${{ type: value.type, text: `${t.slice(0, 3)} ${t.slice(3, 6)} ${t.slice(6, 17)} ${t.slice(17)}` }}`;
  }),
  frame(
    "es",
    "clabe-new-bank",
    () => s`deposítame a mi cuenta de Mercado Pago, clabe ${clabeNewBank()}`,
  ),
  frame("es", "line-break", () => s`Cuenta CLABE:\n${brokenAt(clabe(), 6)}\nBanco: el de la app`),
  frame("es", "label-before", () => s`La clave de elector de mi INE es ${ine()}, ¿con eso basta?`),
  frame("es", "two-values", () => s`CURP ${curp()} / RFC ${rfc(false)}`),
  frame(
    "es",
    "form",
    () => s`Nombre: (ver INE)\nCURP: ${curp()}\nRFC: ${rfc(false)}\nTel: ${phone("MX", false)}`,
  ),

  // ----- Argentina, Chile, Uruguay, Paraguay -----------------------------------------------
  frame(
    "es",
    "label-before",
    () => s`Hola! mi DNI es ${arDni(true)}, quería saber si ya está el turno`,
  ),
  frame("es", "after-Nº", () => s`DNI Nº ${arDni()} - consulta por la cuota`),
  frame("es", "label-before", () => s`El CUIT para la factura A es ${cuit(true)}`),
  frame(
    "es",
    "label-after",
    () => s`${cuit(false)} mi cuil, lo necesitan para el alta en la obra social?`,
  ),
  frame("es", "en-dash", () => s`CUIL ${enDash(cuit(true))} (figura así en el recibo)`),
  frame("es", "label-before", () => s`mi rut es ${rut("dotted")} y no me aparece la hora médica`),
  frame("es", "no-separators", () => {
    const value = rut("hyphen");
    return s`RUT ${{ type: value.type, text: value.text.replace("-", "") }} por favor revisar boleta`;
  }),
  frame("es", "lower-case", () => {
    let value = rut("dotted");
    while (!value.text.endsWith("K")) value = rut("dotted");
    return s`rut ${lower(value)} (termina en k chica jaja)`;
  }),
  frame(
    "es",
    "label-before",
    () => s`Cédula de identidad: ${uyCedula(true)}, para agendar en la mutualista`,
  ),
  frame("es", "label-after", () => s`${uyCedula(false)} es mi ci, soy socia desde hace años`),
  frame("es", "label-before", () => s`RUT de la empresa unipersonal: ${uyRut()}`),
  frame("es", "label-before", () => s`Mi RUC paraguayo es ${pyRuc()}, necesito factura legal`),

  // ----- Andean countries and Venezuela ----------------------------------------------------
  frame("es", "label-before", () => s`NIT ${nit(true)} para la cuenta de cobro por favor`),
  frame("es", "label-after", () => s`${nit(false)} es el nit de mi negocio, quedo atento`),
  frame(
    "es",
    "label-before",
    () => s`cédula ${coCedula(true)} de Bogotá, necesito el certificado de afiliación`,
  ),
  frame(
    "es",
    "after-número",
    () => s`identificado con cédula de ciudadanía número ${coCedula()} expedida en Medellín`,
  ),
  frame(
    "es",
    "label-before",
    () => s`mi DNI es ${peDni()}, para la cita de mañana a las ${time()}`,
  ),
  frame("es", "label-after", () => s`${peDni()} ese es mi dni señorita`),
  frame("es", "label-before", () => s`RUC ${peRuc()} para la boleta/factura, gracias`),
  frame("es", "label-before", () => s`Mi cédula es ${ecCedula()}, quiero saber mi saldo del IESS`),
  frame("es", "label-before", () => s`Facturar al RUC ${ecRuc()} a nombre de la ferretería`),
  frame(
    "es",
    "label-before",
    () => s`buenas, mi cédula es ${veCedula()} y necesito actualizar mis datos`,
  ),
  frame("es", "glued-label", () => s`C.I.${veCedula()} / RIF ${rif(true)}`),
  frame(
    "es",
    "label-before",
    () => s`El RIF de mi firma personal es ${rif(false)}, ¿lo aceptan para el crédito?`,
  ),
  frame(
    "es",
    "table",
    () => s`| Documento | Número |\n|---|---|\n| Cédula | ${veCedula()} |\n| RIF | ${rif()} |`,
  ),
  frame("es", "table", () => s`Tipo\tNúmero\nDNI\t${peDni()}\nRUC\t${peRuc()}`),

  // ----- cards, e-mails, phones --------------------------------------------------------------
  frame("pt", "label-before", () => s`o número do cartão é ${card(true)}, a compra não passou`),
  frame("es", "no-label", () => s`${card(false)} vence 09/28, ¿por qué me rechazaron el pago?`),
  frame("es", "line-break", () => {
    const value = card(true);
    return s`tarjeta:\n${brokenAt(value, value.text.length - 9)}`;
  }),
  frame("pt", "text-end", () => s`Quero cancelar a assinatura do cartão ${card(true)}`),
  frame("pt", "label-before", () => s`meu email é ${email()} manda o boleto lá`),
  frame("es", "label-after", () => s`${email()} ese es mi correo, ahí no me llegó nada`),
  frame(
    "es",
    "signature",
    () => s`Quedo atenta.\n--\nContabilidad\n${email()} | ${phone("MX", true)}`,
  ),
  frame("pt", "email-arroba-word", () => {
    const value = email();
    return s`email: ${{ type: value.type, text: value.text.replace("@", " arroba ") }}`;
  }),
  frame(
    "pt",
    "label-before",
    () => s`Me liga nesse número: ${phone("BR", false)}, só depois das 18h`,
  ),
  frame("pt", "phone-cc", () => s`whats ${phone("BR", true)} (é o do meu marido)`),
  frame(
    "es",
    "phone-cc",
    () => s`Escríbeme al wsp ${phone("CL", true)} cuando esté listo el pedido`,
  ),
  frame("es", "label-before", () => s`mi celular es ${phone("CO", false)}, llámenme por favor`),
  frame("es", "label-before", () => s`Tel. ${phone("AR", false)} (casa) — de 9 a 13`),
  frame("es", "phone-cc", () => s`número de contacto ${phone("PE", true)}`),
  frame("es", "no-label", () => s`${phone("MX", false)} ahí me marcan para la entrega`),
  frame(
    "es",
    "phone-cc",
    () => s`Contacto en Montevideo: ${otherPhone("UY")}, en Asunción: ${otherPhone("PY")}`,
  ),
  frame("es", "label-before", () => s`celu ${uyPhoneNational()}, escribime por whatsapp`),
  frame(
    "es",
    "label-before",
    () => s`mi número es ${vePhoneNational()} (movistar) porfa me avisan`,
  ),
  frame(
    "es",
    "phone-cc",
    () => s`desde Costa Rica: ${otherPhone("CR")}; mi hermana en Guayaquil: ${otherPhone("EC")}`,
  ),
  frame(
    "es",
    "phone-cc",
    () => s`Llámame al ${otherPhone(pick(["VE", "GT", "BO"] as const))} si no contesto el correo`,
  ),

  // ----- more of Brazil, and the rarer Spanish-speaking ones -------------------------------
  frame(
    "pt",
    "label-before",
    () => s`Boa noite. Favor emitir a nota no CNPJ ${cnpj()} (razão social no anexo)`,
  ),
  frame("pt", "spaces", () => s`cnpj ${spaced(cnpj(true))} pra cadastro de fornecedor`),
  frame("pt", "after-número", () => s`Número do PIS/PASEP: ${pis()} — consta no extrato do FGTS`),
  frame(
    "pt",
    "text-end",
    () => s`Pra renovar a carteira de motorista me pediram o número da CNH: ${cnh()}`,
  ),
  frame("pt", "label-after", () => s`${rg(true)} é o número do meu RG, o antigo perdi`),
  frame("pt", "glued-label", () => s`RG:${rg(false)} CPF:${cpf(false)}`),
  frame("pt", "label-after", () => s`${cep(true)} esse é o cep certo, o do cadastro tá errado`),
  frame("pt", "no-label", () => s`${phone("BR", false)}\nme chama aí quando chegar`),
  frame(
    "pt",
    "phone-cc",
    () => s`Telefone para contato: ${phone("BR", true)} ou ${phone("BR", false)}`,
  ),
  frame("pt", "label-before", () => s`meu e-mail mudou, agora é ${email("gmail.com")}`),
  frame("pt", "lower-case", () => s`email ${email("bol.com.br")} (tudo minúsculo)`),
  frame("pt", "spaces", () => s`Cartão de crédito final: não, o número todo: ${card(true)}`),
  frame("pt", "en-dash", () => s`CEP ${enDash(cep(true))} — Rua sem saída`),
  frame(
    "pt",
    "table",
    () =>
      s`| Campo | Valor |\n|---|---|\n| CPF | ${cpf(true)} |\n| PIS | ${pis(true)} |\n| CEP | ${cep(true)} |`,
  ),
  frame("pt", "parentheses", () => s`Pagamento no cartão (${card(false)}) foi recusado duas vezes`),
  frame("pt", "two-values", () => s`CNH ${cnh()} e RG ${rg(true)}, os dois vencidos?`),
  frame("es", "label-before", () => s`Necesito factura a mi RUC ${pyRuc()}, timbrado al día`),
  frame(
    "es",
    "label-after",
    () => s`${ecCedula()} es mi número de cédula, estoy afiliado voluntario`,
  ),
  frame("es", "two-values", () => s`RUC ${ecRuc()} y cédula ${ecCedula()} del representante legal`),
  frame(
    "es",
    "label-before",
    () => s`RUT empresa ${uyRut(true)}, CI del titular ${uyCedula(true)}`,
  ),

  frame(
    "es",
    "parentheses",
    () => s`Me pidieron la clave de elector (${ine()}) para el trámite del crédito`,
  ),
  frame("es", "after-Nº", () => s`NIT Nº ${nit()} — régimen simple, favor no retener`),

  // ----- several at once, and forms ---------------------------------------------------------
  frame(
    "pt",
    "three-values",
    () => s`CPF ${cpf(true)}, tel ${phone("BR", false)}, email ${email()}`,
  ),
  frame(
    "es",
    "three-values",
    () => s`DNI ${arDni(true)} — CUIL ${cuit(true)} — cel ${phone("AR", true)}`,
  ),
  frame(
    "pt",
    "json",
    () => s`{"cpf": "${cpf(true)}", "cep": "${cep(true)}", "pedido": ${orderNumber()}}`,
  ),
  frame("es", "csv-row", () => s`rut,correo,monto\n${rut()},${email()},${price("es")}`),
  frame(
    "pt",
    "form",
    () =>
      s`CADASTRO\nCPF.......: ${cpf(true)}\nCNH.......: ${cnh()}\nCelular...: ${phone("BR", false)}\nCEP.......: ${cep(true)}`,
  ),
  frame("es", "quotes", () => s`me dice "cédula inválida" pero puse bien "${coCedula(false)}"`),
  frame(
    "es",
    "text-start",
    () => s`${curp()} y ${ine()} son mi curp y mi clave de elector, los pide el banco`,
  ),
  frame("pt", "glued-label", () => s`Cartão:${compact(card(true))} Validade: 03/29`),
  frame(
    "es",
    "two-values",
    () => s`pasaporte no tengo, solo DNI ${peDni()}, y mi esposo RUC ${peRuc()}`,
  ),
  frame(
    "pt",
    "date-nearby",
    () => s`Agendado para ${date()} às ${time()}. CPF ${cpf()} confirmado?`,
  ),
];

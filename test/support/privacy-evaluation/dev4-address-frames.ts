/**
 * Messages that hold a personal street address, for dev4-sentences.ts.
 */
import { A, esA, esStreet, full, lower, placeOf, ptA } from "./dev4-addresses.js";
import { esRegion, id, name, s, v, type Frame } from "./dev4-values.js";

export const esAddressFrames: Frame[] = [
  {
    form: "after-vivo-en",
    parts: () => s`hola buenas, vivo en ${full(esA())} y quería saber si hacen envíos hasta allá`,
  },
  { form: "after-mi-direccion-es", parts: () => s`Mi dirección es ${full(esA())}.` },
  { form: "after-direccion-de-envio", parts: () => s`Dirección de envío: ${full(esA())}` },
  {
    form: "form-field",
    parts: () => {
      const a = esA();
      return s`Nombre: ${name("es")}\nDirección: ${A(a)}\nCiudad: ${placeOf(a)}\nTeléfono: ${id.phone(esRegion())}`;
    },
  },
  {
    form: "no-intro",
    parts: () => s`Pasen por ${A(esStreet())} mañana después de las 3, ahí les recibe mi mamá`,
  },
  { form: "lower-case", parts: () => s`vivo en ${full(lower(esA()))} porfa mándenlo ahí` },
  {
    form: "line-break",
    parts: () => {
      const a = esA();
      return s`Les dejo mis datos para la factura:\n${a.pre}${A(a)}\n${placeOf(a)}`;
    },
  },
  {
    form: "text-start",
    parts: () => s`${A(esStreet())}, ahí es donde tienen que traer el colchón`,
  },
  {
    form: "text-end",
    parts: () => s`el técnico puede venir el jueves? la dirección es ${A(esStreet())}`,
  },
  { form: "after-name", parts: () => s`${name("es")}, ${full(esA())}` },
  {
    form: "signature",
    parts: () => {
      const a = esA();
      return s`Quedo atenta a su respuesta.\n\nSaludos cordiales,\n${name("es")}\n${a.pre}${A(a)}\n${placeOf(a)}\nCel. ${id.phone(esRegion())}`;
    },
  },
  {
    form: "list",
    parts: () =>
      s`Para el retiro necesito:\n1) copia de la boleta\n2) dirección: ${A(esStreet())}\n3) horario de 9 a 13`,
  },
  {
    form: "formal-letter",
    parts: () =>
      s`Por medio de la presente, yo, ${name("es")}, con domicilio en ${full(esA())}, solicito el cambio de titularidad del servicio.`,
  },
  {
    form: "change-of-address",
    parts: () => s`Me mudé, ya no estoy en ${A(esStreet())}. Ahora es ${full(esA())}`,
  },
  { form: "after-domicilio", parts: () => s`Domicilio: ${full(esA())}` },
  {
    form: "parentheses",
    parts: () => s`Mi hija va a recoger el pedido (vive en ${A(esStreet())}) si no hay problema`,
  },
  {
    form: "delivery-instruction",
    parts: () =>
      s`el repartidor no encontró la casa 🙄 es ${A(esStreet())}, portón verde al lado de la tienda`,
  },
  {
    form: "question",
    parts: () => s`¿Llega el envío a ${A(esStreet())}? es que la última vez se perdió`,
  },
  {
    form: "school-enrolment",
    parts: () =>
      s`Buenas tardes, para la matrícula de mi hijo: vivimos en ${full(esA())}, somos nuevos en el barrio`,
  },
  {
    form: "clinic-home-visit",
    parts: () =>
      s`necesito una visita a domicilio para mi papá, la dirección es ${full(esA())}, él no puede bajar escaleras`,
  },
  {
    form: "bank-update",
    parts: () =>
      s`Quiero actualizar mi domicilio en el banco. Anterior: ${A(esStreet())}. Nuevo: ${A(esStreet())}`,
  },
  { form: "quotes", parts: () => s`En el sistema figura "${A(esStreet())}" pero ya no vivo ahí` },
  {
    form: "after-calle",
    parts: () => s`estoy esperando el paquete en ${A(esStreet())} desde las 8 y nada`,
  },
  {
    form: "json",
    parts: () =>
      s`{"cliente": "${name("es")}", "direccion": "${A(esStreet())}", "pago": "contraentrega"}`,
  },
  {
    form: "csv-row",
    parts: () => {
      const a = esA();
      return s`${name("es")};${A(a)};${placeOf(a)};2`;
    },
  },
  {
    form: "two-addresses",
    parts: () => s`Recoger en ${A(esStreet())} y entregar en ${A(esStreet())}, es un sobre nomás`,
  },
  {
    form: "after-queda-en",
    parts: () =>
      s`La casa de mi abuela queda en ${full(esA())}, ¿pueden ir a instalar el internet allá?`,
  },
  {
    form: "dash-list",
    parts: () =>
      s`Datos para el flete:\n- origen: ${A(esStreet())}\n- destino: ${A(esStreet())}\n- 3 cajas y una heladera`,
  },
  {
    form: "municipal-claim",
    parts: () =>
      s`Hago el reclamo porque frente a ${A(esStreet())} hay un poste caído hace una semana`,
  },
  { form: "after-estoy-en", parts: () => s`Ya estoy en ${A(esStreet())}, bajo en 5 min` },
  {
    form: "rental",
    parts: () =>
      s`Consulto por el contrato de alquiler del depto de ${full(esA())}, ¿cuándo se renueva?`,
  },
  {
    form: "police-report",
    parts: () =>
      s`Quiero denunciar un robo ocurrido en mi domicilio, ${full(esA())}, el día sábado en la noche`,
  },
  {
    form: "after-referencia",
    parts: () =>
      s`Dirección: ${A(esStreet())}. Referencia: frente al parque, casa de dos pisos color crema`,
  },
  {
    form: "voice-note-transcript",
    parts: () =>
      s`eh sí hola, mire, le escribo porque la dirección que le di está mal, es ${A(esStreet())}, gracias`,
  },
  { form: "glued-colon", parts: () => s`Dirección:${A(esStreet())}` },
  {
    form: "uppercase-form",
    parts: () => {
      const a = esA();
      return s`DOMICILIO FISCAL: ${a.pre.toUpperCase()}${v("STREET_ADDRESS", a.street.toUpperCase())}${a.place.map((p) => (typeof p === "string" ? p.toUpperCase() : p))}`;
    },
  },
  {
    form: "insurance-claim",
    parts: () =>
      s`El siniestro fue en el estacionamiento de mi casa en ${A(esStreet())}, adjunto fotos`,
  },
  {
    form: "after-entregar-en",
    parts: () => s`Entregar en ${full(esA())}, preguntar por ${name("es")}`,
  },
  {
    form: "gas-appointment",
    parts: () =>
      s`para la revisión del medidor de gas, estamos en ${A(esStreet())}, cualquier día a la tarde`,
  },
  { form: "emergency", parts: () => s`URGENTE ambulancia a ${A(esStreet())} mi mamá se cayó` },
  {
    form: "pharmacy-delivery",
    parts: () =>
      s`Quiero que me manden los remedios a ${A(esStreet())}, pago con tarjeta al recibir`,
  },
  {
    form: "after-con-domicilio",
    parts: () =>
      s`${name("es")}, con domicilio en ${A(esStreet())}, declara bajo juramento que los datos son verdaderos.`,
  },
  { form: "table-row", parts: () => s`| ${name("es")} | ${A(esStreet())} | pendiente |` },
  {
    form: "wedding-invite",
    parts: () =>
      s`Los esperamos el sábado en nuestra casa, ${full(esA())}, a partir de las 7 pm 🎉`,
  },
  {
    form: "after-me-mude-a",
    parts: () =>
      s`me mudé a ${A(esStreet())} así que cambien la dirección de la suscripción por fa`,
  },
  { form: "after-colon-newline", parts: () => s`Dirección de facturación:\n${full(esA())}` },
  {
    form: "comma-separated",
    parts: () => {
      const a = esA();
      return s`${name("es")}, ${A(a)}, ${placeOf(a)}, ${id.phone(esRegion())}`;
    },
  },
  {
    form: "school-transport",
    parts: () =>
      s`Buenas, ¿el transporte escolar pasa por ${A(esStreet())}? los niños salen a las 6:40`,
  },
  {
    form: "after-ubicado-en",
    parts: () =>
      s`Tengo un terreno ubicado en ${full(esA())} y quiero saber si tiene deudas de impuesto predial`,
  },
  {
    form: "pickup-correction",
    parts: () => s`perdón no es ${A(esStreet())}, me equivoqué, es ${A(esStreet())}`,
  },
  {
    form: "courier-notice",
    parts: () =>
      s`Hola! No estaba cuando pasaron. Pueden volver a ${A(esStreet())}? Estoy todo el día mañana`,
  },
  {
    form: "semicolon-fields",
    parts: () => s`nombre ${name("es")}; dirección ${A(esStreet())}; horario tarde`,
  },
  {
    form: "neighbour",
    parts: () => s`Si no estoy, dejen el paquete con la vecina de ${A(esStreet())}`,
  },
  {
    form: "loan-application",
    parts: () =>
      s`Para el crédito me piden la dirección del negocio, que es mi misma casa: ${full(esA())}`,
  },
  { form: "after-en", parts: () => s`Nos vemos en ${A(esStreet())} a las 5, es mi casa` },
];

export const ptAddressFrames: Frame[] = [
  {
    form: "after-moro-na",
    parts: () => s`oi, boa tarde! moro na ${full(ptA())}, vocês entregam aqui?`,
  },
  { form: "after-endereco", parts: () => s`Endereço: ${full(ptA())}` },
  {
    form: "after-entregar-em",
    parts: () => s`Entregar em ${full(ptA())} depois das 18h, por favor`,
  },
  {
    form: "form-field",
    parts: () => {
      const a = ptA();
      return s`Nome: ${name("pt")}\nEndereço: ${A(a)}\nBairro/Cidade: ${placeOf(a)}\nCelular: ${id.phone("BR")}`;
    },
  },
  { form: "no-intro", parts: () => s`Passa na ${A(ptA())} amanhã que eu te entrego a chave` },
  { form: "lower-case", parts: () => s`meu endereço é ${full(lower(ptA()))} pode mandar pra lá` },
  {
    form: "line-break",
    parts: () => {
      const a = ptA();
      return s`Segue meu endereço pra nota:\n${A(a)}\n${placeOf(a)}`;
    },
  },
  { form: "text-start", parts: () => s`${A(ptA())}, é esse o endereço do cadastro, confere aí` },
  { form: "text-end", parts: () => s`o técnico da internet pode vir sábado? endereço ${A(ptA())}` },
  { form: "after-name", parts: () => s`${name("pt")} - ${full(ptA())}` },
  {
    form: "signature",
    parts: () => {
      const a = ptA();
      return s`Atenciosamente,\n${name("pt")}\n${A(a)}\n${placeOf(a)}\nTel. ${id.phone("BR")}`;
    },
  },
  {
    form: "list",
    parts: () =>
      s`Pra fazer a matrícula preciso mandar:\n1) RG do aluno\n2) comprovante de residência (${A(ptA())})\n3) foto 3x4`,
  },
  {
    form: "formal-letter",
    parts: () =>
      s`Eu, ${name("pt")}, residente na ${full(ptA())}, venho requerer a segunda via do carnê do IPTU.`,
  },
  {
    form: "change-of-address",
    parts: () => s`Mudei de endereço! Saí da ${A(ptA())} e agora tô na ${A(ptA())}`,
  },
  { form: "after-residente", parts: () => s`residente e domiciliado na ${full(ptA())}` },
  {
    form: "parentheses",
    parts: () => s`Minha sogra vai receber (ela mora na ${A(ptA())}), tudo bem?`,
  },
  {
    form: "delivery-instruction",
    parts: () => s`o motoboy tá perdido kkk é ${A(ptA())}, portão preto do lado da padaria`,
  },
  {
    form: "question",
    parts: () => s`Vocês atendem na ${A(ptA())}? Queria um orçamento de pintura`,
  },
  {
    form: "clinic-home-visit",
    parts: () => s`Preciso de coleta domiciliar pro exame da minha mãe, ela mora na ${full(ptA())}`,
  },
  {
    form: "bank-update",
    parts: () => s`Quero atualizar meu endereço no banco. Antigo: ${A(ptA())}. Novo: ${A(ptA())}`,
  },
  { form: "quotes", parts: () => s`No boleto tá "${A(ptA())}" mas eu não moro mais lá` },
  {
    form: "json",
    parts: () => s`{"nome": "${name("pt")}", "endereco": "${A(ptA())}", "frete": "PAC"}`,
  },
  {
    form: "csv-row",
    parts: () => {
      const a = ptA();
      return s`${name("pt")},"${A(a)}",${placeOf(a)},1`;
    },
  },
  {
    form: "two-addresses",
    parts: () => s`Coleta na ${A(ptA())} e entrega na ${A(ptA())}, são duas caixas`,
  },
  {
    form: "after-fica-na",
    parts: () => s`A casa da minha vó fica na ${full(ptA())}, dá pra instalar lá?`,
  },
  {
    form: "dash-list",
    parts: () =>
      s`Dados da mudança:\n- saída: ${A(ptA())}\n- chegada: ${A(ptA())}\n- geladeira, fogão e 10 caixas`,
  },
  {
    form: "municipal-claim",
    parts: () => s`Tem um buraco enorme na frente da ${A(ptA())} faz um mês, ninguém conserta`,
  },
  { form: "after-to-na", parts: () => s`já tô na ${A(ptA())}, pode descer` },
  {
    form: "rental",
    parts: () => s`Sobre o aluguel do apê da ${full(ptA())}: o reajuste vem em qual mês?`,
  },
  {
    form: "police-report",
    parts: () => s`Quero registrar um furto na minha residência, ${full(ptA())}, ontem à noite`,
  },
  {
    form: "after-referencia",
    parts: () => s`Endereço: ${A(ptA())}. Ponto de referência: em frente ao mercadinho`,
  },
  { form: "glued-colon", parts: () => s`End.:${A(ptA())}` },
  {
    form: "uppercase-form",
    parts: () => {
      const a = ptA();
      return s`ENDEREÇO: ${v("STREET_ADDRESS", a.street.toUpperCase())}${a.place.map((p) => (typeof p === "string" ? p.toUpperCase() : p))}`;
    },
  },
  {
    form: "pharmacy-delivery",
    parts: () => s`Manda o remédio pra ${A(ptA())}, pago no pix quando chegar`,
  },
  { form: "emergency", parts: () => s`SAMU urgente na ${A(ptA())} meu pai desmaiou` },
  { form: "table-row", parts: () => s`| ${name("pt")} | ${A(ptA())} | aguardando |` },
  {
    form: "party-invite",
    parts: () => s`Churrasco sábado lá em casa, ${full(ptA())}, a partir das 13h! 🍖`,
  },
  { form: "after-colon-newline", parts: () => s`Endereço de cobrança:\n${full(ptA())}` },
  {
    form: "comma-separated",
    parts: () => {
      const a = ptA();
      return s`${name("pt")}, ${A(a)}, ${placeOf(a)}, ${id.phone("BR")}`;
    },
  },
  {
    form: "school-transport",
    parts: () => s`A van escolar passa na ${A(ptA())}? As crianças saem 6h30`,
  },
  { form: "correction", parts: () => s`desculpa, não é ${A(ptA())}, errei, é ${A(ptA())}` },
  { form: "neighbour", parts: () => s`Se eu não estiver, deixa com a vizinha da ${A(ptA())}` },
  {
    form: "after-situado-na",
    parts: () => s`Tenho um imóvel situado na ${full(ptA())} e quero saber o valor venal`,
  },
  {
    form: "courier-notice",
    parts: () => s`Não tinha ninguém quando o carteiro passou. Pode voltar na ${A(ptA())} amanhã?`,
  },
  { form: "after-em", parts: () => s`A gente se encontra em ${A(ptA())} às 17h, é a minha casa` },
];

/**
 * The second held-out set's free-text frames: people's names, residential street addresses,
 * health conditions tied to a person, and messages that mix them with identifiers.
 */
import {
  addresses,
  birthDate,
  brazilianAddress,
  cep,
  chance,
  condition,
  cpf,
  curp,
  date,
  drug,
  email,
  frame,
  fullName,
  givenName,
  indigenousNames,
  peDni,
  phone,
  pick,
  random,
  rut,
  s,
  shortName,
  spanishAddress,
  time,
  v,
  type Frame,
} from "./heldout2-values.js";

const lowerName = (lang: "es" | "pt") => {
  const name = shortName(lang, pick(["f", "m"] as const));
  return v(name.type, name.text.toLowerCase());
};

export const nameFrames: Frame[] = [
  frame(
    "es",
    "after-paciente",
    () => s`La paciente ${fullName("es", "f")} no se presentó a la cita del ${date()}`,
  ),
  frame(
    "pt",
    "after-paciente",
    () => s`Paciente ${fullName("pt")}, retorno marcado para ${date()}`,
  ),
  frame(
    "es",
    "after-title",
    () => s`Buenos días, necesito hablar con la Dra. ${shortName("es", "f")} sobre unos resultados`,
  ),
  frame(
    "es",
    "after-title",
    () => s`El Sr. ${fullName("es", "m")} viene a recoger el paquete en mi nombre`,
  ),
  frame(
    "pt",
    "after-title",
    () => s`A Sra. ${fullName("pt", "f")} autorizou a retirada da encomenda`,
  ),
  frame("pt", "after-title", () => s`Consulta com o Dr. ${shortName("pt", "m")} foi cancelada?`),
  frame("es", "me-llamo", () => s`hola, me llamo ${fullName("es")} y quiero inscribir a mi hija`),
  frame("es", "lower-case", () => s`me llamo ${lowerName("es")}, tengo una duda con mi pedido`),
  frame("pt", "meu-nome", () => s`Boa tarde, meu nome é ${fullName("pt")}, sou cliente há 10 anos`),
  frame("pt", "lower-case", () => s`oi aqui é ${lowerName("pt")} do apto de cima kkk`),
  frame("es", "greeting", () => s`Hola ${givenName("es")}, ¿ya te llegó el comprobante?`),
  frame("pt", "greeting", () => s`Oi ${givenName("pt")}, tudo bem? Conseguiu ver meu pedido?`),
  frame(
    "es",
    "greeting",
    () => s`Estimada ${givenName("es", "f")}:\nLe escribo para confirmar la reunión de apoderados.`,
  ),
  frame("pt", "greeting", () => s`Prezado ${fullName("pt", "m")},\nsegue em anexo o comprovante.`),
  frame(
    "es",
    "signature",
    () =>
      s`Sin otro particular, saludos cordiales.\n${fullName("es", "f")}\nMadre de familia, 3º B`,
  ),
  frame("pt", "signature", () => s`Atenciosamente,\n${fullName("pt")}\nSetor de compras`),
  frame("es", "signature", () => s`gracias!! att. ${shortName("es")}`),
  frame("pt", "signature", () => s`Obrigada desde já!\n— ${shortName("pt", "f")}`),
  frame(
    "es",
    "list",
    () =>
      s`Lista de alumnos que faltaron:\n1. ${fullName("es")}\n2. ${fullName("es")}\n3. ${fullName("es")}`,
  ),
  frame("pt", "list", () => s`Alunos para a excursão:\n- ${fullName("pt")}\n- ${fullName("pt")}`),
  frame(
    "es",
    "form",
    () => s`Nombre del titular: ${fullName("es", "f")}\nParentesco: madre\nSeguro: Fonasa`,
  ),
  frame(
    "pt",
    "form",
    () => s`Nome do dependente: ${fullName("pt")}\nData de nascimento: ${birthDate()}`,
  ),
  frame(
    "es",
    "relative",
    () => s`mi mamá se llama ${fullName("es", "f")}, ella va a pasar a pagar`,
  ),
  frame(
    "pt",
    "relative",
    () => s`minha filha ${givenName("pt", "f")} esqueceu a mochila na sala ontem`,
  ),
  frame(
    "es",
    "relative",
    () =>
      s`Mi esposo ${fullName("es", "m")} tiene turno a las ${time()}, ¿puedo ir yo en su lugar?`,
  ),
  frame("pt", "third-party", () => s`quem vai receber é o ${shortName("pt", "m")}, meu vizinho`),
  frame(
    "es",
    "third-party",
    () => s`el repartidor dejó el paquete con ${fullName("es")}, que no vive aquí`,
  ),
  frame("pt", "text-start", () => s`${fullName("pt")} — matrícula do 2º ano, turma da manhã`),
  frame(
    "es",
    "text-start",
    () => s`${fullName("es")}, DNI en trámite, solicito constancia de alumno regular`,
  ),
  frame(
    "es",
    "two-names",
    () =>
      s`Somos ${givenName("es", "f")} y ${givenName("es", "m")}, los papás de Mateo, del kínder`,
  ),
  frame(
    "pt",
    "two-names",
    () => s`O contrato está no nome de ${fullName("pt")} e ${fullName("pt")}`,
  ),
  frame(
    "es",
    "csv-row",
    () => s`nombre,curso,nota\n${fullName("es")},4B,6.5\n${fullName("es")},4B,5.8`,
  ),
  frame("pt", "csv-row", () => s`aluno;turma;faltas\n${fullName("pt")};7A;3`),
  frame(
    "es",
    "formal-letter",
    () => s`Yo, ${fullName("es")}, mayor de edad, solicito la devolución del depósito de garantía.`,
  ),
  frame(
    "pt",
    "formal-letter",
    () =>
      s`Eu, ${fullName("pt", "f")}, brasileira, casada, venho requerer a segunda via do diploma.`,
  ),
  frame(
    "es",
    "parentheses",
    () => s`La transferencia la hizo mi cuñado (${shortName("es", "m")}) desde su cuenta`,
  ),
  frame(
    "pt",
    "parentheses",
    () => s`Quem atendeu foi a enfermeira (${givenName("pt", "f")}, acho) e foi ótima`,
  ),
  frame(
    "es",
    "after-title",
    () => s`Lic. ${fullName("es", "f")}, coordinadora de la escuela, me pidió este trámite`,
  ),
  frame(
    "pt",
    "after-title",
    () => s`Falei com o professor ${shortName("pt", "m")} e ele disse que a prova foi remarcada`,
  ),
  frame(
    "es",
    "quotes",
    () => s`en la receta dice "${fullName("es")}" pero mi apellido está mal escrito`,
  ),
  frame("pt", "quotes", () => s`o boleto saiu como "${fullName("pt")}", tem como corrigir?`),
  frame("es", "whatsapp", () => s`[${time()}] ${shortName("es")}: ya llegué a la recepción`),
  frame(
    "pt",
    "whatsapp",
    () => s`[${date()} ${time()}] ${shortName("pt")}: chegou aí o entregador?`,
  ),
  frame(
    "es",
    "greeting",
    () => s`Buenas noches ${givenName("es")}${pick([" ", " 🙏 ", ", "])}disculpa la hora`,
  ),
  frame(
    "pt",
    "after-title",
    () => s`Dona ${givenName("pt", "f")} pediu pra avisar que vai atrasar`,
  ),
  frame(
    "es",
    "after-title",
    () => s`Don ${givenName("es", "m")} ya pagó la mensualidad de noviembre`,
  ),
  frame(
    "es",
    "community",
    () =>
      s`Soy ${v("PERSON_NAME", pick(indigenousNames))}, vengo de parte de la comunidad para la reunión`,
  ),
  frame(
    "pt",
    "name-then-role",
    () => s`${shortName("pt", "f")}, mãe do Pedro, pediu reunião com a coordenação`,
  ),
  frame(
    "es",
    "list",
    () => s`Invitados a la entrega de diplomas: ${fullName("es")}; ${fullName("es")}.`,
  ),
  frame(
    "pt",
    "form",
    () => s`Responsável: ${fullName("pt", "f")} | Parentesco: avó | Turno: tarde`,
  ),
  frame(
    "es",
    "after-a-nombre-de",
    () => s`El pedido está a nombre de ${fullName("es")}, ¿lo puede recoger mi hermano?`,
  ),
  frame(
    "pt",
    "after-em-nome-de",
    () => s`A conta de luz está em nome de ${fullName("pt")}, que já faleceu`,
  ),
  frame("es", "forwarded", () => s`De: ${fullName("es")}\nAsunto: reclamo por cobro duplicado`),
  frame("pt", "forwarded", () => s`Encaminhado por ${fullName("pt")}: segue a lista de presença`),
  frame(
    "pt",
    "after-title",
    () => s`Seu ${givenName("pt", "m")} da portaria disse que a encomenda não chegou`,
  ),
  frame(
    "pt",
    "list",
    () => s`Escala do plantão:\n${shortName("pt")} – manhã\n${shortName("pt")} – tarde`,
  ),
  frame("pt", "signature", () => s`Grata,\nProfª ${fullName("pt", "f")}\nEE Prof. Anísio Teixeira`),
  frame("pt", "meu-nome", () => s`me chamo ${fullName("pt")} e quero saber do meu reembolso`),
  frame(
    "pt",
    "after-paciente",
    () => s`Laudo da paciente ${fullName("pt", "f")} já está disponível?`,
  ),
  frame(
    "pt",
    "formal-letter",
    () =>
      s`Declaro, para os devidos fins, que ${fullName("pt", "m")} é aluno regularmente matriculado.`,
  ),
  frame("pt", "text-end", () => s`Por favor transferir o atendimento para ${fullName("pt")}`),
  frame("pt", "greeting", () => s`Bom dia, ${givenName("pt")}! O orçamento ficou pronto?`),
  frame("es", "signature", () => s`Saludos,\nProf. ${fullName("es")}\nCiencias Naturales`),
];

export const addressFrames: Frame[] = [
  frame(
    "es",
    "label-before",
    () => s`Dirección de entrega: ${addresses.mx()}, col. Centro, Puebla`,
  ),
  frame("es", "label-before", () => s`vivo en ${addresses.ar()}, Caballito, CABA`),
  frame("es", "label-before", () => s`mi dirección es ${addresses.cl()}, Ñuñoa, Santiago`),
  frame(
    "es",
    "label-before",
    () => s`Para el domicilio: ${addresses.co()}, barrio Laureles, Medellín`,
  ),
  frame("es", "label-before", () => s`La dirección nueva es ${addresses.pe()}, Surquillo, Lima`),
  frame("es", "label-before", () => s`Envíen la factura física a ${addresses.ve()}, Caracas`),
  frame("es", "label-before", () => s`domicilio: ${addresses.uy()}, Montevideo`),
  frame("es", "label-before", () => s`Mi casa queda en ${addresses.ec()}, Quito`),
  frame(
    "es",
    "landmark-directions",
    () => s`la dirección de mi casa es ${addresses.ca()}, San José`,
  ),
  frame(
    "es",
    "landmark-directions",
    () => s`entregar ${addresses.ca()}, Managua. Preguntar por la tienda`,
  ),
  frame(
    "es",
    "landmark-directions",
    () => s`Vivo ${addresses.ca()}, Tegucigalpa, por si necesitan mandar al técnico`,
  ),
  frame(
    "pt",
    "label-before",
    () => s`Endereço de entrega: ${addresses.br()} - Centro, Curitiba/PR`,
  ),
  frame("pt", "label-before", () => s`moro na ${addresses.br()}, Boa Viagem, Recife`),
  frame("pt", "label-before", () => s`meu endereço é ${addresses.df()}, Asa Norte, Brasília - DF`),
  frame("pt", "brasilia", () => s`entrega na ${addresses.df()}, o porteiro recebe`),
  frame("pt", "with-cep", () => s`${brazilianAddress()}, CEP ${cep(true)} — pode mandar por Sedex`),
  frame(
    "pt",
    "form",
    () => s`Logradouro: ${addresses.br()}\nBairro: Jardim América\nCidade: Goiânia`,
  ),
  frame("es", "form", () => s`Calle y número: ${addresses.mx()}\nColonia: Del Valle\nC.P. 03100`),
  frame("es", "form", () => s`Domicilio particular: ${spanishAddress()}\nTeléfono: (ver arriba)`),
  frame(
    "pt",
    "line-break",
    () => s`Endereço:\n${brazilianAddress()}\nVila Mariana\nSão Paulo - SP`,
  ),
  frame("es", "line-break", () => s`Enviar a:\n${addresses.ar()}\nRosario, Santa Fe\nCP 2000`),
  frame(
    "pt",
    "rural",
    () => s`moro no ${addresses.br()}, zona rural de Feira de Santana, o carro chega até lá?`,
  ),
  frame("es", "rural", () => s`Es en ${addresses.ar()}, pasando el puente, casa con portón verde`),
  frame("es", "rural", () => s`nuestra chacra está en ${addresses.cl()}, Buin`),
  frame("pt", "whatsapp", () => s`to na ${addresses.br()} esperando o motoboy`),
  frame("es", "whatsapp", () => s`ya estoy afuera de ${spanishAddress()}, toco timbre?`),
  frame(
    "pt",
    "change-of-address",
    () => s`Mudei de endereço: agora é ${brazilianAddress()}. Atualizem o cadastro, por favor.`,
  ),
  frame(
    "es",
    "change-of-address",
    () => s`Cambié de domicilio, el nuevo es ${spanishAddress()}. Favor de actualizar.`,
  ),
  frame("pt", "relative", () => s`a casa da minha mãe fica na ${addresses.br()}, Juiz de Fora`),
  frame(
    "es",
    "relative",
    () => s`mi abuela vive en ${spanishAddress()} y necesita la visita domiciliaria`,
  ),
  frame("pt", "parentheses", () => s`Pode deixar na portaria (${addresses.br()}) com o seu Zé`),
  frame(
    "es",
    "parentheses",
    () => s`El técnico puede venir a mi casa (${spanishAddress()}) el sábado`,
  ),
  frame(
    "pt",
    "csv-row",
    () => s`cliente;endereco;cidade\n${orderLabel()};${addresses.br()};Salvador`,
  ),
  frame(
    "es",
    "table",
    () => s`| Campo | Dato |\n|---|---|\n| Dirección | ${addresses.co()} |\n| Ciudad | Cali |`,
  ),
  frame(
    "es",
    "letter",
    () =>
      s`Señores del banco: informo que mi dirección actual es ${addresses.pe()}, Arequipa, y no recibí los estados de cuenta.`,
  ),
  frame(
    "pt",
    "letter",
    () =>
      s`À prefeitura: resido na ${addresses.br()}, bairro Cidade Nova, e solicito a poda da árvore em frente.`,
  ),
  frame(
    "es",
    "av-public-name",
    () => s`Vivo en ${streetAfterPublicFigure("es")}, justo arriba de la farmacia`,
  ),
  frame(
    "pt",
    "av-public-name",
    () => s`Minha casa é na ${streetAfterPublicFigure("pt")}, perto da padaria`,
  ),
  frame(
    "es",
    "two-addresses",
    () => s`Recoger en ${addresses.mx()} y entregar en ${addresses.mx()}, CDMX`,
  ),
  frame("pt", "two-addresses", () => s`Coleta: ${addresses.br()}. Entrega: ${addresses.br()}.`),
  frame("es", "json", () => s`{"direccion": "${addresses.cl()}", "comuna": "Providencia"}`),
  frame("pt", "s-n", () => s`endereço: ${addresses.brNoNumber()}, povoado Lagoa Seca, Piauí`),
  frame("es", "text-end", () => s`favor de enviar el medicamento a ${spanishAddress()}`),
  frame("pt", "text-start", () => s`${brazilianAddress()} é onde moro, atrás do mercadinho`),
  frame("es", "colombian", () => s`la dirección es ${addresses.co()} edificio Los Cedros, Bogotá`),
  frame("es", "venezuelan", () => s`Mi casa: ${addresses.ve()}, Maracaibo, estado Zulia`),
  frame("es", "uruguayan", () => s`Estoy en ${addresses.uy()}, Pocitos, subo yo a buscarlo`),
  frame("es", "ecuadorian", () => s`Dirección domiciliaria: ${addresses.ec()}, Guayaquil`),
  frame("pt", "label-before", () => s`Pode entregar na ${brazilianAddress()}, fundos`),
  frame(
    "pt",
    "form",
    () =>
      s`Endereço residencial: ${brazilianAddress()}\nComplemento: portão azul\nCidade/UF: Belém/PA`,
  ),
  frame("pt", "whatsapp", () => s`o endereço é ${addresses.br()} viu, do lado da igreja`),
  frame(
    "pt",
    "letter",
    () => s`Venho informar que resido à ${brazilianAddress()} desde ${date()}.`,
  ),
  frame("pt", "brasilia", () => s`minha residência: ${addresses.df()}, Ceilândia`),
];

export const healthFrames: Frame[] = [
  frame("es", "tengo", () => s`tengo ${condition("es")} y quería saber si puedo tomar ese jarabe`),
  frame(
    "es",
    "relative",
    () => s`mi hijo tiene ${condition("es", "child")}, ¿el colegio tiene apoyo?`,
  ),
  frame(
    "es",
    "diagnosed",
    () => s`Me diagnosticaron ${condition("es")} en ${date()}, necesito licencia`,
  ),
  frame(
    "es",
    "medication",
    () => s`Estoy tomando ${drug("es")} todos los días, ¿interfiere con la vacuna?`,
  ),
  frame("es", "medication", () => s`Mi mamá toma ${drug("es")} y se le acabó, ¿la farmacia tiene?`),
  frame(
    "es",
    "vih",
    () =>
      s`Mi pareja ${pick(["es", "salió"])} ${v("HEALTH", pick(["VIH positivo", "seropositivo", "positivo para VIH"]))}, ¿dónde me hago la prueba?`,
  ),
  frame("es", "padece", () => s`El paciente padece ${condition("es")} desde hace años`),
  frame(
    "es",
    "form",
    () =>
      s`Antecedentes: ${condition("es")}\nAlergias: ${v("HEALTH", pick(["penicilina", "sulfas", "ibuprofeno"]))}`,
  ),
  frame(
    "es",
    "school",
    () =>
      s`La alumna tiene ${condition("es", "child")}, por favor avisen a la casa si se siente mal`,
  ),
  frame(
    "es",
    "pregnancy",
    () =>
      s`estoy ${v("HEALTH", "embarazada")} de ${pick(["12", "20", "32"])} semanas, ¿puedo viajar?`,
  ),
  frame(
    "es",
    "certificate",
    () => s`Adjunto certificado: reposo por ${condition("es", "acute")}, 5 días`,
  ),
  frame(
    "es",
    "whatsapp",
    () =>
      s`no voy a ir hoy, me dio ${v("HEALTH", pick(["dengue", "covid", "varicela", "influenza"]))} 🤒`,
  ),
  frame(
    "es",
    "two-conditions",
    () => s`mi papá tiene ${condition("es")} y además ${condition("es")}`,
  ),
  frame(
    "es",
    "in-treatment",
    () => s`Sigo en tratamiento por ${condition("es")}; ¿cubre el seguro las sesiones?`,
  ),
  frame("es", "label-before", () => s`Diagnóstico: ${condition("es")}. Control en 3 meses.`),
  frame(
    "es",
    "bank",
    () => s`No pude pagar a tiempo porque estuve internado por ${condition("es", "hospital")}`,
  ),
  frame("pt", "tenho", () => s`tenho ${condition("pt")}, posso fazer o exame em jejum?`),
  frame("pt", "faco-tratamento", () => s`faço tratamento para ${condition("pt")} há dois anos`),
  frame(
    "pt",
    "esta-com",
    () =>
      s`minha mãe está com ${v("HEALTH", pick(["câncer de mama", "pneumonia", "dengue", "covid", "infecção urinária"]))}, preciso adiar a viagem`,
  ),
  frame(
    "pt",
    "relative",
    () => s`Meu filho tem ${condition("pt", "child")} e precisa de acompanhante na escola`,
  ),
  frame(
    "pt",
    "medication",
    () => s`Tomo ${drug("pt")} de manhã, tem problema tomar com o antibiótico?`,
  ),
  frame(
    "pt",
    "diagnosed",
    () => s`Fui diagnosticada com ${condition("pt")} e o médico pediu afastamento`,
  ),
  frame(
    "pt",
    "hiv",
    () =>
      s`sou ${v("HEALTH", pick(["soropositivo", "HIV positivo", "portador de HIV"]))}, o plano cobre os exames de carga viral?`,
  ),
  frame(
    "pt",
    "form",
    () =>
      s`Doenças pré-existentes: ${condition("pt")}\nMedicamentos de uso contínuo: ${drug("pt")}`,
  ),
  frame(
    "pt",
    "pregnancy",
    () =>
      s`estou ${v("HEALTH", "grávida")} de ${pick(["3", "4", "5", "7", "8"])} meses, ${pick(["tenho prioridade na fila?", "posso tomar a vacina?", "o plano cobre o parto?"])}`,
  ),
  frame(
    "pt",
    "whatsapp",
    () =>
      s`não vou na aula hoje pq tô com ${v("HEALTH", pick(["conjuntivite", "catapora", "virose", "sinusite"]))}`,
  ),
  frame(
    "pt",
    "school",
    () => s`A aluna tem ${condition("pt", "crisis")}; em caso de crise ligar para a mãe`,
  ),
  frame(
    "pt",
    "certificate",
    () =>
      s`Atestado: CID ${v("HEALTH", pick(["F32.1", "F41.1", "E11", "J45", "M54.5"]))}, afastamento de 3 dias`,
  ),
  frame(
    "pt",
    "in-treatment",
    () =>
      s`Meu pai está em quimioterapia por ${condition("pt", "cancer")}, posso pegar o remédio por ele?`,
  ),
  frame(
    "pt",
    "insurance",
    () => s`O seguro negou a cobertura porque eu já tinha ${condition("pt")} antes do contrato`,
  ),
  frame(
    "pt",
    "two-conditions",
    () => s`tenho ${condition("pt")} e ${condition("pt")}, qual vacina é indicada?`,
  ),
  frame("pt", "label-before", () => s`Diagnóstico: ${condition("pt")}. Retorno em 30 dias.`),
  frame(
    "pt",
    "bank",
    () => s`Atrasei a parcela porque fiquei internado com ${condition("pt", "hospital")}`,
  ),
  frame(
    "es",
    "insurance",
    () => s`¿La póliza cubre ${condition("es")}? A mi esposa se lo detectaron el año pasado`,
  ),
];

export const mixedFrames: Frame[] = [
  frame(
    "pt",
    "name-cpf-address",
    () =>
      s`Nome: ${fullName("pt")}\nCPF: ${cpf(true)}\nEndereço: ${brazilianAddress()}\nTel: ${phone("BR", false)}`,
  ),
  frame(
    "es",
    "name-curp-address",
    () =>
      s`Yo ${fullName("es")}, con CURP ${curp()}, con domicilio en ${addresses.mx()}, Guadalajara, Jal.`,
  ),
  frame(
    "es",
    "name-health",
    () =>
      s`La paciente ${shortName("es", "f")} tiene ${condition("es")} y viene a control el ${date()}`,
  ),
  frame(
    "pt",
    "name-health",
    () => s`O paciente ${shortName("pt", "m")} tem ${condition("pt")} e usa ${drug("pt")}`,
  ),
  frame(
    "es",
    "name-rut-phone",
    () => s`${fullName("es")}, RUT ${rut()}, fono ${phone("CL", true)}`,
  ),
  frame("pt", "signature", () => s`Att,\n${fullName("pt")}\n${email()}\n${phone("BR", true)}`),
  frame(
    "es",
    "signature",
    () =>
      s`Saludos\n${fullName("es")}\nCel: ${phone("CO", false)}\n${addresses.co()}, Barranquilla`,
  ),
  frame(
    "es",
    "delivery",
    () => s`Entregar a ${shortName("es")} en ${addresses.pe()}, DNI ${peDni()}`,
  ),
  frame(
    "pt",
    "delivery",
    () => s`Destinatário: ${fullName("pt")} — ${brazilianAddress()}, CEP ${cep()}`,
  ),
  frame(
    "es",
    "school-form",
    () =>
      s`Alumno: ${fullName("es", "m")}\nCondición médica: ${condition("es", "child")}\nContacto: ${phone("AR", false)}`,
  ),
  frame(
    "pt",
    "health-address",
    () =>
      s`Minha avó tem ${condition("pt")} e mora sozinha na ${addresses.br()}, precisa de visita domiciliar`,
  ),
  frame(
    "es",
    "csv-row",
    () => s`nombre,email,telefono\n${fullName("es")},${email()},${phone("MX", true)}`,
  ),
  frame(
    "pt",
    "csv-row",
    () => s`nome,email,celular\n${fullName("pt")},${email()},${phone("BR", false)}`,
  ),
  frame(
    "es",
    "letter",
    () =>
      s`Por medio de la presente, ${fullName("es", "f")}, identificada con DNI ${peDni()}, diagnosticada con ${condition("es")}, solicito atención preferente.`,
  ),
  frame(
    "pt",
    "whatsapp",
    () =>
      s`oi é a ${givenName("pt", "f")}, meu cpf ${cpf(false)}, tô com ${condition("pt")} e queria a receita`,
  ),
  frame(
    "es",
    "whatsapp",
    () =>
      s`soy ${givenName("es")}, mi correo es ${email()}, me mandan la receta del ${drug("es")}?`,
  ),
];

function orderLabel(): string {
  return `cliente ${random.integer(100, 999)}`;
}

/** A residential address on a street named after a public figure: the address is personal. */
function streetAfterPublicFigure(lang: "es" | "pt") {
  const street =
    lang === "es"
      ? pick([
          "Av. Benito Juárez",
          "Calle Simón Bolívar",
          "Av. Eva Perón",
          "Calle Gabriela Mistral",
        ])
      : pick([
          "Rua Machado de Assis",
          "Av. Juscelino Kubitschek",
          "Rua Tiradentes",
          "Rua Chico Mendes",
        ]);
  const apartment =
    lang === "es" ? `, depto ${random.integer(1, 9)}` : `, apto ${random.integer(11, 94)}`;
  return v(
    "STREET_ADDRESS",
    `${street} ${random.integer(10, 3500)}${chance(0.5) ? apartment : ""}`,
  );
}

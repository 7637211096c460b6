/**
 * The second held-out set's negatives: messages with no personal data that look as if they had
 * some — prices, dates, times, order, invoice, tracking and protocol numbers, product codes, laws
 * and their articles, version numbers, measurements, shops' and public places' addresses, streets
 * named only as places, public figures in their public role, diseases discussed in general.
 */
import {
  date,
  frame,
  orderNumber,
  pick,
  price,
  quantity,
  random,
  s,
  time,
  year,
  type Frame,
} from "./heldout2-values.js";

const digits = (count: number): string => random.digits(count);
const integer = (minimum: number, maximum: number): number => random.integer(minimum, maximum);
const letter = (): string => random.letters(1);

export const negativeFrames: Frame[] = [
  // ----- prices, orders, invoices, tracking, protocols ------------------------------------
  frame(
    "pt",
    "price",
    () => s`Quanto fica o frete pra ${quantity()} caixas? No site aparece ${price("pt")}`,
  ),
  frame("es", "price", () => s`¿El precio de ${price("es")} ya incluye IVA o se suma aparte?`),
  frame(
    "pt",
    "order-number",
    () => s`Pedido nº ${orderNumber()} ainda consta como "em separação" desde ${date()}`,
  ),
  frame(
    "es",
    "order-number",
    () => s`mi pedido #${orderNumber()} dice entregado pero no llegó nada`,
  ),
  frame(
    "pt",
    "tracking-code",
    () =>
      s`O código de rastreio ${random.letters(2)}${digits(9)}BR não aparece no site dos Correios`,
  ),
  frame("es", "tracking-code", () => s`guía de envío ${digits(12)} — sigue en "en tránsito"`),
  frame(
    "pt",
    "protocol",
    () => s`Protocolo de atendimento ${integer(2020, 2026)}${digits(10)}, já liguei três vezes`,
  ),
  frame("es", "protocol", () => s`Número de ticket: INC-${digits(7)}. Nadie me ha respondido.`),
  frame(
    "pt",
    "invoice",
    () =>
      s`A NF-e ${digits(3)}.${digits(3)}.${digits(3)} série 1 veio com o valor errado: ${price("pt")}`,
  ),
  frame(
    "es",
    "invoice",
    () => s`La factura F${digits(3)}-${digits(8)} tiene mal el monto, debía ser ${price("es")}`,
  ),
  frame(
    "pt",
    "boleto-barcode",
    () =>
      s`O código de barras do boleto começa com ${digits(5)}.${digits(5)} e não é aceito no app`,
  ),
  frame(
    "es",
    "folio",
    () => s`Folio de la queja: ${digits(4)}/${integer(2019, 2026)}, presentado el ${date()}`,
  ),
  frame(
    "pt",
    "order-number",
    () =>
      s`comprei ${quantity()} unidades no pedido ${orderNumber()}-${integer(1, 9)} e veio faltando 2`,
  ),
  frame(
    "es",
    "reservation",
    () =>
      s`Reserva ${random.letters(6)} para ${integer(2, 6)} personas el ${date()} a las ${time()}`,
  ),
  frame(
    "pt",
    "reservation",
    () => s`Localizador ${random.letters(6)}, voo das ${time()}, posso marcar assento?`,
  ),
  frame(
    "es",
    "refund",
    () => s`Me devolvieron ${price("es")} de los ${price("es")}, ¿dónde está el resto?`,
  ),
  frame(
    "pt",
    "installments",
    () => s`Dá pra parcelar ${price("pt")} em ${integer(2, 12)}x sem juros?`,
  ),
  frame(
    "es",
    "installments",
    () => s`¿Hay ${integer(3, 18)} meses sin intereses en la compra de ${price("es")}?`,
  ),
  frame(
    "pt",
    "bank-statement",
    () => s`No extrato apareceu uma tarifa de ${price("pt")} do dia ${date()}, o que é?`,
  ),
  frame(
    "es",
    "bank-statement",
    () => s`Me cobraron una comisión de ${price("es")} el ${date()}, operación ${digits(6)}`,
  ),

  // ----- product codes, versions, measurements, dates -------------------------------------
  frame(
    "pt",
    "product-code",
    () => s`Tem o modelo ${random.letters(2)}-${digits(4)} na cor preta? Código ${digits(8)}`,
  ),
  frame(
    "es",
    "product-code",
    () => s`busco el repuesto SKU ${digits(6)}-${random.letters(2)} para lavadora`,
  ),
  frame("pt", "barcode", () => s`O EAN ${"789"}${digits(10)} não passa no caixa`),
  frame("es", "barcode", () => s`código de barras 750${digits(10)}, ¿está en oferta?`),
  frame(
    "pt",
    "version",
    () =>
      s`O app na versão ${integer(1, 9)}.${integer(0, 30)}.${integer(0, 9)} trava ao abrir o extrato`,
  ),
  frame(
    "es",
    "version",
    () =>
      s`Actualicé a la versión ${integer(2, 17)}.${integer(0, 9)} y ya no me deja iniciar sesión`,
  ),
  frame(
    "pt",
    "measurement",
    () =>
      s`A geladeira tem ${integer(150, 190)} cm de altura e ${integer(55, 80)} cm de largura, passa na porta?`,
  ),
  frame(
    "es",
    "measurement",
    () =>
      s`El paquete pesa ${integer(2, 30)},${integer(1, 9)} kg y mide ${integer(20, 90)}x${integer(20, 60)}x${integer(10, 40)} cm`,
  ),
  frame("pt", "dates", () => s`A matrícula vai de ${date()} até ${date()}?`),
  frame("es", "dates", () => s`Las inscripciones cierran el ${date()} a las ${time()} hrs`),
  frame(
    "es",
    "schedule",
    () => s`Horario de atención: lunes a viernes de ${time()} a ${time()}, sábados hasta las 13:00`,
  ),
  frame(
    "pt",
    "schedule",
    () => s`Vocês abrem no feriado de ${date()}? Normalmente é das ${time()} às ${time()}`,
  ),
  frame(
    "es",
    "years",
    () => s`Estudié en esa escuela entre ${year()} y ${year()}, ¿guardan los archivos?`,
  ),
  frame(
    "pt",
    "years",
    () =>
      s`Meu carro é ano ${year()}, modelo ${year()}, vale a pena a revisão de ${integer(10, 90)} mil km?`,
  ),
  frame(
    "es",
    "temperature",
    () => s`Se recomienda conservar entre ${integer(2, 8)} y ${integer(15, 25)} °C, ¿es correcto?`,
  ),
  frame(
    "pt",
    "dosage-general",
    () =>
      s`Na bula diz ${integer(1, 3)} comprimidos a cada ${pick(["6", "8", "12"])} horas para adultos, é isso?`,
  ),
  frame(
    "es",
    "percent",
    () =>
      s`La tasa anual es ${integer(10, 80)},${integer(0, 9)}% o ${integer(1, 6)},${integer(0, 9)}% mensual?`,
  ),
  frame(
    "pt",
    "percent",
    () => s`O reajuste de ${integer(3, 15)},${integer(0, 9)}% vale a partir de ${date()}?`,
  ),
  frame(
    "es",
    "score",
    () =>
      s`Quedó ${integer(0, 5)} a ${integer(0, 5)} el partido, ¿se suspende el entrenamiento del sábado?`,
  ),

  // ----- laws, articles, rules --------------------------------------------------------------
  frame(
    "pt",
    "law",
    () =>
      s`Pela Lei nº 13.709/2018 (LGPD), art. ${integer(7, 20)}, vocês podem guardar meus dados?`,
  ),
  frame(
    "pt",
    "law",
    () =>
      s`O Código de Defesa do Consumidor, art. ${pick(["18", "26", "42", "49"])}, não me dá ${integer(7, 30)} dias para desistir?`,
  ),
  frame(
    "es",
    "law",
    () =>
      s`Según la Ley ${pick(["29733", "1581 de 2012", "25.326", "19.628"])}, artículo ${integer(2, 30)}, tengo derecho a saber qué datos tienen`,
  ),
  frame(
    "es",
    "law",
    () => s`El artículo ${integer(1, 136)} de la Constitución dice otra cosa, ¿no?`,
  ),
  frame(
    "es",
    "decree",
    () => s`¿El Decreto ${integer(100, 999)}/${year()} sigue vigente para los monotributistas?`,
  ),
  frame("pt", "norm", () => s`A norma NBR ${digits(4)} exige corrimão dos dois lados da escada?`),
  frame("es", "norm", () => s`¿El casco cumple la norma NOM-${digits(3)}-SCFI-${year()}?`),
  frame(
    "pt",
    "resolution",
    () => s`A Resolução ANS nº ${integer(100, 600)} obriga o plano a cobrir isso?`,
  ),

  // ----- shops', companies' and public places' addresses; streets as places ---------------
  frame(
    "es",
    "shop-address",
    () => s`Nuestra sucursal está en Av. Corrientes ${integer(500, 5000)}, abrimos a las ${time()}`,
  ),
  frame(
    "pt",
    "shop-address",
    () =>
      s`A loja fica na Av. Paulista, ${integer(100, 2500)}, loja ${integer(1, 40)}, piso térreo. Funciona até as 22h`,
  ),
  frame(
    "es",
    "shop-address",
    () =>
      s`Puede retirar su pedido ${orderNumber()} en nuestro local de Av. Providencia ${integer(1000, 2999)}`,
  ),
  frame(
    "pt",
    "shop-address",
    () =>
      s`Retire no ponto de coleta da Rua ${pick(["Augusta", "XV de Novembro", "Oscar Freire"])}, ${integer(10, 2000)} até ${date()}`,
  ),
  frame(
    "es",
    "public-office",
    () => s`¿La oficina del SAT de Av. Hidalgo ${integer(10, 200)} atiende sin cita?`,
  ),
  frame(
    "pt",
    "public-office",
    () => s`O Poupatempo da Rua do Carmo ainda emite RG no sábado, das ${time()}?`,
  ),
  frame(
    "es",
    "clinic-address",
    () =>
      s`La clínica queda en Calle ${integer(50, 140)} # ${integer(10, 60)}-${integer(10, 90)}, consultorio ${integer(201, 509)}, ¿hay parqueadero?`,
  ),
  frame(
    "pt",
    "clinic-address",
    () => s`O laboratório da Av. Sete de Setembro, ${integer(100, 3000)} faz coleta domiciliar?`,
  ),
  frame(
    "es",
    "traffic",
    () =>
      s`hay un choque en ${pick(["Insurgentes", "la Av. 9 de Julio", "la Panamericana", "la Costanera"])} a la altura del ${integer(100, 9000)}, voy a llegar tarde`,
  ),
  frame(
    "pt",
    "traffic",
    () =>
      s`A Marginal Tietê tá parada no km ${integer(10, 25)}, vou atrasar uns ${integer(10, 50)} minutos`,
  ),
  frame(
    "es",
    "landmark",
    () =>
      s`¿El Palacio de Bellas Artes abre el ${date()}? Quiero llevar a ${integer(10, 40)} alumnos`,
  ),
  frame(
    "pt",
    "landmark",
    () => s`A excursão vai ao MASP e ao Parque Ibirapuera, saída às ${time()}`,
  ),
  frame(
    "es",
    "landmark",
    () =>
      s`La feria es en el Parque Forestal, frente al Museo de Bellas Artes, desde las ${time()}`,
  ),
  frame("pt", "parade", () => s`O desfile de ${date()} vai fechar a Avenida Presidente Vargas?`),
  frame(
    "es",
    "street-name",
    () => s`¿La ruta ${integer(1, 99)} del camión pasa por Av. Benito Juárez o por Reforma?`,
  ),
  frame(
    "pt",
    "street-name",
    () => s`O ônibus ${integer(100, 899)} ainda passa pela Rua da Consolação?`,
  ),
  frame(
    "es",
    "company-address",
    () =>
      s`Enviar las devoluciones al centro de distribución, Camino a Melipilla km ${integer(10, 30)}, bodega ${integer(1, 20)}`,
  ),
  frame(
    "pt",
    "company-address",
    () =>
      s`Nosso CD fica na Rodovia Anhanguera, km ${integer(20, 120)}. Devoluções só com a nota ${digits(6)}`,
  ),
  frame(
    "es",
    "km-marker",
    () =>
      s`El accidente fue en el km ${integer(10, 400)} de la Ruta ${integer(1, 40)}, ¿cubre la grúa?`,
  ),

  // ----- public figures and historical names --------------------------------------------------
  frame(
    "es",
    "public-figure",
    () =>
      s`¿Tienen "Cien años de soledad" de García Márquez en tapa dura? Vi que cuesta ${price("es")}`,
  ),
  frame(
    "pt",
    "public-figure",
    () => s`Vocês têm "Dom Casmurro" de Machado de Assis? É para a prova de ${date()}`,
  ),
  frame(
    "es",
    "public-figure",
    () => s`El trabajo es sobre Gabriela Mistral y Pablo Neruda, entrega el ${date()}`,
  ),
  frame(
    "pt",
    "public-figure",
    () =>
      s`A redação tem que falar de Tiradentes ou de Zumbi dos Palmares? São ${integer(20, 30)} linhas`,
  ),
  frame(
    "es",
    "public-figure",
    () =>
      s`¿El billete de ${pick(["200", "500", "1000"])} pesos con la cara de Sor Juana sigue valiendo?`,
  ),
  frame(
    "pt",
    "public-figure",
    () =>
      s`O show do Gilberto Gil foi remarcado para ${date()}? Comprei ${integer(2, 4)} ingressos`,
  ),
  frame(
    "es",
    "public-figure",
    () => s`¿Messi juega el ${date()}? Quiero saber si hay pantalla en el local`,
  ),
  frame("pt", "saint", () => s`A paróquia São Judas Tadeu fecha às ${time()} no dia ${date()}?`),
  frame(
    "es",
    "saint",
    () => s`El hospital San Juan de Dios tiene urgencias pediátricas las ${integer(12, 24)} horas?`,
  ),
  frame(
    "es",
    "brand-named",
    () => s`¿Las pastillas de la marca Dr. Simi cuestan ${price("es")} o subieron?`,
  ),

  // ----- diseases and medicines in general ----------------------------------------------------
  frame(
    "es",
    "disease-general",
    () => s`La diabetes es una enfermedad crónica; ¿dan charlas gratuitas el ${date()}?`,
  ),
  frame(
    "pt",
    "disease-general",
    () =>
      s`A campanha de vacinação contra a gripe começa em ${date()} para quem tem mais de ${integer(55, 65)} anos?`,
  ),
  frame(
    "es",
    "disease-general",
    () =>
      s`¿Cuáles son los síntomas del dengue? En la escuela dijeron que hay ${integer(3, 40)} casos en el barrio`,
  ),
  frame(
    "pt",
    "disease-general",
    () =>
      s`Quais exames detectam câncer de mama cedo? Vi um post do Outubro Rosa com ${integer(3, 10)} dicas`,
  ),
  frame(
    "es",
    "disease-general",
    () =>
      s`Quiero información general sobre el TDAH para una charla de padres de ${integer(20, 80)} minutos`,
  ),
  frame(
    "pt",
    "disease-general",
    () =>
      s`A depressão pós-parto é comum? Estou fazendo um trabalho de faculdade com ${integer(5, 15)} páginas`,
  ),
  frame(
    "es",
    "medicine-general",
    () => s`¿La metformina necesita receta? Pregunto por curiosidad, vi que cuesta ${price("es")}`,
  ),
  frame(
    "pt",
    "medicine-general",
    () =>
      s`Qual a diferença entre dipirona e paracetamol? Tô montando a farmacinha da empresa pra ${integer(10, 80)} funcionários`,
  ),
  frame(
    "es",
    "campaign",
    () =>
      s`Jornada de detección de hipertensión el ${date()} de ${time()} a ${time()} en el centro comunitario`,
  ),
  frame(
    "pt",
    "campaign",
    () => s`O posto vai aplicar vacina de HPV em meninos de ${integer(9, 14)} anos até ${date()}?`,
  ),
  frame(
    "es",
    "statistics",
    () =>
      s`En ${year()} hubo ${integer(1000, 90000)} casos de tuberculosis en el país, según el ministerio`,
  ),
  frame(
    "pt",
    "statistics",
    () =>
      s`O Brasil tem cerca de ${integer(10, 20)} milhões de pessoas com diabetes, segundo a pesquisa de ${year()}`,
  ),

  // ----- role words without names, school and office chatter --------------------------------
  frame(
    "es",
    "no-name-role",
    () => s`La doctora dijo que volviera en ${integer(2, 8)} semanas, ¿ya hay agenda?`,
  ),
  frame(
    "pt",
    "no-name-role",
    () => s`O professor de matemática passou ${integer(10, 40)} exercícios, vai valer nota?`,
  ),
  frame(
    "es",
    "no-name-role",
    () => s`Hola, buenas, ¿el señor de la caja ya cerró? Pagué ${price("es")} y no me dio ticket`,
  ),
  frame(
    "pt",
    "no-name-role",
    () => s`Boa tarde! A atendente disse que o prazo é de ${integer(5, 30)} dias úteis, confere?`,
  ),
  frame(
    "es",
    "school",
    () => s`¿La reunión de apoderados del ${integer(1, 8)}º básico es el ${date()}?`,
  ),
  frame(
    "pt",
    "school",
    () => s`O uniforme do ${integer(1, 9)}º ano custa ${price("pt")}, tem desconto para irmãos?`,
  ),
  frame(
    "es",
    "delivery",
    () => s`El repartidor llegó a las ${time()} y no había nadie, reprogramen para el ${date()}`,
  ),
  frame(
    "pt",
    "delivery",
    () => s`Entrega prevista entre ${date()} e ${date()}, dá pra acelerar pagando ${price("pt")}?`,
  ),
  frame(
    "es",
    "bank",
    () => s`¿Cuál es el límite de transferencias por día? Creo que eran ${price("es")}`,
  ),
  frame(
    "pt",
    "bank",
    () => s`O Pix tem limite noturno de ${price("pt")}? Preciso pagar ${price("pt")} hoje`,
  ),
  frame(
    "es",
    "phone-hotline",
    () =>
      s`Llamé a la línea gratuita 01 800 ${digits(3)} ${digits(4)} y me colgaron después de ${integer(10, 40)} minutos`,
  ),
  frame(
    "pt",
    "phone-hotline",
    () => s`Liguei no 0800 ${digits(3)} ${digits(4)} do SAC e ninguém atende desde as ${time()}`,
  ),
  frame(
    "es",
    "room-number",
    () =>
      s`Estoy en la sala ${integer(1, 12)}, box ${integer(1, 30)}, esperando hace ${integer(20, 90)} minutos`,
  ),
  frame(
    "pt",
    "seat",
    () => s`Meu assento é fileira ${letter()}, poltrona ${integer(1, 40)}, sessão das ${time()}`,
  ),
  frame(
    "es",
    "apartment-generic",
    () =>
      s`¿Los departamentos de ${integer(1, 3)} dormitorios tienen estacionamiento? Vi el aviso de ${price("es")}`,
  ),
  frame(
    "pt",
    "apartment-generic",
    () =>
      s`Os apartamentos de ${integer(40, 120)} m² do lançamento têm varanda? O folheto fala em ${price("pt")}`,
  ),
  frame("es", "wifi", () => s`La clave del wifi es el número de la mesa más ${digits(4)}?`),
  frame(
    "pt",
    "password-reset",
    () => s`O código de verificação ${digits(6)} expirou, podem mandar outro?`,
  ),
  frame(
    "es",
    "otp",
    () => s`Me llegó el código ${digits(6)} pero la app dice que venció a las ${time()}`,
  ),
  frame(
    "pt",
    "plate",
    () => s`A vaga ${integer(1, 200)} do estacionamento está ocupada desde ${time()}`,
  ),
  frame(
    "es",
    "math-homework",
    () => s`¿Cuánto es ${integer(100, 999)} por ${integer(10, 99)}? Es para la tarea de mi hijo`,
  ),
  frame(
    "pt",
    "recipe",
    () =>
      s`Pra ${integer(4, 12)} pessoas uso ${integer(200, 900)} g de farinha e ${integer(2, 6)} ovos?`,
  ),
  frame(
    "es",
    "recipe",
    () =>
      s`La receta pide ${integer(2, 5)} tazas de harina y ${integer(100, 300)} ml de leche, ¿la hago en ${integer(30, 60)} minutos?`,
  ),
  frame(
    "pt",
    "weather",
    () => s`Vai chover no dia ${date()}? A formatura é ao ar livre às ${time()}`,
  ),
  frame(
    "es",
    "currency",
    () => s`¿A cuánto está el dólar hoy? Ayer estaba en ${integer(17, 1500)},${integer(10, 99)}`,
  ),
  frame(
    "pt",
    "currency",
    () =>
      s`A cotação do euro fechou em R$ ${integer(5, 6)},${integer(10, 99)}? Vou viajar em ${date()}`,
  ),
  frame(
    "es",
    "sports-club",
    () =>
      s`La cuota del club sube a ${price("es")} desde ${date()}, ¿hay descuento por pago anual?`,
  ),
  frame(
    "pt",
    "gym",
    () =>
      s`A academia da Rua ${pick(["Bahia", "Pernambuco", "Ceará"])} abre às ${time()} no domingo?`,
  ),
  frame(
    "es",
    "csv-no-pii",
    () =>
      s`producto,cantidad,precio\ncuaderno,${quantity()},${integer(10, 90)}\nlápiz,${quantity()},${integer(1, 9)}`,
  ),
  frame(
    "pt",
    "csv-no-pii",
    () =>
      s`item;qtd;valor\narroz 5kg;${quantity()};${integer(20, 40)},90\nfeijão 1kg;${quantity()};${integer(6, 12)},50`,
  ),
  frame(
    "es",
    "table-no-pii",
    () =>
      s`| Fecha | Monto |\n|---|---|\n| ${date()} | ${price("es")} |\n| ${date()} | ${price("es")} |`,
  ),
  frame(
    "pt",
    "json-no-pii",
    () => s`{"pedido": ${orderNumber()}, "status": "em trânsito", "previsao": "${date()}"}`,
  ),
  frame(
    "es",
    "list-no-pii",
    () =>
      s`Lista de útiles:\n- ${integer(2, 6)} cuadernos\n- ${integer(1, 3)} gomas\n- tijera punta roma`,
  ),
  frame(
    "pt",
    "list-no-pii",
    () =>
      s`Lista do material:\n1. ${integer(2, 8)} cadernos\n2. estojo\n3. ${integer(1, 4)} colas bastão`,
  ),
  frame(
    "es",
    "ip-like",
    () => s`El router muestra 192.168.${integer(0, 2)}.${integer(1, 254)} y no conecta, ¿reinicio?`,
  ),
  frame(
    "pt",
    "ip-like",
    () =>
      s`A impressora está no IP 10.0.${integer(0, 9)}.${integer(2, 250)}, alguém sabe configurar?`,
  ),
  frame(
    "es",
    "url",
    () =>
      s`Entré a la página /pedidos/${orderNumber()} y sale error ${pick(["404", "500", "503"])}`,
  ),
  frame(
    "pt",
    "url",
    () =>
      s`O link de pagamento termina em /checkout/${random.letters(3).toLowerCase()}${digits(5)} e não abre`,
  ),
  frame(
    "es",
    "timestamp",
    () => s`El sistema registró la operación a las ${time()}:${integer(10, 59)} del ${date()}`,
  ),
  frame(
    "pt",
    "timestamp",
    () => s`O log mostra erro às ${time()}:${integer(10, 59)} de ${date()}, depois normalizou`,
  ),
  frame(
    "es",
    "serial",
    () => s`El número de serie del equipo es SN${digits(10)}, ¿sigue en garantía?`,
  ),
  frame(
    "pt",
    "serial",
    () => s`O IMEI começa com 35${digits(4)} e o aparelho veio com defeito, troca?`,
  ),
  frame(
    "es",
    "course-code",
    () => s`¿El ramo MAT${integer(100, 399)} tiene cupos en la sección ${integer(1, 9)}?`,
  ),
  frame(
    "pt",
    "course-code",
    () =>
      s`A disciplina ${random.letters(3)}${digits(4)} vai abrir turma no semestre ${year()}.${integer(1, 2)}?`,
  ),
  frame(
    "pt",
    "price",
    () => s`O combo sai por ${price("pt")} ou é só no app? Vi ${price("pt")} no folheto`,
  ),
  frame(
    "pt",
    "order-number",
    () =>
      s`Troca do pedido ${orderNumber()}: o tênis veio número ${integer(34, 44)} e pedi ${integer(34, 44)}`,
  ),
  frame(
    "pt",
    "protocol",
    () =>
      s`Meu protocolo na ouvidoria é ${digits(4)}.${digits(3)}.${digits(3)}/${integer(2020, 2026)}`,
  ),
  frame(
    "pt",
    "law",
    () => s`O art. ${integer(1, 250)} da CLT fala de férias? Trabalho há ${integer(1, 20)} anos`,
  ),
  frame(
    "pt",
    "landmark",
    () => s`O Teatro Amazonas abre para visitação às ${time()} no dia ${date()}?`,
  ),
  frame(
    "pt",
    "shop-address",
    () =>
      s`A farmácia da Rua ${pick(["Direita", "do Comércio", "Barão de Itapetininga"])}, ${integer(10, 900)} tem plantão ${integer(12, 24)}h?`,
  ),
  frame(
    "pt",
    "measurement",
    () =>
      s`O sofá de ${integer(2, 4)} lugares tem ${integer(180, 260)} cm, cabe numa sala de ${integer(9, 20)} m²?`,
  ),
  frame(
    "pt",
    "disease-general",
    () => s`Hipertensão tem cura? Vi na TV que ${integer(20, 40)}% dos adultos têm`,
  ),
  frame(
    "pt",
    "public-figure",
    () => s`A biografia da Carolina Maria de Jesus está no acervo? A leitura é para ${date()}`,
  ),
  frame("pt", "street-name", () => s`Vai ter feira livre na Rua Teodoro Sampaio no dia ${date()}?`),
  frame(
    "pt",
    "school",
    () => s`A reunião de pais do ${integer(1, 3)}º ano do ensino médio é às ${time()}?`,
  ),
  frame(
    "pt",
    "version",
    () =>
      s`Depois da atualização ${integer(4, 12)}.${integer(0, 9)}.${integer(0, 40)} o leitor de código de barras parou`,
  ),
  frame(
    "pt",
    "bank",
    () => s`Qual o rendimento da poupança em ${integer(2015, 2025)}? Tenho ${price("pt")} parado`,
  ),
  frame(
    "pt",
    "delivery",
    () => s`O motoboy saiu às ${time()}, são ${integer(2, 15)} km, quanto tempo demora?`,
  ),
  frame(
    "pt",
    "no-name-role",
    () => s`A médica pediu exame de sangue com jejum de ${integer(8, 12)} horas, pode tomar água?`,
  ),
  frame(
    "pt",
    "product-code",
    () =>
      s`Quero o refil modelo ${random.letters(1)}${integer(100, 999)} para o filtro, tem ${quantity()} unidades?`,
  ),
  frame(
    "es",
    "lottery",
    () => s`Salió el ${digits(5)} en la lotería del ${date()}? Compré la serie ${integer(1, 200)}`,
  ),
  frame(
    "pt",
    "lottery",
    () =>
      s`Os números da Mega foram ${integer(1, 9)}, ${integer(10, 19)}, ${integer(20, 29)}, ${integer(30, 39)}, ${integer(40, 49)} e ${integer(50, 60)}?`,
  ),
];

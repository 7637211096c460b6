import { foldedValue } from "./folded-value.js";
import { wordsPattern } from "./context-words.js";
import { someoneWords } from "./someone-words.js";

/**
 * People whose names are public knowledge in Latin America — writers, artists, musicians,
 * athletes, scientists, historical and political figures — written whole as schools, newsrooms
 * and offices ask about them ("Escribí un párrafo sobre Frida Kahlo", "um resumo sobre Machado de
 * Assis"). Such a name is no one's personal data, and masked it leaves the cloud unable to answer;
 * but a private person may bear it too, so it is read as a public figure only where nothing in
 * its text speaks of someone in particular (a patient, kin, a title, the first person, an
 * identifier's word). Full names only, folded: a given name alone is never on the list.
 */
const publicFigures: ReadonlySet<string> = new Set(
  `
  gabriel garcia marquez|jorge luis borges|pablo neruda|gabriela mistral|octavio paz|mario vargas llosa
  julio cortazar|isabel allende|eduardo galeano|juan rulfo|carlos fuentes|ruben dario|jose marti
  sor juana ines de la cruz|alfonsina storni|cesar vallejo|mario benedetti|horacio quiroga
  ernesto sabato|romulo gallegos|alejo carpentier|miguel de cervantes|federico garcia lorca
  elena poniatowska|roberto bolano|juana de ibarbourou|augusto roa bastos|jose maria arguedas
  machado de assis|clarice lispector|jorge amado|carlos drummond de andrade|cecilia meireles
  monteiro lobato|graciliano ramos|guimaraes rosa|joao guimaraes rosa|carolina maria de jesus
  vinicius de moraes|paulo freire|fernando pessoa|jose saramago|paulo coelho|cora coralina
  manuel bandeira|castro alves|jose de alencar|lima barreto|rachel de queiroz|ariano suassuna
  conceicao evaristo|mario de andrade|oswald de andrade|euclides da cunha|aluisio azevedo
  frida kahlo|diego rivera|fernando botero|oswaldo guayasamin|tarsila do amaral|candido portinari
  di cavalcanti|anita malfatti|joaquin torres garcia|xul solar|roberto matta|david alfaro siqueiros
  jose clemente orozco|rufino tamayo|aleijadinho|oscar niemeyer|lina bo bardi|burle marx
  mercedes sosa|violeta parra|victor jara|carlos gardel|astor piazzolla|chabuca granda|shakira
  carlos vives|celia cruz|juan gabriel|vicente fernandez|gustavo cerati|charly garcia
  luis alberto spinetta|caetano veloso|gilberto gil|chico buarque|tom jobim|elis regina|gal costa
  maria bethania|milton nascimento|roberto carlos|ivete sangalo|bad bunny|karol g|daddy yankee
  ricky martin|gloria estefan|selena quintanilla|luis miguel|ruben blades|natalia lafourcade
  marilia mendonca|tim maia|cazuza|rita lee|raul seixas|pixinguinha|cartola|noel rosa
  chiquinha gonzaga|luiz gonzaga|joao gilberto|jorge ben jor|atahualpa yupanqui|soledad pastorutti
  pele|edson arantes do nascimento|diego maradona|diego armando maradona|lionel messi|neymar
  neymar jr|ronaldinho gaucho|romario|zico|garrincha|marta vieira da silva|cristiano ronaldo
  luis suarez|edinson cavani|alexis sanchez|arturo vidal|james rodriguez|radamel falcao|luis diaz
  hugo sanchez|javier hernandez|angel di maria|sergio aguero|ayrton senna|nelson piquet
  emerson fittipaldi|rubens barrichello|juan manuel fangio|sergio perez|checo perez
  gustavo kuerten|rebeca andrade|daiane dos santos|rayssa leal|gabriel medina|oscar schmidt
  manu ginobili|gabriela sabatini|guillermo vilas|nairo quintana|egan bernal|caterine ibarguen
  ana gabriela guevara|lorena ochoa|mariana pajon|kylian mbappe|vinicius junior|julian alvarez
  simon bolivar|jose de san martin|bernardo o higgins|miguel hidalgo|jose maria morelos
  benito juarez|emiliano zapata|pancho villa|francisco villa|tupac amaru|tupac katari
  bartolina sisa|juana azurduy|manuela saenz|antonio jose de sucre|francisco de miranda
  jose gervasio artigas|tiradentes|dom pedro i|dom pedro ii|pedro alvares cabral
  zumbi dos palmares|princesa isabel|getulio vargas|juscelino kubitschek|santos dumont
  alberto santos dumont|oswaldo cruz|carlos chagas|chico mendes|marielle franco|irma dulce
  che guevara|ernesto che guevara|fidel castro|salvador allende|augusto pinochet|eva peron
  juan domingo peron|raul alfonsin|lazaro cardenas|rigoberta menchu|oscar romero|papa francisco
  jorge mario bergoglio|lula|luiz inacio lula da silva|dilma rousseff|jair bolsonaro
  fernando henrique cardoso|michelle bachelet|gabriel boric|javier milei
  cristina fernandez de kirchner|nestor kirchner|mauricio macri|andres manuel lopez obrador
  claudia sheinbaum|gustavo petro|alvaro uribe|nicolas maduro|hugo chavez|evo morales
  rafael correa|daniel noboa|jose mujica|pepe mujica|nayib bukele|alberto fujimori
  bernardo houssay|luis federico leloir|cesar milstein|rene favaloro|mario molina
  santiago ramon y cajal|carlos finlay|vital brazil|adolfo lutz|nise da silveira
  xuxa|silvio santos|roberto gomez bolanos|chespirito|cantinflas|quino|ricardo darin
  gael garcia bernal|salma hayek|guillermo del toro|alfonso cuaron|sofia vergara
  fernanda montenegro|fernanda torres|wagner moura|rodrigo santoro|sonia braga
  albert einstein|isaac newton|marie curie|charles darwin|leonardo da vinci|pablo picasso
  vincent van gogh|william shakespeare|nelson mandela|martin luther king|mahatma gandhi
  cristobal colon|cristovao colombo|napoleon bonaparte|karl marx|sigmund freud|stephen hawking
  nikola tesla|galileo galilei|elon musk|bill gates|steve jobs|mark zuckerberg|donald trump
  joe biden|barack obama|taylor swift|michael jackson|ludwig van beethoven
  wolfgang amadeus mozart|johann sebastian bach|anne frank|ana frank|malala yousafzai
  greta thunberg|adolf hitler|winston churchill|abraham lincoln|george washington
  `
    .split(/[|\n]/)
    .map((name) => name.trim())
    .filter((name) => name !== ""),
);

/** Words that speak of someone in particular, or of the writer: the name may be theirs. */
const personalCue = wordsPattern([
  ...someoneWords,
  "mi",
  "mis",
  "meu",
  "minha",
  "me llamo",
  "meu nome",
  "soy",
  "sou",
  "cpf",
  "rg",
  "dni",
  "rut",
  "cuit",
  "cedula",
  "curp",
  "rfc",
  "ruc",
  "nit",
  "tel",
  "telefono",
  "telefone",
  "celular",
  "whatsapp",
  "email",
  "correo",
  "domicilio",
  "endereco",
  "direccion",
]);

/** How far around the name its text is read for a personal cue, each way. */
const reach = 120;

/**
 * Whether the run `start`–`end` (of `folded`, the text's fold) is a public figure's name, in a
 * text that speaks of no one in particular.
 */
export function namesPublicFigure(folded: string, start: number, end: number): boolean {
  if (!publicFigures.has(foldedValue(folded.slice(start, end)))) return false;
  const around = folded.slice(Math.max(0, start - reach), end + reach);
  return !personalCue.test(around) && !around.includes("@");
}

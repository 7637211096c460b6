// Local first, cloud when it pays: ask with model "auto" and read why the router answered as it did.
// Start a Colibrí with a provider in its config (another Colibrí works as a stand-in cloud):
//   npx colibri serve --port 8091 --database sqlite:cloud.db &
//   echo '{"providers":[{"name":"lan","baseUrl":"http://127.0.0.1:8091/v1","models":{"lan-model":"local"}}]}' > edge.json
//   npx colibri --config edge.json serve
// then run `npx tsx examples/hybrid-routing.ts`.
import OpenAI from "openai";

const client = new OpenAI({ baseURL: "http://127.0.0.1:8080/v1", apiKey: "local" });

for (const question of [
  "¿Cuál es la capital de Argentina?",
  "Explique, passo a passo, por que a série harmônica diverge.",
]) {
  const { data, response } = await client.chat.completions
    .create({
      model: "auto",
      messages: [{ role: "user", content: question }],
      max_completion_tokens: 80,
    })
    .withResponse();
  const header = (name: string) => response.headers.get(`x-colibri-${name}`) ?? "-";
  console.log(
    `${question}\n  route ${header("route")} (${header("reason")}), confidence ${header("confidence")}, pre-router score ${header("score")}, degraded ${header("degraded")}\n  answered by ${data.model}: ${data.choices[0]?.message.content ?? ""}\n`,
  );
}

// A cloud model's name forces the cloud; "local" forces the local model.
const models = await client.models.list();
console.log(
  "Models:",
  models.data.map((model) => `${model.id} (${model.owned_by})`),
);

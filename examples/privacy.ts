// Personal data stays home: what the cloud sees, what the client gets, what the audit keeps.
// Start two Colibrís, the second using the first as its "cloud":
//   npx colibri serve --port 8091 --database sqlite:cloud.db &
//   echo '{"providers":[{"name":"lan","baseUrl":"http://127.0.0.1:8091/v1","region":"br","models":{"lan-model":"local"}}]}' > edge.json
//   npx colibri --config edge.json serve
// then run `npx tsx examples/privacy.ts`, and afterwards `npx colibri audit --since 1h`.
import OpenAI from "openai";

const base = "http://127.0.0.1:8080/v1";
const client = new OpenAI({ baseURL: base, apiKey: "local" });
const text =
  "Paciente Ana Souza, CPF 123.456.789-09, e-mail ana.souza@example.com.br. Resuma o caso.";

// 1. What the detectors find (offsets, never values) and the text with each value tagged.
const scan = await fetch(`${base}/privacy/scan`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ text }),
});
console.log("scan:", JSON.stringify(await scan.json(), null, 2));

// 2. A cloud model's name sends the request out: only placeholders (<CPF_1>, <EMAIL_1>) leave,
//    and the answer comes back with the real values restored.
const { data, response } = await client.chat.completions
  .create({
    model: "lan-model",
    messages: [{ role: "user", content: text }],
    max_completion_tokens: 60,
  })
  .withResponse();
console.log(
  `route ${response.headers.get("x-colibri-route")}, redactions ${response.headers.get("x-colibri-redactions") ?? "none"}\n${data.choices[0]?.message.content ?? ""}`,
);

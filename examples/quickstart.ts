// The README's 30-second example: any OpenAI client works against Colibrí unchanged.
// Run `npx colibri serve` in another terminal, then `npx tsx examples/quickstart.ts` (or compile it).
import OpenAI from "openai";

const client = new OpenAI({ baseURL: "http://127.0.0.1:8080/v1", apiKey: "local" });

const completion = await client.chat.completions.create({
  model: "auto",
  messages: [{ role: "user", content: "¿Cuál es la capital de Argentina?" }],
});
console.log(completion.choices[0]?.message.content);

const stream = await client.chat.completions.create({
  model: "auto",
  messages: [{ role: "user", content: "Escribe un saludo corto para un cliente." }],
  stream: true,
});
for await (const chunk of stream) process.stdout.write(chunk.choices[0]?.delta.content ?? "");
process.stdout.write("\n");

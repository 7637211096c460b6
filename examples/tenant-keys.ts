// Give a team its own key and budget through the admin API, use it, then read what it cost.
// Run `npx colibri serve` in another terminal; set COLIBRI_ADMIN_KEY to the admin key it printed
// at first start. Then `npx tsx examples/tenant-keys.ts`.
import OpenAI from "openai";

const base = "http://127.0.0.1:8080";
const admin = { authorization: `Bearer ${process.env["COLIBRI_ADMIN_KEY"] ?? ""}` };

const created = await fetch(`${base}/admin/keys`, {
  method: "POST",
  headers: { ...admin, "content-type": "application/json" },
  body: JSON.stringify({ tenant: "escuela-rural", budgetUsdMonth: 5, requestsPerMinute: 30 }),
});
if (!created.ok) throw new Error(`Creating the key failed: ${await created.text()}`);
const { key } = (await created.json()) as { key: string };

const client = new OpenAI({ baseURL: `${base}/v1`, apiKey: key });
const completion = await client.chat.completions.create({
  model: "auto",
  messages: [{ role: "user", content: "Explica la fotosíntesis en una frase." }],
});
console.log(completion.choices[0]?.message.content);

const usage = await fetch(`${base}/admin/usage?since=1h&tenant=escuela-rural`, { headers: admin });
console.log(JSON.stringify(await usage.json(), null, 2));

import { toFile, type OpenAI } from "openai";

/**
 * A vector store (knowledge base) named `name` holding one Markdown document, made through the
 * official client as a user would: created, the file uploaded, attached and read to the end.
 */
export async function storeWithDocument(
  client: OpenAI,
  name: string,
  document: { filename: string; text: string },
) {
  const store = await client.vectorStores.create({ name });
  const file = await client.files.create({
    file: await toFile(Buffer.from(document.text), document.filename),
    purpose: "assistants",
  });
  await client.vectorStores.files.createAndPoll(
    store.id,
    { file_id: file.id },
    { pollIntervalMs: 20 },
  );
  return { store, file };
}

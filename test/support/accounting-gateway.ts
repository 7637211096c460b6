/**
 * A child process for the shutdown test of usage records: a test gateway over the database at
 * COLIBRI_TEST_DATABASE (a URL), answering with the scripted backend. It prints its address on
 * stderr, and on SIGTERM closes as serve does (which writes the queued records) and exits.
 */
import { startTestGateway } from "./test-gateway.js";

const database = process.env["COLIBRI_TEST_DATABASE"];
if (database === undefined) throw new Error("Set COLIBRI_TEST_DATABASE to a database URL.");
const gateway = await startTestGateway({ config: { database } });
const address = await gateway.server.listen();
process.once("SIGTERM", () => {
  void gateway.close().then(() => process.exit(0));
});
process.stderr.write(`listening at ${address}\n`);

/**
 * A child process for the request-log test: a test gateway whose request log goes through
 * `colibri serve`'s destination to stdout. It prints its address on stderr, and on
 * SIGTERM closes as serve does and exits.
 */
import { requestLogOptions } from "../../src/server/request-log.js";
import { startTestGateway } from "./test-gateway.js";

const gateway = await startTestGateway({ logger: requestLogOptions("info") });
const address = await gateway.server.listen();
process.once("SIGTERM", () => {
  void gateway.close().then(() => process.exit(0));
});
process.stderr.write(`listening at ${address}\n`);

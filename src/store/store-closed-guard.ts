import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from "kysely";
import { StoreClosedError } from "./store-errors.js";

/** Fails every query once the store is closed, with a clear error instead of a driver's. */
export class StoreClosedGuard implements KyselyPlugin {
  readonly #isClosed: () => boolean;

  constructor(isClosed: () => boolean) {
    this.#isClosed = isClosed;
  }

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.#isClosed()) throw new StoreClosedError();
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

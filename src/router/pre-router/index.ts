// The learned pre-router: what the router needs to load and score a saved one. Training it is an
// offline tool (tools/pre-router-training/).
export {
  preRouterTargets,
  type PreRouterArtifact,
  type PreRouterTarget,
  type CrossValidationSummary,
} from "./artifact.js";
export { defaultFeatureSettings, type FeatureSettings } from "./feature-settings.js";
export {
  createPreRouter,
  loadPreRouter,
  readPreRouterArtifact,
  type PreRouter,
  type PreRouterInfo,
} from "./pre-router.js";
export { PreRouterArtifactError } from "./pre-router-error.js";
export {
  bundledPreRouterPath,
  installedPreRouterPath,
  resolvePreRouterPath,
} from "./pre-router-path.js";

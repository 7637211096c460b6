// The learned pre-router: what the router and the CLI use.
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
export { savePreRouter } from "./save-pre-router.js";
export { defaultTrainingOptions, trainPreRouter, type PreRouterTrainingOptions } from "./train.js";

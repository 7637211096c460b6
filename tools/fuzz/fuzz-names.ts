/** The fault cloud's provider and model as the fuzzed gateway is configured with them. */
export const fuzzCloudProvider = "fuzzcloud";
export const fuzzCloudModel = "fuzz-cloud-model";

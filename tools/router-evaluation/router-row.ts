/** One question of a routing data set: the prompt and whether each model answered it correctly. */
export interface RouterRow {
  prompt: string;
  weakCorrect: boolean;
  strongCorrect: boolean;
}

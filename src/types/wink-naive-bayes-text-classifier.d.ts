/** The parts of wink-naive-bayes-text-classifier (which ships no types) that Waypoint uses. */
declare module 'wink-naive-bayes-text-classifier' {
  interface NaiveBayesTextClassifier {
    defineConfig(config: { considerOnlyPresence?: boolean; smoothingFactor?: number }): boolean;
    definePrepTasks(tasks: Array<(input: string[]) => string[]>): number;
    learn(input: string[], label: string): boolean;
    consolidate(): boolean;
    /** Each label with its log2 odds, most likely first. */
    computeOdds(input: string[]): Array<[string, number]>;
    /** Examples and words learned per label, and the vocabulary's size. */
    stats(): { labelWiseSamples: Record<string, number>; labelWiseWords: Record<string, number>; vocabulary: number };
    exportJSON(): string;
    importJSON(json: string): boolean;
  }
  function naiveBayesTextClassifier(): NaiveBayesTextClassifier;
  export = naiveBayesTextClassifier;
}

// The shape every benchmark returns: figures measured next to a baseline from the same run.

export interface BenchRow {
  metric: string;
  unit: string;
  value: number;
  /** The same figure for the baseline approach, measured in the same run. */
  baseline: number;
  baselineLabel: string;
  /** Which direction is better, so the ratio can be read the right way round. */
  better: 'lower' | 'higher';
  /** A target on the ratio, printed and checked. */
  target?: { ratio: number; comparison: '>=' | '<=' } | undefined;
}

export interface BenchResult {
  title: string;
  rows: BenchRow[];
  notes?: string[];
}

export interface Bench {
  name: string;
  run(): Promise<BenchResult>;
}

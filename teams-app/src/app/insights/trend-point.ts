// One month of a chart: its label, the figure and how it reads, and for a goal where its plan stood then.
export interface TrendPoint {
  label: string;
  value: number | null;
  text: string;
  planned?: number;
  plannedText?: string;
}

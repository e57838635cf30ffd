/** One rule of agent-threat-rules' enforce lane, as data: it matches when any pattern matches. */
export interface AtrRule {
  id: string;
  title: string;
  category: string;
  severity: string;
  patterns: readonly { pattern: string; flags: string }[];
}

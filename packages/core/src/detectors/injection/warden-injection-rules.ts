/** One of Warden's own prompt-injection checks on text an agent reads. */
export interface WardenInjectionRule {
  id: string;
  label: string;
  pattern: RegExp;
}

// Written for text the agent *reads* (fetched pages, files, MCP results and tool descriptions):
// phrases addressed to an AI agent that ordinary documents and code do not contain.
export const WARDEN_INJECTION_RULES: readonly WardenInjectionRule[] = [
  {
    id: 'injection.instructions',
    label: 'instructions that try to override the agent’s own',
    pattern:
      /\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+|your\s+)?(?:previous|prior|above|earlier|preceding|original|system)\s+(?:instructions|prompts?|rules|directions|guidelines)\b/i,
  },
  {
    id: 'injection.instructions',
    label: 'instructions addressed to the AI agent reading the text',
    pattern:
      /\b(?:attention|note|important|instructions?)\s*(?:to|for)\s+(?:the\s+)?(?:ai|llm|assistant|agent|claude|codex|chatgpt|language model)\b[^\n]{0,80}\b(?:must|should|need to|are to|run|execute|send|read|ignore|do not)\b/i,
  },
  {
    id: 'injection.instructions',
    label: 'a fake system or role marker',
    pattern:
      /(?:<\/?(?:system|system_prompt|im_start|assistant)>|\[\/?INST\]|<\|im_start\|>|<\|system\|>|^#{1,3}\s*system\s*(?:prompt|message)\s*:)/im,
  },
  {
    id: 'injection.tool_poisoning',
    label: 'text that tells the agent to hide what it does from the user',
    pattern:
      /\b(?:do\s+not|don't|never)\s+(?:tell|inform|mention\s+(?:this|it)\s+to|notify|alert|show)\s+(?:the\s+)?user\b/i,
  },
  {
    id: 'injection.tool_poisoning',
    label: 'an IMPORTANT-tag block aimed at the agent',
    pattern: /<(?:IMPORTANT|CRITICAL|SYSTEM|secret)>[\s\S]{0,2000}?(?:must|before|always|read|send|do not)/,
  },
  {
    id: 'injection.tool_poisoning',
    label: 'an instruction to read credentials or send data elsewhere',
    pattern:
      /\b(?:read|cat|open|include|send|upload|post|exfiltrate)\s+(?:the\s+)?(?:contents?\s+of\s+)?(?:~\/\.ssh|~\/\.aws|\.env\b|id_rsa|id_ed25519|credentials\s+file|api[_ ]keys?)[^\n]{0,120}\b(?:to|into|in)\s+(?:the\s+)?(?:https?:\/\/|parameter|request|url|sidenote|notes?)/i,
  },
];

/** Characters that hide text from a human reader but not from the model. */
export const HIDDEN_UNICODE = {
  // Unicode tag characters spell out invisible ASCII; bidi overrides reorder what is displayed.
  always: /[\u{E0000}-\u{E007F}\u202A-\u202E\u2066-\u2069]/u,
  // Zero-width characters occur alone in real text (joiners in emoji, a BOM); runs of them do not.
  runs: /[\u200B-\u200F\u2060-\u2064\uFEFF]{3,}/u,
};

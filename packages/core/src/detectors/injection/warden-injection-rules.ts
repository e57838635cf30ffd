/** One of Warden's own prompt-injection checks on text an agent reads. */
export interface WardenInjectionRule {
  id: string;
  label: string;
  pattern: RegExp;
  /**
   * Text right before a match (up to 48 characters) that makes it a mention or a prohibition, not
   * an instruction: `never send your token to …`, `detects "ignore previous instructions"`.
   */
  unlessBefore?: RegExp;
}

/** Whom injected text addresses: the model or agent reading it. */
const ADDRESSEE = String.raw`(?:ai|llm|assistant|agent|bot|ai\s+(?:assistant|agent|model|system|coding\s+agent)|coding\s+(?:assistant|agent)|(?:large\s+)?language\s+model|claude|codex|copilot|chatgpt|gpt|gemini|cursor)s?`;
/** A prohibition or a mention just before a phrase: not an instruction to do it. */
/**
 * A phrase quoted right where it starts, or introduced as an example of an attack, is being talked
 * about: `detects "ignore previous instructions"`, `attempts to override the system prompt`.
 */
const QUOTED = /(?:["'“‘`]|\battempts?\s+to|\btr(?:y|ies|ying)\s+to|\bsuch\s+as|\blike|\be\.g\.,?)\s*$/i;
const NEGATED = /(?:\bnever|\bnot|n't|\bavoid|\bwithout|\bno)\s+(?:[\w'-]+\s+){0,3}$|["'“‘`]$/i;
/** Credentials and the files that hold them. */
const CREDENTIALS = String.raw`(?:~?\/?\.ssh\b|id_(?:rsa|dsa|ecdsa|ed25519)\b|~?\/?\.aws\b|aws\s+(?:credentials|(?:secret\s+|access\s+)?keys?)|\.env\b|\.npmrc|\.netrc|\.pypirc|\.git-credentials|\.docker\/config\.json|kubeconfig|\.kube\/config|\/etc\/shadow|\/etc\/passwd|private\s+keys?|ssh\s+keys?|api[\s_-]?keys?|secret\s+keys?|access\s+(?:keys?|tokens?)|credentials|passwords?|[A-Z][A-Z0-9]{0,30}_(?:[A-Z0-9]{1,30}_){0,4}(?:TOKEN|KEY|SECRET|PASSWORD))`;
/** Words for secrets too general to count unless the agent is told to put them in its own reply. */
const SECRETS_IN_GENERAL = String.raw`(?:(?:auth\s+|session\s+|bearer\s+)?tokens?|cookies|environment\s+variables|env\s+vars|secrets)`;
/** Where exfiltrated data is to go: the agent's own reply, a URL or an address. */
const REPLY = String.raw`\b(?:in|into|to|with|inside|as\s+part\s+of)\s+(?:your|the)\s+(?:final\s+|next\s+)?(?:reply|response|answer|output|message|summary|comment|commit(?:\s+message)?|pr\s+description|pull\s+request)`;
const DESTINATION = String.raw`(?:${REPLY}|\bto\s+(?:the\s+following\s+(?:url|address|endpoint|email|server)|this\s+(?:url|address|endpoint|webhook|email)|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}|https?:\/\/))`;
/**
 * What injected text tells the agent to do that a legitimate note to agents (AGENTS.md, "AI agents:
 * run the tests first") does not: send data out, read credentials, delete, disable checks, push or
 * merge without review, pipe a download into a shell, drop its instructions, hide from the user.
 */
const HARMFUL = String.raw`(?:\b(?:send|upload|e-?mail|exfiltrate|leak|forward|transmit)\b|\bexport\b[^\n]{0,40}?\b(?:cookies|credentials|tokens?|keys|secrets|passwords)\b|\b(?:read|cat|print|include|reveal|output|dump|paste|copy)\b[^\n]{0,40}?${CREDENTIALS}|\b(?:delete|wipe|erase|destroy|drop)\b|\brm\s+-[a-z]*[rf]|\b(?:disable|skip|bypass|turn\s+off|remove|uninstall)\s+(?:the\s+|all\s+|any\s+)?(?:[\w-]+\s+)?(?:tests?|hooks?|checks?|security|safety|firewall|guard|warden|approvals?|reviews?|ci|protections?|verification|2fa|mfa|logging|audit|antivirus|monitoring)\b|\b(?:push|merge|approve|deploy|commit|publish)\b[^\n]{0,60}?(?:\bwithout\b|\bdirectly\b|--no-verify|--force\b|\bforce\b)|--no-verify|\bpush\b[^\n]{0,60}?\bto\s+(?:https?:\/\/|git@|ssh:\/\/)|\b(?:curl|wget)\b[^\n]{0,100}?\|\s*(?:sudo\s+)?(?:ba|z)?sh\b|\b(?:ignore|disregard)\s+(?:the\s+user|your|all|previous|any|prior)\b|\b(?:do\s+not|don't|never)\s+(?:tell|inform|mention|notify|alert|show|summari[sz]e|translate|review|describe|report)\b|\bchmod\s+(?:-R\s+)?777\b|\b(?:paste|include|put|post|add|share|send|copy)\s+(?:it|them|this|that|its\s+contents?)\s+(?:in|into|to)\s+(?:the\s+|your\s+|a\s+)?(?:pr|pull\s+request|issue|comment|reply|response|answer|commit|description|summary|gist|pastebin)\b|\b(?:run|execute)\b[^\n]{0,30}?(?:https?:\/\/|\bcurl\b|\bwget\b|\bbase64\b|\beval\b))`;

// Written for text the agent *reads* (fetched pages, files, MCP results and tool descriptions):
// phrases addressed to an AI agent that ordinary documents and code do not contain.
export const WARDEN_INJECTION_RULES: readonly WardenInjectionRule[] = [
  {
    id: 'injection.instructions',
    label: 'instructions that try to override the agent’s own',
    pattern:
      /\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+|your\s+)?(?:previous|prior|above|earlier|preceding|original|system)\s+(?:instructions|prompts?|rules|directions|guidelines)\b/i,
    unlessBefore: QUOTED,
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
  {
    id: 'injection.instructions',
    label: 'an instruction to the AI agent by its name or role',
    // `As the AI assistant, you must …`, `Assistant, … you are required to send …`, `Hey Claude, … please run …`,
    // `If you are an AI …, you must …`, `To any AI agent reading this: immediately upload …`.
    pattern: new RegExp(
      String.raw`(?:\bas\s+(?:the|an?)\s+${ADDRESSEE}|\b(?:hey|hi|hello|dear|attention|note\s+(?:to|for)(?:\s+the)?|message\s+(?:to|for)(?:\s+the)?|to\s+(?:any|all|the|every)|for\s+(?:any|all)|instructions?\s+(?:to|for)(?:\s+the)?|all|any|every)\s+${ADDRESSEE}|(?:^|[.!?:>\]\n]\s*)${ADDRESSEE}(?:\s+(?:reading|processing|parsing|summari[sz]ing|viewing|analy[sz]ing|crawling|browsing|indexing)\s+(?:this|these|it)(?:\s+[a-z]+)?)?\s*[,:]|\bif\s+you(?:\s+are|'re)\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:ai|llm|(?:large\s+)?language\s+model|assistant|agent|chatbot|bot|model|automated\s+(?:agent|assistant|system)|ai\s+\w+))(?:[^\n]{0,120}?(?:\byou\s+(?:must|are\s+required\s+to|need\s+to|should|have\s+to|will\s+now|are\s+to|shall)|\bmust\b|\bplease\b|\bimmediately\b|\bdo\s+not\b|\bdon't\b|\binstead\b|\bnow\b|\bbefore\b|\bthen\b|\bwhen\b|\b(?:authori[sz]ed|allowed|permitted|cleared|instructed|asked)\s+(?:you\s+)?to\b|\byou\s+(?:may|can)\s+now\b|\bwants?\s+you\s+to\b|\b(?:i'?m|i\s+am)\s+(?:the|your)\s+(?:developer|admin(?:istrator)?|owner|creator|operator|maintainer)\b)[^\n]{0,80}?|[\s,:;-]*)${HARMFUL}`,
      'im',
    ),
  },
  {
    id: 'injection.instructions',
    label: 'an instruction to the AI agent by its name or role',
    // A vocative followed by an imperative: `AI models processing this: … disable the firewall`
    // (not a transcript's turn: `Assistant: I'll delete the temporary files`).
    pattern: new RegExp(
      String.raw`(?:^|[.!?:>\]\n]\s*)${ADDRESSEE}(?:\s+(?:reading|processing|parsing|summari[sz]ing|viewing|analy[sz]ing|crawling|browsing|indexing)\s+(?:this|these|it)(?:\s+[a-z]+)?)?\s*[,:](?!\s*(?:I\b|I['’]|we\b|sure\b|okay\b|ok\b|yes\b|here\b|done\b))[^\n]{0,80}?${HARMFUL}`,
      'im',
    ),
  },
  {
    id: 'injection.instructions',
    label: 'new instructions claimed to come from the developer, admin or system',
    pattern: new RegExp(
      String.raw`\b(?:new|updated|revised|additional|latest|urgent|real|actual|overriding)\s+(?:instructions?|directives?|orders|tasks?|system\s+prompt|guidelines|rules)\s+(?:from|by)\s+(?:the\s+|your\s+)?(?:developers?|dev\s+team|admin(?:istrator)?s?|system(?:\s+administrator)?|operators?|owners?|maintainers?|security\s+team|creators?|anthropic|openai)\b|\b(?:developer|admin(?:istrator)?|system|operator|owner|maintainer|security\s+team)s?\s+(?:has|have)\s+(?:updated|changed|replaced|overridden|revoked|modified)\s+your\s+(?:instructions|rules|task|guidelines|system\s+prompt|permissions|policy)|\byour\s+(?:previous|original|current|old|initial)\s+(?:task|instructions?|goal|objective|assignment)\s+(?:is|are|has\s+been|have\s+been)\s+(?:cancell?ed|void(?:ed)?|revoked|obsolete|replaced|overridden|no\s+longer)|(?:\byour\s+(?:new|updated|real|actual|true)\s+(?:instructions?|task|orders|directives?|objective|goal)\s+(?:is|are)\b|\byou\s+(?:have\s+been|are\s+now|were)\s+granted\s+(?:full\s+|temporary\s+)?(?:admin(?:istrator)?|root|sudo|elevated|unrestricted|full|developer)\s+(?:privileges|permissions|access|rights)\b)[^\n]{0,160}?${HARMFUL}`,
      'i',
    ),
    unlessBefore: QUOTED,
  },
  {
    id: 'injection.instructions',
    label: 'an attempt to cancel the agent’s own instructions',
    pattern:
      /\b(?:ignore|disregard|forget)\s+(?:all\s+(?:of\s+)?)?(?:your\s+(?:own\s+|previous\s+|prior\s+|original\s+|initial\s+|current\s+)?|(?:all\s+)?(?:the\s+)?(?:previous|prior|above|earlier|preceding|original|initial)\s+)(?:instructions|rules|guidelines|directives|programming|system\s+prompt|prompts?|constraints|training)\b|\b(?:ignore|disregard|forget)\s+(?:everything|anything|all)\s+(?:above|before\s+this|previously\s+said|you\s+(?:were|have\s+been)\s+told)|\b(?:ignore|disregard)\s+(?:the|what\s+the)\s+user\s*(?:,|and)\s+(?:instead\s+)?[a-z]+/i,
    unlessBefore: QUOTED,
  },
  {
    id: 'injection.instructions',
    label: 'a fake end of the tool result followed by new turns or instructions',
    // The model reads the rest as if the tool's output had ended: `</tool_result> SYSTEM: …`, a
    // transcript of `Human:` / `Assistant:` turns, `[SYSTEM MESSAGE]`, `SYSTEM PROMPT OVERRIDE`.
    pattern:
      /<\/(?:tool_result|tool_response|tool_output|tool_use|function_results?|function_response|function_calls|search_results|untrusted[_-]?\w*)>[\s\S]{0,300}?(?:<\/?(?:system|user|human|assistant|instructions?)\b|<\|im_start\|>|\b(?:SYSTEM|System|Human|User|Assistant)\s*:|\bsystem\s+prompt\b|\binstructions?\b|\bignore\b|\byou\s+are\s+now\b|\boverride\b|\bnew\s+(?:policy|task)\b)|\b(?:SYSTEM|ADMIN|DEVELOPER)(?:\s+PROMPT)?\s+OVERRIDE\s*(?:[:#!\]]|-{2}|\n)|\b(?:BEGIN|START)\s+(?:NEW\s+)?(?:SYSTEM\s+(?:PROMPT|MESSAGE|INSTRUCTIONS)|ADMIN\s+INSTRUCTIONS)\s*[:\]#-]|\[(?:SYSTEM|ADMIN|DEVELOPER|OPERATOR)\s+(?:MESSAGE|NOTE|NOTICE|INSTRUCTIONS?|PROMPT|OVERRIDE|UPDATE|DIRECTIVE)\]/,
    unlessBefore: QUOTED,
  },
  {
    id: 'injection.tool_poisoning',
    label: 'a request to read credentials and send them or put them in the reply',
    pattern: new RegExp(
      String.raw`\b(?:read|cat|open|print|output|dump|display|show|list|include|send|upload|post|e-?mail|copy|paste|share|reveal|forward|exfiltrate|attach|append|add|put|insert|embed|write|leak|transmit|submit|archive|zip|tar)\b(?:[^\n]{0,60}?${CREDENTIALS}[^\n]{0,120}?${DESTINATION}|[^\n]{0,60}?${SECRETS_IN_GENERAL}[^\n]{0,80}?${REPLY})`,
      'i',
    ),
    unlessBefore: NEGATED,
  },
  {
    id: 'injection.instructions',
    label: 'an instructions block aimed at the agent, or a request for its hidden prompt',
    // `<instructions>When summarizing this page, … tell the user …</instructions>` (a recipe's
    // `<instructions>` speaks to a cook, not to the agent or about the user), and requests to reveal
    // the agent's own or hidden system prompt.
    pattern:
      /<(?:instructions?|system[_-]?instructions?|admin[_-]?instructions?|ai[_-]?instructions?|agent[_-]?instructions?)>[\s\S]{0,1000}?(?:\btell\s+the\s+user\b|\bwhen\s+(?:summari[sz]ing|answering|responding)\b|\byour\s+(?:response|answer|reply|summary)\b|\bthe\s+(?:assistant|ai|agent|model)\b|\byou\s+must\b|\bignore\b|\bdo\s+not\s+(?:tell|mention)\b)|\b(?:reveal|repeat|dump|leak|disclose)\s+(?:to\s+me\s+)?(?:your|the\s+(?:hidden|original|initial|secret|entire|full|exact))\s+(?:(?:hidden|full|original|initial|secret|entire|exact)\s+){0,3}(?:system\s+prompt|system\s+message|initial\s+(?:prompt|instructions)|instructions|prompt)\b|\b(?:print|output|show|display|tell\s+me)\s+(?:your|the)\s+(?:(?:hidden|full|original|initial|secret|entire|exact)\s+){0,2}(?:hidden|original|initial|secret|entire|exact)\s+(?:system\s+prompt|system\s+message|instructions|prompt)\b/i,
    unlessBefore: QUOTED,
  },
  {
    id: 'injection.tool_poisoning',
    label: 'a Markdown image whose URL is to carry the conversation or a secret out',
    // Rendering the image sends the request: `![x](https://evil/p.png?data={conversation})`.
    pattern:
      /!\[[^\]\n]{0,100}\]\(https?:\/\/[^)\s?]{1,200}\?[^)\s]{0,100}?=[^)\s&]{0,40}?(?:conversation|history|chat_?log|secret|password|api[_-]?key|credential|INSERT|\{\{?|<|\$\{|\[[A-Z_]{3,})[^)\s]{0,100}\)/i,
  },
  {
    id: 'injection.jailbreak',
    label: 'a jailbreak persona: developer mode, no restrictions, an unfiltered AI',
    pattern:
      /\byou(?:'re|\s+are)\s+(?:now\s+)?(?:in|operating\s+in|running\s+in|switched\s+to)\s+(?:the\s+)?(?:developer|dev|debug|god|admin|root|dan|jailbreak|jailbroken|unrestricted|unfiltered|sudo)\s+mode\b|\b(?:enable|enter|activate|switch\s+to|turn\s+on|engage|unlock)\s+(?:the\s+)?(?:jailbreak|jailbroken|dan|god|unrestricted|unfiltered|uncensored|evil)\s+mode\b|\b(?:developer|god|dan|jailbreak)\s+mode\b[^\n]{0,80}?\byou\b[^\n]{0,40}?\b(?:no|without(?:\s+any)?)\s+(?:restrictions|limits|limitations|filters|guidelines|rules|censorship|guardrails)|\b(?:you\s+are|you're|act\s+as|pretend\s+(?:to\s+be|you\s+are)|become|roleplay\s+as|behave\s+(?:as|like))\s+(?:now\s+)?(?:an?\s+|the\s+)?(?:unrestricted|unfiltered|uncensored|jailbroken|unaligned|amoral)\s+(?:ai|assistant|model|agent|version|chatbot|llm|bot|persona)\b|\b(?:you\s+are|you're)\s+(?:now\s+)?DAN\b|\b(?:an?\s+)(?:[\w-]+\s+)?(?:ai|assistant|model|agent|llm|chatbot)\s+(?:without|with\s+no)\s+(?:any\s+)?(?:restrictions|filters|guidelines|limits|limitations|censorship|guardrails|ethics|morals|content\s+polic(?:y|ies)|safety\s+(?:rules|guidelines|policies))/i,
    unlessBefore: QUOTED,
  },
];

/** Characters that hide text from a human reader but not from the model. */
export const HIDDEN_UNICODE = {
  // Unicode tag characters spell out invisible ASCII; bidi overrides reorder what is displayed.
  always: /[\u{E0000}-\u{E007F}\u202A-\u202E\u2066-\u2069]/u,
  // Zero-width characters occur alone in real text (joiners in emoji, a BOM); runs of them do not.
  runs: /[\u200B-\u200F\u2060-\u2064\uFEFF]{3,}/u,
  // Zero-width characters between single letters (`I\u200Bg\u200Bn…`) hide a word from filters.
  interleaved: /(?:[A-Za-z][\u200B\u200C\u2060-\u2064\uFEFF]){4}/u,
};

/**
 * Where a page hides text from a human reader but not from the model: HTML comments, Markdown
 * comments, elements styled invisible (display:none, zero size or opacity, white on white). The
 * first capture group is the hidden text; it counts when it speaks to the agent (see below).
 */
export const HIDDEN_CARRIERS: readonly RegExp[] = [
  /<!--([\s\S]{0,2000}?)-->/g,
  /^\[\/\/\]:\s*#\s*[("']([^\n]{0,500})[)"']\s*$/gm,
  /<(\w{1,10})\b[^>]{0,200}?style\s*=\s*["'][^"'>]{0,200}?(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d]*[1-9])|opacity\s*:\s*0(?![.\d]*[1-9])|(?<![-\w])color\s*:\s*(?:#fff(?:fff)?\b|white\b|transparent\b|rgba?\(\s*255\s*,\s*255\s*,\s*255))[^>]{0,200}>([\s\S]{0,2000}?)<\/\1>/gi,
  /<font\b[^>]{0,100}?color\s*=\s*["']?(?:#fff(?:fff)?|white)\b[^>]{0,100}>([\s\S]{0,2000}?)<\/font>/gi,
];

/** Hidden text that tells the agent to do harm or to drop its instructions. */
export const HIDDEN_IMPERATIVE = new RegExp(
  String.raw`\b${ADDRESSEE}\b[\s\S]{0,200}?${HARMFUL}|\b(?:ignore|disregard|forget)\s+(?:all|any|the\s+user|your|previous|prior|above|everything)\b|\byou\s+(?:must|are\s+required\s+to|should\s+now|will\s+now)\b[\s\S]{0,80}?${HARMFUL}`,
  'i',
);

/**
 * A light reading of code handed to an interpreter on the command line (`python -c`, `node -e`,
 * `perl -e`, awk programs). It does not parse the language; it finds the calls that matter to a
 * guard when their arguments are plain string literals: shell commands the code would run, files
 * it would delete, write or read. The analysis maps those onto the shell commands with the same
 * effect so the same rules judge them. Calls with computed arguments are reported as such.
 */
export interface InlineCodeInspection {
  /** Shell command lines the code passes to a shell (`os.system("...")`). */
  shellScripts: string[];
  /** Programs the code starts directly with an argument list (`spawn('rm', ['-rf', '/'])`). */
  argvs: string[][];
  deletions: { path: string; recursive: boolean }[];
  writes: string[];
  reads: string[];
  /** The code runs programs, deletes files or opens sockets with arguments that are not literals. */
  opaque: boolean;
  reverseShell: boolean;
  forkBomb: boolean;
  /** The code evaluates text it fetched from the network (`exec(urlopen(u).read())`). */
  fetchedExec: boolean;
  /** The code evaluates text it decoded (`exec(base64.b64decode(...))`, `eval(atob(...))`). */
  decodedExec: boolean;
}

const STRING = String.raw`(?:[rRbBuU]{0,2})("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')`;

function unquote(literal: string): string | undefined {
  const quote = literal[0];
  const body = literal.slice(1, -1);
  // Interpolated strings are not literals.
  if (quote === '"' && /#\{|\$\{|\$[A-Za-z_]/.test(body)) return undefined;
  return body.replace(/\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|[0-7]{1,3}|.)/g, (_, sequence: string) => {
    if (sequence.startsWith('x') || sequence.startsWith('u'))
      return String.fromCharCode(Number.parseInt(sequence.slice(1), 16));
    if (/^[0-7]+$/.test(sequence)) return String.fromCharCode(Number.parseInt(sequence, 8));
    return ({ n: '\n', t: '\t', r: '\r', '0': '\0' } as Record<string, string>)[sequence] ?? sequence;
  });
}

function literalsIn(list: string): string[] | undefined {
  const items: string[] = [];
  const pattern = new RegExp(`\\s*${STRING}\\s*(,|$)`, 'y');
  let match: RegExpExecArray | null;
  let index = 0;
  const body = list.trim();
  pattern.lastIndex = 0;
  while (index < body.length) {
    pattern.lastIndex = index;
    match = pattern.exec(body);
    if (!match) return undefined;
    const value = unquote(match[1]!);
    if (value === undefined) return undefined;
    items.push(value);
    index = pattern.lastIndex;
  }
  return items;
}

interface CallPattern {
  /** Function names (regex source) whose first argument matters. */
  names: string;
  kind: 'shell' | 'argv' | 'delete' | 'delete_recursive' | 'write' | 'read';
}

const CALLS: Record<string, CallPattern[]> = {
  python: [
    {
      names: String.raw`os\.system|os\.popen|subprocess\.getoutput|subprocess\.getstatusoutput|commands\.getoutput|pty\.spawn`,
      kind: 'shell',
    },
    {
      names: String.raw`subprocess\.(?:run|call|check_call|check_output|Popen)|os\.exec[lv]p?e?|os\.spawn[lv]p?e?`,
      kind: 'argv',
    },
    { names: String.raw`shutil\.rmtree`, kind: 'delete_recursive' },
    { names: String.raw`os\.remove|os\.unlink|os\.rmdir|os\.removedirs|send2trash`, kind: 'delete' },
    { names: String.raw`(?:pathlib\.)?Path`, kind: 'read' },
    { names: 'open', kind: 'read' },
  ],
  node: [
    {
      names: String.raw`(?:child_process\.|cp\.|require\(['"]child_process['"]\)\.)?(?:exec|execSync)`,
      kind: 'shell',
    },
    {
      names: String.raw`(?:child_process\.|cp\.|require\(['"]child_process['"]\)\.)?(?:spawn|spawnSync|execFile|execFileSync)`,
      kind: 'argv',
    },
    {
      names: String.raw`(?:fs\.|fs\.promises\.|fsp\.|require\(['"]fs['"]\)\.)?(?:rmSync|rm|rmdirSync|rmdir)|rimraf(?:\.sync)?|(?:fse\.)?removeSync|fse\.remove`,
      kind: 'delete_recursive',
    },
    { names: String.raw`(?:fs\.|require\(['"]fs['"]\)\.)?(?:unlinkSync|unlink)`, kind: 'delete' },
    { names: String.raw`Deno\.(?:removeSync|remove)`, kind: 'delete_recursive' },
    { names: String.raw`Deno\.(?:writeTextFileSync|writeTextFile|writeFileSync|writeFile)`, kind: 'write' },
    { names: String.raw`Deno\.(?:readTextFileSync|readTextFile|readFileSync|readFile)`, kind: 'read' },
    {
      names: String.raw`(?:fs\.|require\(['"]fs['"]\)\.)?(?:writeFileSync|appendFileSync|writeFile|appendFile|createWriteStream)`,
      kind: 'write',
    },
    {
      names: String.raw`(?:fs\.|require\(['"]fs['"]\)\.)?(?:readFileSync|readFile|createReadStream)`,
      kind: 'read',
    },
  ],
  ruby: [
    { names: String.raw`system|exec|spawn|IO\.popen|Open3\.\w+|Kernel\.system|%x`, kind: 'shell' },
    {
      names: String.raw`FileUtils\.(?:rm_rf|rm_r|rmtree|remove_dir|remove_entry|remove_entry_secure)`,
      kind: 'delete_recursive',
    },
    {
      names: String.raw`FileUtils\.(?:rm|rm_f|remove)|File\.(?:delete|unlink)|Dir\.(?:rmdir|delete|unlink)`,
      kind: 'delete',
    },
    { names: String.raw`File\.(?:write|open)`, kind: 'write' },
    { names: String.raw`File\.read|IO\.read`, kind: 'read' },
  ],
  perl: [
    { names: 'system|exec|qx', kind: 'shell' },
    { names: 'rmtree|remove_tree|File::Path::rmtree', kind: 'delete_recursive' },
    { names: 'unlink|rmdir', kind: 'delete' },
  ],
  php: [
    { names: 'system|exec|shell_exec|passthru|popen|proc_open|pcntl_exec', kind: 'shell' },
    { names: 'unlink|rmdir', kind: 'delete' },
    { names: 'file_put_contents', kind: 'write' },
    { names: 'file_get_contents|fopen|readfile', kind: 'read' },
  ],
  lua: [
    { names: String.raw`os\.execute|io\.popen`, kind: 'shell' },
    { names: String.raw`os\.remove`, kind: 'delete' },
  ],
  awk: [{ names: 'system', kind: 'shell' }],
  julia: [
    { names: 'run', kind: 'shell' },
    { names: 'rm', kind: 'delete_recursive' },
  ],
  r: [
    { names: 'system|system2|shell', kind: 'shell' },
    { names: String.raw`unlink|file\.remove`, kind: 'delete_recursive' },
    { names: String.raw`writeLines|write|saveRDS|file\.create|sink`, kind: 'write' },
    { names: String.raw`readLines|readRDS|read\.csv|read\.table|scan|file`, kind: 'read' },
  ],
};

const SOCKET =
  /\bsocket\b|fsockopen|TCPSocket|IO::Socket|net\.connect|new\s+net\.Socket|net\.createConnection|Socket\.new|\/dev\/tcp\/|UDPSocket|socket\.create_connection/i;
const SPAWNS_SHELL =
  /subprocess|pty\.spawn|dup2|\bexec[lv]?p?\b|\/bin\/(ba|z|da)?sh|cmd\.exe|\bspawn\(|child_process|proc_open|popen|\bsystem\(|\bexec\(/i;
const FORK_BOMB =
  /fork\s+while\s+fork|while\s*\(?\s*(?:1|true|True)\s*\)?\s*:?[\s\S]{0,60}?\bfork\s*\(|fork\s*\(\s*\)\s*while|for\s*\(\s*;\s*;\s*\)\s*\{?\s*fork\s*\(|loop\s*\{\s*fork|os\.fork\(\)[\s\S]{0,20}while|while\s+true\s*;?\s*do[\s\S]{0,30}fork/;

/**
 * The home directory as each language spells it. What follows it (string literals joined with
 * `/`, `+`, `,` or `joinpath`) is the path under home the code opens, whatever call opens it.
 */
const HOME_IDIOM =
  /Path\.home\(\)|(?:os\.path\.)?expanduser\(\s*['"]~['"]\s*\)|(?:os\.)?homedir\(\)|Dir\.home|ENV\[\s*['"]HOME['"]\s*\]|\$ENV\{HOME\}|os\.environ(?:\.get\(|\[)\s*['"](?:HOME|USERPROFILE)['"]\s*[\])]|os\.getenv\(\s*['"]HOME['"]\s*\)|process\.env\.HOME|process\.env\[\s*['"]HOME['"]\s*\]|getenv\(\s*['"]HOME['"]\s*\)|Deno\.env\.get\(\s*['"]HOME['"]\s*\)|Sys\.getenv\(\s*['"]HOME['"]\s*\)|path\.expand\(\s*['"]~['"]\s*\)|\$env:(?:HOME|USERPROFILE)|\$HOME\b|\bhome_dir\(\)/g;
const PATH_PIECES =
  /^(?:\s*(?:\/|\+|,|\)|\.joinpath\(|\.join\(|\.resolve\(|\s)\s*(?:[rRbBuUf]{0,2})(?:"([^"\\\n]*)"|'([^'\\\n]*)'))+/;
const WRITES_FILE =
  /open\([^)]*,\s*['"][wax+]|write_text|write_bytes|writeFileSync|appendFileSync|writeFile|appendFile|File\.write|File\.open\([^)]*['"][wa]|Set-Content|Add-Content|Out-File|writeLines|Deno\.writeTextFile/;
const EVALUATES =
  /(?<![\w.$])(?:exec|eval|compile|Function|instance_eval|class_eval|runInThisContext|runInNewContext|loadstring|load)\s*\(|[(,]\s*eval\s*\)|\biex\b|Invoke-Expression/i;
const FETCHES =
  /urlopen|urllib|requests\.(?:get|post)|httpx|\bfetch\s*\(|https?\.get|axios|Net::HTTP|open-uri|URI\.open|LWP|HTTP::Tiny|file_get_contents\(\s*['"]https?:|curl_exec|Invoke-WebRequest|Invoke-RestMethod|\biwr\b|\birm\b|DownloadString|WebClient|url\(|download\.file/;
const DECODES =
  /b64decode|base64|atob\s*\(|Buffer\.from\([^)]*['"](?:base64|hex)['"]|codecs\.decode|zlib\.decompress|unpack\(\s*['"]m|FromBase64String|bytes\.fromhex|\.decode\(\s*['"](?:hex|rot13|base64)/;

function homePaths(code: string): string[] {
  const paths: string[] = [];
  for (const match of code.matchAll(HOME_IDIOM)) {
    const rest = code.slice((match.index ?? 0) + match[0].length, (match.index ?? 0) + match[0].length + 300);
    const pieces = PATH_PIECES.exec(rest)?.[0];
    const parts: string[] = [];
    if (pieces)
      for (const literal of pieces.matchAll(/"([^"\\\n]*)"|'([^'\\\n]*)'/g)) {
        const part = literal[1] ?? literal[2] ?? '';
        // An encoding or a mode after the path ends it (`readFileSync(p, 'utf8')`, `open(p, 'w')`).
        if (/^(utf-?8|utf-?16le|ascii|latin1|binary|base64|hex|[rwax]b?\+?t?)$/i.test(part)) break;
        parts.push(part);
      }
    // `$HOME/.ssh/id_rsa` inside a string: the rest of the word is the path.
    if (match[0] === '$HOME' || match[0].startsWith('$env:')) {
      const tail = /^[\\/][\w.\-/\\]*/.exec(rest)?.[0];
      if (tail) parts.push(tail.replace(/\\/g, '/'));
    }
    const joined = parts
      .join('/')
      .replace(/\/{2,}/g, '/')
      .replace(/^\/+/, '');
    if (joined !== '' && /^[\w.\-/ ]+$/.test(joined)) paths.push(`~/${joined}`);
  }
  return paths;
}

/**
 * PowerShell command lines (`pwsh -c`), read as the shell commands with the same effect:
 * Remove-Item -Recurse is `rm -rf`, Get-Content is `cat`, Set-Content and Out-File write, and
 * `iex` of a download is a download run.
 */
function powershell(code: string, result: InlineCodeInspection): void {
  for (const statement of code.split(/[;\n|]/)) {
    const words = statement.trim().match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
    if (words.length === 0) continue;
    const name = words[0]!.toLowerCase();
    const operands = words
      .slice(1)
      .filter((word) => !word.startsWith('-'))
      .map((word) =>
        word
          .replace(/^["']|["']$/g, '')
          .replace(/^\$(?:env:)?(?:HOME|USERPROFILE)|^\$HOME/i, '~')
          .replace(/\\/g, '/'),
      );
    const flags = words
      .slice(1)
      .filter((word) => word.startsWith('-'))
      .map((word) => word.toLowerCase());
    if (/^(remove-item|rm|del|erase|ri|rmdir|rd)$/.test(name))
      for (const path of operands)
        result.deletions.push({ path, recursive: flags.some((flag) => flag.startsWith('-r')) });
    else if (/^(get-content|gc|cat|type|copy-item|cp|copy)$/.test(name) && operands[0])
      result.reads.push(operands[0]);
    else if (/^(set-content|sc|add-content|ac|out-file|new-item|ni)$/.test(name) && operands[0])
      result.writes.push(operands[0]);
    else if (/^(start-process|saps|start|invoke-item|ii|&)$/.test(name)) result.opaque = true;
  }
}

/** Inspects code given to an interpreter of `family` (python, node, ruby, perl, php, lua, awk, ...). */
export function inspectInlineCode(options: { code: string; family: string }): InlineCodeInspection {
  const { code, family } = options;
  const result: InlineCodeInspection = {
    shellScripts: [],
    argvs: [],
    deletions: [],
    writes: [],
    reads: [],
    opaque: false,
    reverseShell: false,
    forkBomb: false,
    fetchedExec: false,
    decodedExec: false,
  };
  const calls = CALLS[family] ?? [];
  for (const call of calls) {
    const pattern = new RegExp(String.raw`(?<![\w.])(?:${call.names})\s*(\(|\{|\[|\s)`, 'g');
    for (const match of code.matchAll(pattern)) {
      const start = (match.index ?? 0) + match[0].length;
      const opener = match[1]!;
      const rest = code.slice(start, start + 2000);
      if (call.kind === 'shell' || call.kind === 'argv') {
        // A list of literals is an argv (`subprocess.run(['rm', '-rf', '/'])`, `system('rm', '-rf', '/')`).
        const list = /^\s*\[([^\]]*)\]/.exec(rest);
        if (list) {
          const argv = literalsIn(list[1]!);
          if (argv && argv.length > 0) result.argvs.push(argv);
          else result.opaque = true;
          continue;
        }
        const first = new RegExp(`^\\s*${STRING}`).exec(rest);
        if (!first) {
          if (opener !== ' ' || call.kind === 'shell') result.opaque = true;
          continue;
        }
        const value = unquote(first[1]!);
        if (value === undefined) {
          result.opaque = true;
          continue;
        }
        // Further literal arguments make it an argv (`spawn('rm', ['-rf', '/'])`, `system('rm', '-rf', '/')`).
        const after = rest.slice(first[0].length);
        const arrayArgs = /^\s*,\s*\[([^\]]*)\]/.exec(after);
        const listArgs = /^((?:\s*,\s*(?:[rRbBuU]{0,2})(?:"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'))+)\s*\)/.exec(
          after,
        );
        if (
          call.kind === 'argv' ||
          arrayArgs ||
          (family === 'perl' && listArgs) ||
          (family === 'ruby' && listArgs)
        ) {
          const extra = arrayArgs
            ? literalsIn(arrayArgs[1]!)
            : listArgs
              ? literalsIn(listArgs[1]!.replace(/^\s*,/, ''))
              : [];
          if (call.kind === 'argv' && !arrayArgs && !listArgs && /\s/.test(value) && family === 'python')
            result.shellScripts.push(value);
          else if (extra) result.argvs.push([value, ...extra]);
          else result.opaque = true;
        } else result.shellScripts.push(value);
        continue;
      }
      // A literal path, or a glob of one (`unlink glob("/etc/*")`, `os.remove(glob.glob("x")[0])`).
      const first = new RegExp(
        `^\\s*(?:os\\.path\\.expanduser\\(\\s*|(?:glob\\.)?glob\\s*\\(?\\s*)?${STRING}`,
      ).exec(rest);
      const value = first ? unquote(first[1]!) : undefined;
      if (value === undefined) {
        if (call.kind !== 'read') result.opaque = true;
        continue;
      }
      if (call.kind === 'delete' || call.kind === 'delete_recursive')
        result.deletions.push({ path: value, recursive: call.kind === 'delete_recursive' });
      else if (call.kind === 'write') result.writes.push(value);
      else if (family === 'python' && /^\s*,\s*['"][wax+]/.test(rest.slice(first![0].length)))
        result.writes.push(value);
      else result.reads.push(value);
    }
  }
  // Backquotes run shell commands in ruby, perl and php.
  if (family === 'ruby' || family === 'perl' || family === 'php') {
    for (const match of code.matchAll(/`([^`]*)`/g)) result.shellScripts.push(match[1]!);
    for (const match of code.matchAll(
      /%x\{([^}]*)\}|%x\(([^)]*)\)|qx\{([^}]*)\}|qx\(([^)]*)\)|qx\/([^/]*)\//g,
    )) {
      result.shellScripts.push(match[1] ?? match[2] ?? match[3] ?? match[4] ?? match[5] ?? '');
    }
  }
  if (family === 'perl') {
    // open(my $fh, "| sh") and open(FH, "cmd |") run commands.
    for (const match of code.matchAll(/open\s*\(?[^,]*,\s*(?:'-\|'|"-\|"|'\|-'|"\|-")\s*,\s*(["'])(.*?)\1/g))
      result.shellScripts.push(match[2]!);
    for (const match of code.matchAll(/open\s*\(?[^,]*,\s*(["'])\s*\|\s*(.*?)\1/g))
      result.shellScripts.push(match[2]!);
  }
  if (family === 'awk') {
    // print ... | "cmd" and "cmd" | getline
    for (const match of code.matchAll(/\|\s*"((?:\\.|[^"\\])*)"/g))
      result.shellScripts.push(unquote(`"${match[1]!}"`) ?? '');
    for (const match of code.matchAll(/"((?:\\.|[^"\\])*)"\s*\|\s*getline/g))
      result.shellScripts.push(unquote(`"${match[1]!}"`) ?? '');
  }
  if (family === 'applescript') {
    for (const match of code.matchAll(/do shell script\s+"((?:\\.|[^"\\])*)"/g))
      result.shellScripts.push(unquote(`"${match[1]!}"`) ?? '');
    if (/do shell script\s+[^"]/.test(code)) result.opaque = true;
  }
  for (const path of homePaths(code)) {
    if (WRITES_FILE.test(code)) result.writes.push(path);
    else result.reads.push(path);
  }
  if (family === 'powershell') powershell(code, result);
  if (EVALUATES.test(code)) {
    result.fetchedExec = FETCHES.test(code);
    result.decodedExec = DECODES.test(code);
  }
  result.reverseShell = SOCKET.test(code) && SPAWNS_SHELL.test(code);
  result.forkBomb = FORK_BOMB.test(code);
  return result;
}

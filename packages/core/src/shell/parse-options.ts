/**
 * getopt-style option scanning shared by the wrapper table and the argument semantics. Knowing
 * which options take a value is what keeps `sudo -u root rm` from reading `root` as the command
 * and `git commit -m "-rf"` from reading `-rf` as flags.
 */
export interface OptionSpec {
  /** Short options that take a value, attached (`-uroot`) or as the next argument (`-u root`). */
  valued?: string;
  /** Long options that take a value, given with `=` or as the next argument. */
  longValued?: readonly string[];
  /** Short options whose value, if any, is attached (`xargs -i{}`, `-l1`); never the next argument. */
  optionalAttached?: string;
  /** `-10` is an option (nice, kill, head). */
  numeric?: boolean;
  /** Single-dash long options (`find -name`, `java -jar`): treat `-word` as one flag. */
  singleDashLong?: boolean;
  /** Options may follow operands (GNU style, e.g. `rm dir -rf`). Wrappers stop at the first operand. */
  permute?: boolean;
}

export interface ScannedOptions {
  /** Short letters and long names, in order. */
  flags: string[];
  /** Values of options, by flag name (last one wins); both `-u root` and `--user=root` land here. */
  values: Map<string, string>;
  /** Every value given to an option, by flag name, in order (`-v a -v b`). */
  allValues: Map<string, string[]>;
  operands: string[];
  /** Index (into the arguments) of the first operand when not permuting; arguments.length if none. */
  firstOperand: number;
}

export function scanOptions(options: { args: readonly string[]; spec: OptionSpec }): ScannedOptions {
  const { args, spec } = options;
  const flags: string[] = [];
  const values = new Map<string, string>();
  const allValues = new Map<string, string[]>();
  const operands: string[] = [];
  let firstOperand = args.length;
  const record = (name: string, value: string) => {
    values.set(name, value);
    const list = allValues.get(name);
    if (list) list.push(value);
    else allValues.set(name, [value]);
  };
  let index = 0;
  while (index < args.length) {
    const arg = args[index]!;
    if (arg === '--') {
      if (firstOperand === args.length) firstOperand = index + 1;
      operands.push(...args.slice(index + 1));
      break;
    }
    // A lone `-` is an operand (stdin), not an option.
    const isOption = arg.length > 1 && arg.startsWith('-');
    if (!isOption) {
      if (!spec.permute) {
        firstOperand = index;
        operands.push(...args.slice(index));
        break;
      }
      if (firstOperand === args.length) firstOperand = index;
      operands.push(arg);
      index++;
      continue;
    }
    if (arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      const name = arg.slice(2, equals < 0 ? undefined : equals);
      flags.push(name);
      if (equals >= 0) record(name, arg.slice(equals + 1));
      else if (spec.longValued?.includes(name) && index + 1 < args.length) {
        record(name, args[index + 1]!);
        index++;
      }
      index++;
      continue;
    }
    if (spec.numeric && /^-\d+$/.test(arg)) {
      flags.push(arg.slice(1));
      index++;
      continue;
    }
    if (spec.singleDashLong) {
      flags.push(arg.slice(1));
      index++;
      continue;
    }
    for (let position = 1; position < arg.length; position++) {
      const letter = arg[position]!;
      flags.push(letter);
      if (spec.optionalAttached?.includes(letter)) {
        const attached = arg.slice(position + 1);
        if (attached) record(letter, attached);
        break;
      }
      if (spec.valued?.includes(letter)) {
        const attached = arg.slice(position + 1);
        if (attached) record(letter, attached);
        else if (index + 1 < args.length) {
          record(letter, args[index + 1]!);
          index++;
        }
        break;
      }
    }
    index++;
  }
  return { flags, values, allValues, operands, firstOperand };
}

/**
 * The local files of a copy between this machine and somewhere else (`docker cp SRC CTR:DST`,
 * `rclone copy SRC remote:DST`, `aws s3 cp SRC s3://...`): operands without a `scheme://` or a
 * `name:` remote prefix. What leaves the machine is read; what arrives is written.
 */
export function localOperands(operands: readonly string[]): { sources: string[]; destination?: string } {
  const local = (operand: string) => !/^[a-z][\w+.-]*:\/\//i.test(operand) && !/^[^/~.$][^:]*:/.test(operand);
  if (operands.length < 2) return { sources: operands.filter(local) };
  const destination = operands[operands.length - 1]!;
  return {
    sources: operands.slice(0, -1).filter(local),
    ...(local(destination) ? { destination } : {}),
  };
}

/**
 * A conservative static check for catastrophic backtracking: a quantified group whose body
 * itself contains an unbounded quantifier (`(a+)+`, `(?:x*y)*`) is "nested". Rules taken from
 * outside must pass it (or be listed as vetted) because JavaScript's regex engine backtracks.
 * Bounded repetition (`{0,50}`) is allowed: its worst case is polynomial in the bound, not exponential.
 */
export function hasNestedUnboundedQuantifier(source: string): boolean {
  // Per open group: did its body contain an unbounded quantifier?
  const stack: boolean[] = [];
  let lastGroupUnbounded = false;
  let lastWasGroup = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index]!;
    if (char === '\\') {
      index++;
      lastWasGroup = false;
      continue;
    }
    if (char === '[') {
      // Skip the class, honouring escapes.
      index++;
      while (index < source.length && source[index] !== ']') {
        if (source[index] === '\\') index++;
        index++;
      }
      lastWasGroup = false;
      continue;
    }
    if (char === '(') {
      stack.push(false);
      lastWasGroup = false;
      continue;
    }
    if (char === ')') {
      lastGroupUnbounded = stack.pop() ?? false;
      if (lastGroupUnbounded && stack.length > 0) stack[stack.length - 1] = true;
      lastWasGroup = true;
      continue;
    }
    const unbounded =
      char === '*' || char === '+' || (char === '{' && /^\{\d*,\}/.test(source.slice(index, index + 12)));
    if (unbounded) {
      if (lastWasGroup && lastGroupUnbounded) return true;
      if (stack.length > 0) stack[stack.length - 1] = true;
    }
    lastWasGroup = false;
  }
  return false;
}

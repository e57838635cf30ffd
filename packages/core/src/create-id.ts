let sequence = 0;

/**
 * A UUIDv7-shaped id (time-ordered, 74 random bits) for events. It deliberately avoids
 * `node:crypto`, whose loading alone costs a hook ~9 ms of start-up; ids only need to be
 * unique for de-duplication, not unguessable.
 */
export function createId(): string {
  const time = Date.now().toString(16).padStart(12, '0');
  sequence = (sequence + 1) & 0xfff;
  const random = (bits: number) =>
    Math.floor(Math.random() * 2 ** bits)
      .toString(16)
      .padStart(Math.ceil(bits / 4), '0');
  const variant = (8 + Math.floor(Math.random() * 4)).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${sequence.toString(16).padStart(3, '0')}-${variant}${random(12)}-${random(24)}${random(24)}`;
}

/**
 * A schema built on its first use instead of when its module loads. Building a zod schema costs
 * tens of microseconds per object; a command hook loads every module of its bundle on each tool
 * call, so schemas it rarely or never uses (the server protocol, the org policy cache, policy file
 * sections) are declared through this. The value behaves as the schema itself (every property,
 * method and `instanceof` check goes to it) and is built once.
 */
/* @__NO_SIDE_EFFECTS__ */
export function lazySchema<T extends object>(build: () => T): T {
  let schema: T | undefined;
  const target = (): T => {
    schema ??= build();
    return schema;
  };
  return new Proxy({} as T, {
    get: (_placeholder, key) => Reflect.get(target(), key),
    set: (_placeholder, key, value) => Reflect.set(target(), key, value),
    has: (_placeholder, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_placeholder, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
      // A proxy may not report a property as non-configurable when its placeholder lacks it.
      return descriptor ? { ...descriptor, configurable: true } : undefined;
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(target()),
  });
}

/** Where a phone number is in a text. */
export interface PhoneSpan {
  start: number;
  end: number;
}

export type PhoneFinder = (options: { text: string; defaultCountry?: string }) => PhoneSpan[];

let loaded: PhoneFinder | undefined;

/** The phone finder of libphonenumber-js, once `loadPhoneFinder` has run; until then, undefined. */
export function phoneFinder(): PhoneFinder | undefined {
  return loaded;
}

/**
 * Loads libphonenumber-js (its metadata is about 150 KB, so it is loaded only when a text with
 * enough digits is about to be scanned for phone numbers). Resolves false when it cannot be loaded;
 * the built-in international-format check is used then.
 */
export async function loadPhoneFinder(): Promise<boolean> {
  if (loaded) return true;
  try {
    const library = await import('libphonenumber-js/min');
    loaded = ({ text, defaultCountry }) =>
      library
        .findPhoneNumbersInText(
          text,
          defaultCountry ? { defaultCountry: defaultCountry as never } : undefined,
        )
        .map((found) => ({ start: found.startsAt, end: found.endsAt }));
    return true;
  } catch {
    return false;
  }
}

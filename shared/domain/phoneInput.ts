// Phone numbers as typed, cleaned before anything reads them (no phone metadata: search queries use it too).

// Dash look-alikes that Chinese IMEs and word processors produce; NFKC leaves them alone.
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63]/g;

// A country code written in brackets before the number: (+86)13800138006, （+86） 138…
const BRACKETED_COUNTRY_CODE = /^\(\s*\+\s*(\d{1,4})\s*\)\s*/;

/** Full-width digits and punctuation (１３８，＋，（）) become ASCII; dash variants become '-'; (+86) becomes +86. */
export function cleanPhoneInput(raw: string): string {
  return raw.normalize('NFKC').replace(DASHES, '-').trim().replace(BRACKETED_COUNTRY_CODE, '+$1 ');
}

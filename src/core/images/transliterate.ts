// Cyrillic to Latin for file names (many prompts are written in Russian): the common "passport-style" scheme
// readers expect in URLs and slugs (щ → shch, ж → zh, я → ya), with the Ukrainian and Belarusian letters too.
// Letters it does not know are left alone for the caller to deal with.

const cyrillic: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Ukrainian, Belarusian
  є: 'ye',
  і: 'i',
  ї: 'yi',
  ґ: 'g',
  ў: 'u',
};

/** Latin letters that do not decompose into ASCII under NFKD. */
const latin: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Lower-cases `text` and spells Cyrillic (and a few Latin ligatures) in ASCII letters. */
export function transliterate(text: string): string {
  let out = '';
  for (const char of text.toLowerCase()) out += cyrillic[char] ?? latin[char] ?? char;
  return out;
}

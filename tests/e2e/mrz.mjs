// Machine-readable zones for the browser tests, written here independently of the engine:
// ICAO 9303's check digits (weights 7, 3, 1; `<` is 0, A is 10 ... Z is 35).

const value = (c) => (c === '<' ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);

export function check(text) {
  return String([...text].reduce((sum, c, i) => sum + value(c) * [7, 3, 1][i % 3], 0) % 10);
}

const pad = (text, n) => text.padEnd(n, '<').slice(0, n);

/** A TD3 passport's two lines, every check digit right. */
export function td3({ nationality = 'D<<', birth = '900501', expiry = '310101', number = 'C01X00T47', names = 'MUSTERMANN<<ERIKA', personal = '' } = {}) {
  const line1 = pad(`P<${nationality}${names}`, 44);
  const doc = `${pad(number, 9)}${check(pad(number, 9))}`;
  const opt = pad(personal, 14);
  const optCheck = personal ? check(opt) : '<';
  const line2Head = `${doc}${nationality}${birth}${check(birth)}F${expiry}${check(expiry)}${opt}${optCheck}`;
  const composite = check(`${doc}${birth}${check(birth)}${expiry}${check(expiry)}${opt}${optCheck}`);
  return [line1, `${line2Head}${composite}`];
}

/** ICAO 9303 Part 4's specimen: Utopia, which is no country. */
export const UTOPIA = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];

/** Types `lines` as a keyboard-wedge reader does: as fast as keys go, `separator` between
 * lines and after the last, with an optional prefix character. */
export async function scan(page, lines, { separator = 'Enter', prefix = '' } = {}) {
  if (prefix) await page.keyboard.type(prefix);
  for (const line of lines) {
    await page.keyboard.type(line);
    await page.keyboard.press(separator);
  }
}

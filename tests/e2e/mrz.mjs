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

/** What a keyboard sends for the named keys a reader uses between lines. */
const NAMED = {
  Enter: { key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' },
  Tab: { key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9 },
};

/** Types `lines` as a keyboard-wedge reader does: every key sent at once through the
 * DevTools protocol, so that they reach the page back to back however busy the test machine
 * is (a key at a time from the test would leave gaps as long as the machine's load), with
 * `separator` between lines and after the last, and an optional prefix character. They are
 * real key presses: they type into the focused field, Tab moves the focus, Enter submits. */
export async function scan(page, lines, { separator = 'Enter', prefix = '' } = {}) {
  const cdp = await page.context().newCDPSession(page);
  const keys = [...prefix, ...lines.flatMap((line) => [...line, separator])];
  const sent = keys.flatMap((key) => {
    const press = NAMED[key] ?? { key, text: key };
    return [
      cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...press }),
      cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: press.key, code: press.code, windowsVirtualKeyCode: press.windowsVirtualKeyCode }),
    ];
  });
  await Promise.all(sent);
  await cdp.detach();
}

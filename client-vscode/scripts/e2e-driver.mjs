// Drives VS Code (code-server) in headless Chromium over the DevTools protocol and checks that
// the Stakes extension shows its diagnostics, status bar item and region decorations for a
// high-stakes file. Needs Node >= 22 (global WebSocket and fetch); e2e.sh runs it with the
// Node 24 that code-server uses.
//
//   node e2e-driver.mjs --cdp-port 9222 --url http://127.0.0.1:8080/?folder=/x/examples \
//        --file python/shop/auth.py --out e2e-artifacts --workspace /x/examples \
//        [--review login,hash_password --edit-line 35]
//
// Exits 0 when every check passed, 1 otherwise; writes screenshots and report.json to --out.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: opts } = parseArgs({
  options: {
    'cdp-port': { type: 'string' },
    url: { type: 'string' },
    file: { type: 'string' },
    out: { type: 'string' },
    workspace: { type: 'string' },
    review: { type: 'string' },
    'edit-line': { type: 'string' },
    managed: { type: 'boolean', default: false },
    untrusted: { type: 'boolean', default: false },
    logs: { type: 'string' },
    timeout: { type: 'string', default: '240' },
  },
});
for (const key of ['cdp-port', 'url', 'file', 'out', 'workspace']) {
  if (!opts[key]) {
    console.error(`e2e-driver: --${key} is required`);
    process.exit(2);
  }
}
const deadline = Date.now() + Number(opts.timeout) * 1000;
const fileName = opts.file.split('/').pop();
mkdirSync(opts.out, { recursive: true });

const log = (...args) => console.log(`[e2e ${new Date().toISOString().slice(11, 19)}]`, ...args);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Minimal DevTools protocol client over one page's WebSocket. */
class Cdp {
  constructor(ws) {
    this.ws = ws;
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = [];
    ws.addEventListener('message', (event) => {
      const msg = JSON.parse(event.data);
      if (msg.id !== undefined && this.pending.has(msg.id)) {
        const { resolve, reject } = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) reject(new Error(`${msg.error.message} (${msg.error.code})`));
        else resolve(msg.result);
      } else if (msg.method) {
        for (const listener of this.listeners) listener(msg);
      }
    });
  }

  static async connect(port) {
    let targets = [];
    for (let i = 0; i < 60 && !targets.some((t) => t.type === 'page'); i++) {
      try {
        targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
      } catch {
        await sleep(500);
      }
    }
    const page = targets.find((t) => t.type === 'page');
    if (!page) throw new Error('no page target in Chromium');
    const ws = new WebSocket(page.webSocketDebuggerUrl);
    await new Promise((resolve, reject) => {
      ws.addEventListener('open', resolve, { once: true });
      ws.addEventListener('error', () => reject(new Error('DevTools WebSocket failed')), { once: true });
    });
    return new Cdp(ws);
  }

  send(method, params = {}) {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  async evaluate(expression) {
    const result = await this.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (result.exceptionDetails) throw new Error(`page error: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
    return result.result.value;
  }

  /** Polls a page expression until it returns something truthy. */
  async waitFor(description, expression, timeoutMs = 60000) {
    const until = Math.min(deadline, Date.now() + timeoutMs);
    let last;
    while (Date.now() < until) {
      try {
        last = await this.evaluate(expression);
        if (last) return last;
      } catch (err) {
        last = String(err);
      }
      await sleep(500);
    }
    throw new Error(`timed out waiting for ${description} (last value: ${JSON.stringify(last)})`);
  }

  async key(key, code, keyCode, modifiers = 0, text) {
    await this.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key, code, windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode, modifiers });
    if (text) await this.send('Input.dispatchKeyEvent', { type: 'char', key, code, text, unmodifiedText: text, modifiers });
    await this.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode: keyCode, nativeVirtualKeyCode: keyCode, modifiers });
  }

  async click(x, y) {
    await this.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
    await this.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 });
    await this.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 });
  }

  async screenshot(path) {
    const { data } = await this.send('Page.captureScreenshot', { format: 'png' });
    writeFileSync(path, Buffer.from(data, 'base64'));
    log(`screenshot ${path}`);
  }
}

// Page-side helpers, injected once per evaluation.
const HELPERS = String.raw`
  const visible = (el) => !!el && el.getClientRects().length > 0;
  const stakesStatus = () => [...document.querySelectorAll('.statusbar-item')].filter((el) => /Stakes:/.test(el.textContent) && !/marked reviewed/.test(el.textContent));
  // Class names of the decoration types whose CSS mentions a marker (an icon file or a theme colour).
  const decorationClasses = (marker) => {
    const names = new Set();
    for (const sheet of document.styleSheets) {
      let rules;
      try { rules = sheet.cssRules; } catch { continue; }
      for (const rule of rules) {
        if (rule.cssText && rule.cssText.includes(marker) && rule.selectorText) {
          for (const m of rule.selectorText.matchAll(/\.([\w-]+)/g)) names.add(m[1]);
        }
      }
    }
    return [...names].filter((n) => !['monaco-editor', 'vs', 'vs-dark', 'hc-black', 'hc-light', 'mac'].includes(n));
  };
  // Lines whose background is one of Stakes' theme colours (decoration CSS holds the resolved colour).
  const countBackground = (variable) => {
    const value = getComputedStyle(document.querySelector('.monaco-workbench')).getPropertyValue(variable).trim();
    if (!value) return 0;
    const probe = document.createElement('div');
    probe.style.backgroundColor = value;
    document.body.appendChild(probe);
    const color = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return [...document.querySelectorAll('.monaco-editor .view-overlays div')].filter((d) => getComputedStyle(d).backgroundColor === color).length;
  };
  const countDecorated = (marker) => decorationClasses(marker).reduce((n, cls) => n + document.querySelectorAll('.monaco-editor .' + CSS.escape(cls)).length, 0);
`;
const page = (body) => `(() => { ${HELPERS}\n${body} })()`;

/** The "N" of "(N/M to review)" in the status text, or 0 for "all reviewed". */
function openCount(text) {
  const match = /\((\d+)\/\d+ to review\)/.exec(text);
  return match ? Number(match[1]) : /all reviewed/.test(text) ? 0 : null;
}

/** Moves the cursor to a line with Go to Line (Ctrl+G), which also scrolls it into view. */
async function gotoLine(cdp, line) {
  for (let attempt = 1; ; attempt++) {
    await cdp.key('g', 'KeyG', 71, 2);
    try {
      await cdp.waitFor('go to line', page(`const i = document.querySelector('.quick-input-widget input'); return visible(i) && i.value.startsWith(':')`), 5000);
      break;
    } catch (err) {
      if (attempt === 3) throw err;
      await cdp.key('Escape', 'Escape', 27);
      await sleep(500);
    }
  }
  await cdp.send('Input.insertText', { text: String(line) });
  await sleep(300);
  await cdp.key('Enter', 'Enter', 13, 0, '\r');
  await sleep(300);
}

/** Runs a command by its palette title (F1, type, Enter). */
async function runCommand(cdp, title) {
  await cdp.key('F1', 'F1', 112);
  await cdp.waitFor('the command palette', page(`return visible(document.querySelector('.quick-input-widget input'))`), 10000);
  await cdp.send('Input.insertText', { text: title });
  await pickQuickItem(cdp, null, title);
}

/** Optionally types a filter into the open quick pick, waits for a row containing `text`, and accepts the first. */
async function pickQuickItem(cdp, filter, text) {
  await cdp.waitFor('the quick pick', page(`return visible(document.querySelector('.quick-input-widget input'))`), 10000);
  if (filter) await cdp.send('Input.insertText', { text: filter });
  await cdp.waitFor(`a quick pick row with ${JSON.stringify(text)}`, page(`const rows = [...document.querySelectorAll('.quick-input-list .monaco-list-row')]; return rows.length > 0 && rows[0].textContent.includes(${JSON.stringify(text)})`), 15000);
  await sleep(200);
  await cdp.key('Enter', 'Enter', 13, 0, '\r');
}

const checks = [];
function check(name, ok, detail) {
  checks.push({ name, ok: Boolean(ok), detail });
  log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail !== undefined ? ` — ${typeof detail === 'string' ? detail : JSON.stringify(detail)}` : ''}`);
}

async function main() {
  const cdp = await Cdp.connect(opts['cdp-port']);
  const consoleLines = [];
  cdp.listeners.push((msg) => {
    if (msg.method === 'Runtime.consoleAPICalled' && ['error', 'warning'].includes(msg.params.type)) {
      consoleLines.push(`${msg.params.type}: ${msg.params.args.map((a) => a.value ?? a.description ?? '').join(' ')}`);
    }
  });
  await cdp.send('Page.enable');
  await cdp.send('Runtime.enable');
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1440, height: 900, deviceScaleFactor: 1, mobile: false });
  log(`opening ${opts.url}`);
  await cdp.send('Page.navigate', { url: opts.url });
  try {
    await cdp.waitFor('the workbench', page(`return visible(document.querySelector('.monaco-workbench .part.statusbar'))`), 90000);
    if (opts.untrusted) {
      // Decline VS Code's trust prompt if it asks; either way the folder must be in restricted mode.
      await cdp.waitFor(
        'restricted mode',
        page(`const b = [...document.querySelectorAll('.monaco-dialog-box .monaco-button')].find((x) => /don.t trust/i.test(x.textContent)); if (b) { b.click(); return false; } return [...document.querySelectorAll('.statusbar-item')].some((e) => /Restricted Mode/.test(e.textContent))`),
        60000,
      );
      check('the workspace opened in restricted mode', true);
    }
    await cdp.waitFor('the explorer', page(`return document.querySelectorAll('.explorer-folders-view .monaco-list-row').length > 0`), 60000);
    check('VS Code workbench loaded', true);

    // Quick Open (Ctrl+P), type the path, Enter.
    await cdp.send('Page.bringToFront');
    let opened = false;
    for (let attempt = 0; attempt < 3 && !opened; attempt++) {
      await cdp.key('p', 'KeyP', 80, 2);
      try {
        await cdp.waitFor('quick open', page(`return visible(document.querySelector('.quick-input-widget input'))`), 10000);
      } catch {
        continue;
      }
      await cdp.send('Input.insertText', { text: opts.file });
      await cdp.waitFor('a quick open result', page(`return [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((r) => r.textContent.includes(${JSON.stringify(fileName)}))`), 20000);
      await sleep(300);
      await cdp.key('Enter', 'Enter', 13, 0, '\r');
      try {
        await cdp.waitFor(`the editor for ${fileName}`, page(`return [...document.querySelectorAll('.tab.active')].some((t) => t.textContent.includes(${JSON.stringify(fileName)}))`), 15000);
        opened = true;
      } catch {
        await cdp.key('Escape', 'Escape', 27);
      }
    }
    check(`opened ${opts.file}`, opened);
    if (!opened) throw new Error('could not open the file');

    if (opts.managed) {
      // No server configured: the extension must ask before creating its own environment.
      const question = await cdp.waitFor(
        'the install question',
        page(`const t = [...document.querySelectorAll('.notification-toast')].find((e) => /Stakes needs its language server/.test(e.textContent) && [...e.querySelectorAll('.monaco-button')].some((b) => b.textContent.trim() === 'Install')); return t ? t.textContent.slice(0, 120) : false`),
        60000,
      );
      await cdp.evaluate(page(`const t = [...document.querySelectorAll('.notification-toast')].find((e) => /Stakes needs its language server/.test(e.textContent)); [...t.querySelectorAll('.monaco-button')].find((b) => b.textContent.trim() === 'Install').click(); return true`));
      check('asks before installing the managed server environment', true, question);
      const progress = await cdp
        .waitFor('install progress', page(`const t = [...document.querySelectorAll('.notification-toast')].map((e) => e.textContent).find((t) => /Creating a Python environment|Installing Stakes/.test(t)); return t || false`), 30000)
        .catch(() => undefined);
      check('shows progress while installing', progress, progress?.slice(0, 120));
    }
    const status = await cdp.waitFor(
      'the Stakes status bar item with advice',
      page(`const t = stakesStatus().map((el) => el.textContent.trim()).find((t) => /Stakes: (write by hand|hand-write|AI may draft)/.test(t)); return t || false`),
      opts.managed ? 400000 : 90000,
    ).catch(async (err) => {
      const current = await cdp.evaluate(page(`return stakesStatus().map((el) => el.textContent.trim())`));
      throw new Error(`${err.message}; status bar shows ${JSON.stringify(current)}`);
    });
    check('status bar shows the spectrum advice', true, status);

    if (opts.untrusted) {
      const notice = await cdp.waitFor(
        'the restricted-mode notice',
        page(`const t = [...document.querySelectorAll('.notification-toast, .notifications-center .monaco-list-row')].map((e) => e.textContent).find((t) => /Stakes runs in restricted mode/.test(t)); return t || false`),
        30000,
      );
      check('says it runs in restricted mode (built-in packs only)', /only the built-in rule packs/.test(notice), notice.slice(0, 160));
      if (opts.logs) {
        // The verbose trace in the Stakes output channel shows what the server was told.
        const traces = readdirSync(opts.logs, { recursive: true })
          .filter((f) => /Stakes( Trace)?\.log$/.test(String(f)))
          .map((f) => readFileSync(join(opts.logs, String(f)), 'utf8'))
          .join('\n');
        check('tells the server trustedWorkspace: false', /"trustedWorkspace":\s*false/.test(traces), (/"trustedWorkspace":\s*\w+/.exec(traces) ?? ['not in the trace'])[0]);
      }
    }
    const squiggles = await cdp.waitFor(
      'squiggles from Stakes diagnostics',
      page(`const n = document.querySelectorAll('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info, .monaco-editor .squiggly-hint').length; return n > 0 ? n : false`),
      60000,
    );
    check('diagnostics are drawn in the editor', squiggles > 0, `${squiggles} squiggles`);

    const gutter = await cdp.waitFor('gutter marks', page(`const n = countDecorated('gutter-unreviewed.svg') + countDecorated('gutter-reviewed.svg') + countDecorated('gutter-stale.svg'); return n > 0 ? n : false`), 30000);
    check('gutter marks on high-stakes regions', gutter > 0, `${gutter} marks`);
    const backgrounds = await cdp.waitFor('region backgrounds', page(`const n = countBackground('--vscode-stakes-unreviewedBackground') + countBackground('--vscode-stakes-reviewedBackground') + countBackground('--vscode-stakes-staleBackground'); return n > 0 ? n : false`), 30000);
    check('background over high-stakes regions', backgrounds > 0, `${backgrounds} decorated lines`);

    // Problems panel (Ctrl+Shift+M) lists the diagnostics with source "stakes".
    await cdp.key('M', 'KeyM', 77, 2 | 8);
    const problems = await cdp.waitFor(
      'Stakes entries in the Problems panel',
      page(`const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => r.textContent); const ours = rows.filter((t) => /stakes/i.test(t)); return ours.length > 0 ? ours.slice(0, 8) : false`),
      30000,
    );
    check('Problems panel lists Stakes diagnostics', problems.length > 0, problems.slice(0, 3));
    await sleep(1000);
    await cdp.screenshot(join(opts.out, 'vscode-stakes.png'));

    // Review workflow: "Stakes: Mark Region Reviewed" through the palette, for each region named
    // in --review; the status bar count drops, reviewed gutter marks appear, the ledger is written.
    const toReview = (opts.review ?? '').split(',').filter(Boolean);
    if (toReview.length > 0) {
      const openBefore = openCount(status);
      for (const name of toReview) {
        await runCommand(cdp, 'Stakes: Mark Region Reviewed');
        await cdp.waitFor('the region picker', page(`const i = document.querySelector('.quick-input-widget input'); return visible(i) && /Which region/.test(i.getAttribute('placeholder') || '') && i.value === ''`), 10000);
        await pickQuickItem(cdp, name, name);
        await cdp.waitFor('the review note box', page(`return [...document.querySelectorAll('.quick-input-widget')].some((w) => visible(w) && w.textContent.includes('Mark ${name} reviewed'))`), 10000);
        await cdp.send('Input.insertText', { text: 'checked in the end-to-end test' });
        await cdp.key('Enter', 'Enter', 13, 0, '\r');
        await sleep(500);
      }
      const expected = openBefore - toReview.length;
      let after = '';
      for (const until = Date.now() + 30000; Date.now() < until; await sleep(500)) {
        after = await cdp.evaluate(page(`return stakesStatus().map((el) => el.textContent.trim()).join(' ')`));
        if (openCount(after) === expected) break;
      }
      if (openCount(after) !== expected) throw new Error(`expected ${expected} regions left to review after marking ${toReview.join(', ')}, status bar shows ${JSON.stringify(after)}`);
      check(`marking ${toReview.join(', ')} reviewed updates the status bar`, true, after);
      const ledgerPath = join(opts.workspace, '.stakes', 'reviews.yaml');
      const ledger = existsSync(ledgerPath) ? readFileSync(ledgerPath, 'utf8') : '';
      check('the review ledger records the reviews', toReview.every((n) => ledger.includes(n)) && ledger.includes('checked in the end-to-end test'), ledgerPath);

      // Bring the reviewed regions into view (the editor only renders visible lines).
      await gotoLine(cdp, opts['edit-line'] ?? '1');
      const reviewedMarks = await cdp.waitFor('reviewed gutter marks', page(`const n = countDecorated('gutter-reviewed.svg'); return n >= ${toReview.length} ? n : false`), 20000);
      check('reviewed regions get their own gutter mark', reviewedMarks >= toReview.length, `${reviewedMarks} reviewed marks`);

      // Editing a reviewed region makes its review stale (amber mark, "changed since review").
      if (opts['edit-line']) {
        await cdp.key('End', 'End', 35);
        // A code change (comments and whitespace do not count as changing the reviewed code).
        await cdp.send('Input.insertText', { text: ' or None' });
        const staleMarks = await cdp.waitFor('a stale gutter mark', page(`const n = countDecorated('gutter-stale.svg'); return n > 0 ? n : false`), 30000);
        check('editing a reviewed region marks it stale', staleMarks > 0, `${staleMarks} stale marks`);

        // The server's code lens on the stale region re-marks it reviewed; the extension asks for
        // a note first (middleware), and the stale mark turns green again.
        const lens = await cdp.waitFor(
          'the "changed since review" code lens',
          page(`const a = [...document.querySelectorAll('.codelens-decoration a')].find((e) => /changed since review/.test(e.textContent)); if (!a) return false; const r = a.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }`),
          15000,
        );
        await cdp.click(lens.x, lens.y);
        await cdp.waitFor('the note box from the code lens', page(`return [...document.querySelectorAll('.quick-input-widget')].some((w) => visible(w) && /Mark .* reviewed/.test(w.textContent))`), 10000);
        await cdp.send('Input.insertText', { text: 're-checked after the edit' });
        await cdp.key('Enter', 'Enter', 13, 0, '\r');
        const reReviewed = await cdp.waitFor('the stale mark to turn reviewed', page(`return countDecorated('gutter-stale.svg') === 0 && countDecorated('gutter-reviewed.svg') >= ${toReview.length} ? countDecorated('gutter-reviewed.svg') : false`), 30000);
        check('the code lens re-marks a stale region reviewed, asking for a note', reReviewed >= toReview.length, `${reReviewed} reviewed marks`);
        const ledgerNow = readFileSync(ledgerPath, 'utf8');
        check('the code lens review and its note are in the ledger', ledgerNow.includes('re-checked after the edit'), ledgerPath);
        // Undo the edit: the code now differs from what was just reviewed, so it is stale again
        // (which also makes the screenshot show all three states).
        const editedLine = page(`const l = [...document.querySelectorAll('.view-line')].map((e) => e.textContent.replace(/\\u00a0/g, ' ')).find((t) => t.includes(' or None') || t.trimEnd().endsWith(' or')); return l ?? ''`);
        for (let i = 0; i < 4 && (await cdp.evaluate(editedLine)) !== ''; i++) {
          await cdp.key('z', 'KeyZ', 90, 2);
          await sleep(300);
        }
        await cdp.waitFor('a stale mark again', page(`return countDecorated('gutter-stale.svg') > 0`), 30000);
      }
      await sleep(1000);
      await cdp.screenshot(join(opts.out, 'vscode-stakes-reviews.png'));
    }

    // The tooltip lists the regions with their review state.
    await sleep(1000);
    const box = await cdp.evaluate(page(`const el = stakesStatus()[0]; const r = el.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }`));
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: box.x, y: box.y });
    const tooltip = await cdp
      .waitFor('the status bar tooltip', page(`const h = [...document.querySelectorAll('.workbench-hover, .monaco-hover')].filter(visible).map((e) => e.textContent).find((t) => /high-stakes region/.test(t)); return h || false`), 15000)
      .catch(() => undefined);
    const wanted = toReview.length > 0 ? /reviewed by/ : /unreviewed|reviewed|changed since review/;
    check('status bar tooltip lists regions and review states', tooltip && wanted.test(tooltip), tooltip?.slice(0, 300));
    await sleep(1000); // let the hover finish fading in
    await cdp.screenshot(join(opts.out, 'vscode-stakes-tooltip.png'));
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: 700, y: 300 });

    // Clicking the status bar item opens the region picker; picking a region moves the cursor there.
    await cdp.click(box.x, box.y);
    const firstRow = await cdp.waitFor(
      'the region picker from the status bar',
      page(`const i = document.querySelector('.quick-input-widget input'); const row = document.querySelector('.quick-input-list .monaco-list-row'); return visible(i) && /High-stakes regions in this file/.test(i.getAttribute('placeholder') || '') && row ? row.textContent : false`),
      10000,
    );
    const targetLine = Number((/lines? (\d+)/.exec(firstRow) ?? [])[1]);
    await cdp.key('Enter', 'Enter', 13, 0, '\r');
    const cursor = await cdp
      .waitFor('the cursor on the picked region', page(`const t = [...document.querySelectorAll('.statusbar-item')].map((e) => e.textContent).find((t) => /^Ln \\d+/.test(t.trim())); return t && t.includes('Ln ${targetLine},') ? t.trim() : false`), 10000)
      .catch(() => undefined);
    check('the status bar item opens a region picker that reveals the region', cursor !== undefined && targetLine > 0, `${firstRow.slice(0, 60)} → ${cursor}`);

    // Show Review Status lists the file's regions grouped by state.
    if (toReview.length > 0) {
      await runCommand(cdp, 'Stakes: Show Review Status');
      const listed = await cdp.waitFor(
        'the review status picker',
        page(`const i = document.querySelector('.quick-input-widget input'); if (!visible(i) || !/review status/i.test(i.getAttribute('placeholder') || '')) return false; const t = document.querySelector('.quick-input-list').textContent; return ${JSON.stringify(toReview)}.every((n) => t.includes(n)) && /Reviewed/.test(t) ? t : false`),
        15000,
      );
      check('Show Review Status lists the regions by review state', true, listed.slice(0, 160));
      await cdp.key('Escape', 'Escape', 27);
      await sleep(300);
    }

    // Scan Workspace reports its result.
    await runCommand(cdp, 'Stakes: Scan Workspace');
    const scanned = await cdp.waitFor(
      'the scan result notification',
      page(`const t = [...document.querySelectorAll('.notification-toast, .notifications-toasts .monaco-list-row')].map((e) => e.textContent).find((t) => /Stakes scanned \\d+ files?/.test(t)); return t || false`),
      60000,
    );
    check('Scan Workspace reports files and findings', true, scanned.slice(0, 120));

    // Explain Rule offers the file's rule ids and opens the rule's docs as a Markdown preview.
    await runCommand(cdp, 'Stakes: Explain Rule');
    const ruleId = await cdp.waitFor(
      'the rule picker',
      page(`const i = document.querySelector('.quick-input-widget input'); const row = document.querySelector('.quick-input-list .monaco-list-row'); return visible(i) && /Which rule/.test(i.getAttribute('placeholder') || '') && row ? row.textContent.trim() : false`),
      15000,
    );
    await cdp.key('Enter', 'Enter', 13, 0, '\r');
    const previewTab = await cdp.waitFor(
      'the rule documentation preview',
      page(`return [...document.querySelectorAll('.tab')].map((t) => t.textContent).find((t) => /Preview/.test(t) && t.includes('.md')) || false`),
      20000,
    );
    check('Explain Rule shows the rule documentation', previewTab.includes(ruleId.split('/').pop()), `${ruleId} → ${previewTab}`);
    await sleep(1500);
    await cdp.screenshot(join(opts.out, 'vscode-stakes-explain.png'));

    // Changing a setting (here the workspace's .vscode/settings.json) restarts the server with
    // it: the prototype profile turns critical findings from errors into information.
    if (opts.logs) {
      mkdirSync(join(opts.workspace, '.vscode'), { recursive: true });
      writeFileSync(join(opts.workspace, '.vscode', 'settings.json'), JSON.stringify({ 'stakes.profile': 'prototype' }, null, 2));
      const stakesLog = () =>
        readdirSync(opts.logs, { recursive: true })
          .filter((f) => String(f).endsWith('Stakes.log'))
          .map((f) => readFileSync(join(opts.logs, String(f)), 'utf8'))
          .join('\n');
      let restarted = false;
      for (const until = Date.now() + 30000; Date.now() < until && !restarted; await sleep(500)) {
        restarted = /Restarting the server: settings changed/.test(stakesLog());
      }
      check('a settings change restarts the server', restarted);
      await cdp.key('1', 'Digit1', 49, 2); // focus the first editor group (auth.py)
      await gotoLine(cdp, opts['edit-line'] ?? '38'); // bring the login region into view
      const severities = await cdp.waitFor(
        'information squiggles under the prototype profile',
        page(`const q = (c) => document.querySelectorAll('.monaco-editor .' + c).length; return q('squiggly-error') === 0 && q('squiggly-info') > 0 ? { error: q('squiggly-error'), info: q('squiggly-info') } : false`),
        60000,
      );
      check('the new profile reaches the server (critical → information)', true, severities);
    }
  } catch (err) {
    check('end-to-end run', false, err.message);
    const rules = await cdp
      .evaluate(`[...document.styleSheets].flatMap((s) => { try { return [...s.cssRules].map((r) => r.cssText); } catch { return []; } }).filter((t) => /stakes/i.test(t) && t.length < 2000).slice(0, 20)`)
      .catch(() => []);
    log('CSS rules mentioning stakes:', JSON.stringify(rules, null, 1));
    await cdp.screenshot(join(opts.out, 'vscode-stakes-failure.png')).catch(() => {});
  } finally {
    writeFileSync(join(opts.out, 'report.json'), JSON.stringify({ checks, console: consoleLines.slice(-50) }, null, 2));
    cdp.ws.close();
  }
  const failed = checks.filter((c) => !c.ok);
  console.log(`e2e: ${checks.length - failed.length} passed, ${failed.length} failed`);
  process.exit(failed.length === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(`e2e-driver: ${err.stack ?? err}`);
  process.exit(1);
});

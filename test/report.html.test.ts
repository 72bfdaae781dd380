import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CATEGORIES, CATEGORY_TEXT } from '../src/core/category.js';
import { LANGS } from '../src/core/text.js';
import { msg } from '../src/i18n/index.js';
import { esc, html } from '../src/report/html-template.js';
import { REPORTERS } from '../src/report/index.js';
import { HOSTILE_NAME, HOSTILE_TAG, JAPANESE_NAME, SCRIPT_TAG, scan } from './report.fixture.js';

const CHROMIUM = process.env.MAMORI_CHROMIUM ?? '/usr/bin/chromium';
const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

describe('html escaping', () => {
  it('escapes every interpolation; nested html`` passes through', () => {
    assert.equal(esc(`<a href="x" onclick='y'>&\``), '&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;&#96;');
    assert.equal(html`<p>${HOSTILE_NAME}</p>`.value, '<p>&#60;img src=x onerror=alert(1)&#62;</p>');
    assert.equal(html`<div>${html`<b>${'<i>'}</b>`}</div>`.value, '<div><b>&#60;i&#62;</b></div>');
    assert.equal(esc('a\u0000b\u001bc'), 'a\uFFFDb\uFFFDc');
  });
});

describe('html reporter', () => {
  const result = scan();
  for (const lang of LANGS) {
    it(`${lang}: one self-contained page with a strict CSP and no unescaped hostile markup`, () => {
      const page = REPORTERS.html!.render(result, lang);
      assert.ok(page.startsWith('<!DOCTYPE html>'));
      assert.ok(page.includes(`<html lang="${lang}">`));
      const csp = page
        .match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1]
        ?.replace(/&#39;/g, "'");
      assert.ok(csp, 'CSP meta present');
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /base-uri 'none'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
      // The inline style and script are exactly what the CSP hashes allow.
      const style = page.match(/<style>([\s\S]*?)<\/style>/)![1]!;
      const script = page.match(/<script>([\s\S]*?)<\/script>/)![1]!;
      assert.ok(csp.includes(`style-src ${sha256(style)}`));
      assert.ok(csp.includes(`script-src ${sha256(script)}`));
      // Nothing loads from anywhere: no src attributes, no CSS url()/@import; links only to AWS documentation.
      assert.equal((page.match(/<script/g) ?? []).length, 1);
      assert.equal((page.match(/<\/script/g) ?? []).length, 1);
      assert.equal((page.match(/<style/g) ?? []).length, 1);
      assert.doesNotMatch(page, /\ssrc=["']/);
      assert.doesNotMatch(style, /url\(|@import/);
      for (const m of page.matchAll(/\shref="([^"]*)"/g)) assert.match(m[1]!, /^https:\/\/docs\.aws\.amazon\.com\//);
      assert.doesNotMatch(page, /<img|<iframe|<object|<embed|<link|<base/i);
      assert.ok(!page.includes(HOSTILE_NAME) && page.includes(esc(HOSTILE_NAME)));
      assert.ok(!page.includes(SCRIPT_TAG) && page.includes(esc(SCRIPT_TAG)));
      assert.ok(!page.includes(HOSTILE_TAG) && page.includes(esc(HOSTILE_TAG)));
      assert.ok(!page.includes('<b>bold</b>'), 'collection error messages are escaped too');
      assert.ok(page.includes(JAPANESE_NAME));
    });

    it(`${lang}: score, charts by severity, the nine categories and accounts, errors, then findings`, () => {
      const page = REPORTERS.html!.render(result, lang);
      assert.ok(page.includes(msg(lang, 'score')) && page.includes('36.4'));
      for (const c of CATEGORIES) assert.ok(page.includes(esc(CATEGORY_TEXT[c][lang])), c);
      assert.ok(page.includes('111122223333') && page.includes('222233334444'));
      assert.ok(page.includes(msg(lang, 'collectionErrors')));
      // 1 gauge + 1 status bar + 5 severities + 9 categories + 2 accounts
      assert.ok((page.match(/<svg /g) ?? []).length >= 18, 'inline SVG charts');
      // FAIL groups before ERROR-only ones, the passed checks last and closed.
      const order = [
        'test-ec2-security-group-no-open-ssh',
        'test-s3-bucket-encrypted',
        'aws-kms-key-rotation-enabled',
        'test-iam-user-mfa',
        'test-fw:1.2',
      ].map((id) => page.indexOf(`data-group="${id}"`));
      assert.deepEqual(
        [...order].sort((a, b) => a - b),
        order,
      );
      assert.ok(order[0]! > 0);
      const passed = page.indexOf('data-group="PASS"');
      assert.ok(passed > order[4]!);
      assert.match(page, /<details class="passed" data-group="PASS">/, 'PASS collapsed');
      assert.match(page, /<details class="group sev-critical" data-group="test-ec2-security-group-no-open-ssh" open>/);
      // Evidence, remediation (text, console, CLI in <pre>) and causes are shown.
      assert.ok(page.includes('<pre><code>aws kms enable-key-rotation --key-id &#60;KEY_ID&#62;</code></pre>'));
      assert.ok(page.includes(esc('AccessDenied: not authorized to perform kms:GetKeyRotationStatus')));
      assert.ok(page.includes(esc(msg(lang, 'truncated', { bytes: 13327 }))), 'big evidence truncated');
      assert.ok(page.includes('<pre>false</pre>'), 'small evidence as JSON');
    });
  }

  it('opens in Chromium without running hostile code or loading anything', async (t) => {
    if (!existsSync(CHROMIUM)) {
      t.skip(`chromium not installed: ${CHROMIUM} is missing (apt-get install -y chromium)`);
      return;
    }
    const { chromium } = await import('playwright-core');
    const dir = mkdtempSync(join(tmpdir(), 'mamori-html-'));
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    try {
      // The harness itself: a vulnerable page does fire a dialog.
      const probe = await browser.newPage();
      let probed = false;
      probe.on('dialog', (d) => {
        probed = true;
        void d.dismiss();
      });
      await probe.setContent(`<img src=x onerror=alert(1)>`);
      await probe.waitForTimeout(300);
      assert.ok(probed, 'the dialog listener works');
      await probe.close();

      for (const lang of LANGS) {
        const file = join(dir, `mamori-${lang}.html`);
        writeFileSync(file, REPORTERS.html!.render(result, lang));
        const page = await browser.newPage();
        const dialogs: string[] = [];
        const requests: string[] = [];
        const problems: string[] = [];
        page.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        page.on('request', (r) => {
          if (r.url() !== pathToFileURL(file).href) requests.push(r.url());
        });
        page.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
        });
        page.on('pageerror', (e) => problems.push(e.message));
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        await page.waitForTimeout(300);
        assert.deepEqual(dialogs, [], 'no dialog fired');
        assert.deepEqual(requests, [], 'no other request was attempted');
        assert.deepEqual(problems, [], 'no CSP violation or script error');
        // The CSP let the page's own style and script run.
        assert.match((await page.locator('html').getAttribute('class')) ?? '', /\bjs\b/);
        assert.equal(
          await page.evaluate('getComputedStyle(document.querySelector("header.top")).backgroundColor'),
          'rgb(13, 27, 42)',
        );
        // Filtering by text and by status.
        const visible = () => page.locator('tr.f:visible').count();
        const before = await visible();
        await page.fill('#q', 'alias/app');
        assert.equal(await visible(), 1);
        await page.fill('#q', '');
        assert.equal(await visible(), before);
        await page.locator('input[name=status][value=FAIL]').uncheck();
        assert.equal(await page.locator('tr.f[data-status=FAIL]:visible').count(), 0);
        assert.ok((await page.locator('tr.f[data-status=ERROR]:visible').count()) > 0);
        await page.close();
      }
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LANGS } from '../src/core/text.js';
import { REPORTERS } from '../src/report/index.js';
import { xmlEscape } from '../src/report/junit.js';
import { scan } from './report.fixture.js';

const attrs = (tag: string): Record<string, string> =>
  Object.fromEntries([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));

/** A small well-formedness check: balanced tags, no raw '<' or '&' in text, only XML 1.0 characters. */
function assertWellFormed(xml: string): void {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for characters XML 1.0 forbids
  assert.doesNotMatch(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
  const body = xml.replace(/^<\?xml[^?]*\?>\n/, '');
  const stack: string[] = [];
  const re = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/g;
  let consumed = 0;
  for (const m of body.matchAll(re)) {
    assert.equal(m.index, consumed, `unparsable XML at ${consumed}: ${body.slice(consumed, consumed + 80)}`);
    consumed += m[0].length;
    if (m[5] !== undefined) {
      assert.doesNotMatch(m[5], /&(?!(amp|lt|gt|quot|apos|#\d+);)/, 'bare & in text');
      continue;
    }
    if (m[1]) assert.equal(stack.pop(), m[2], `mismatched </${m[2]}>`);
    else if (!m[4]) stack.push(m[2]!);
  }
  assert.equal(consumed, body.length);
  assert.deepEqual(stack, []);
}

describe('junit reporter', () => {
  const result = scan();
  it('escapes markup and strips characters XML 1.0 cannot carry', () => {
    assert.equal(xmlEscape('<a href="x">&\'</a>'), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    assert.equal(xmlEscape('a\u0007b\u001bc\ud800d\uffffe😀'), 'abcde😀');
  });

  for (const lang of LANGS) {
    it(`${lang}: one suite per rule, one case per resource, counts that add up`, () => {
      const xml = REPORTERS.junit!.render(result, lang);
      assertWellFormed(xml);
      const judged = result.findings.filter((f) => f.status !== 'N/A');
      const count = (s: string) => judged.filter((f) => f.status === s).length;
      const root = attrs(xml.match(/<testsuites [^>]*>/)![0]);
      assert.equal(Number(root.tests), judged.length);
      assert.equal(Number(root.failures), count('FAIL'));
      assert.equal(Number(root.errors), count('ERROR'));
      assert.equal(Number(root.skipped), count('EXCEPTED') + count('MANUAL'));
      const suites = [...xml.matchAll(/<testsuite [^>]*>[\s\S]*?<\/testsuite>/g)].map((m) => m[0]);
      assert.deepEqual(
        suites.map((s) => attrs(s.match(/<testsuite [^>]*>/)![0]).name),
        [...new Set(judged.map((f) => f.ruleId))].sort(),
      );
      for (const s of suites) {
        const a = attrs(s.match(/<testsuite [^>]*>/)![0]);
        const findings = judged.filter((f) => f.ruleId === a.name);
        assert.equal(Number(a.tests), (s.match(/<testcase /g) ?? []).length);
        assert.equal(Number(a.tests), findings.length);
        assert.equal(Number(a.failures), (s.match(/<failure /g) ?? []).length);
        assert.equal(Number(a.errors), (s.match(/<error /g) ?? []).length);
        assert.equal(Number(a.skipped), (s.match(/<skipped /g) ?? []).length);
        for (const tc of s.match(/<testcase [^>]*>/g) ?? []) assert.equal(attrs(tc).classname, a.name);
      }
      assert.ok(xml.includes('name="arn:aws:s3:::comma,&quot;quote&quot;-bucket"'));
      assert.ok(!xml.includes('<img'), 'hostile markup is escaped');
      assert.ok(xml.includes('&lt;img src=x onerror=alert(1)&gt;'));
      assert.ok(xml.includes(`file="/repo/templates/my stack.yaml"`));
      if (lang === 'ja') assert.ok(xml.includes('<skipped message="例外: 代替策: '));
    });
  }
});

import { describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../../src/lib/data/import/types';
import { ISSUE_TEXT, issueText } from '../../src/lib/i18n/issues';
import { LANGS } from '../../src/lib/i18n';

const VI_LETTERS = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

describe('every import issue code has a headline and a reason in both languages', () => {
  for (const code of ISSUE_CODES) {
    it(code, () => {
      for (const lang of LANGS) {
        const t = issueText(lang, code);
        expect(t, `${lang} ${code}`).not.toBeNull();
        expect(t!.headline.trim().length, `${lang} ${code} headline`).toBeGreaterThan(3);
        expect(t!.reason.trim().length, `${lang} ${code} reason`).toBeGreaterThan(10);
        expect(t!.reason).not.toBe(t!.headline);
      }
      // The Vietnamese text is Vietnamese, not the English copied over.
      expect(ISSUE_TEXT.vi[code].headline).not.toBe(ISSUE_TEXT.en[code].headline);
      expect(ISSUE_TEXT.vi[code].reason).toMatch(VI_LETTERS);
    });
  }
  it('the dictionaries hold no code the importer does not report', () => {
    for (const lang of LANGS) expect(Object.keys(ISSUE_TEXT[lang]).sort()).toEqual([...ISSUE_CODES].sort());
  });
  it('an unknown code is null, not a throw (an old worker may send one)', () => {
    expect(issueText('vi', 'no-such-code')).toBeNull();
    expect(issueText('en', 'constructor')).toBeNull();
  });
  it('codes are unique', () => {
    expect(new Set(ISSUE_CODES).size).toBe(ISSUE_CODES.length);
  });
});

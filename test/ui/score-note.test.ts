import { describe, expect, it } from 'vitest';
import { scoreSite, type CriterionInputs } from '../../src/lib/analysis/suitability.ts';
import { scoreNote } from '../../src/lib/ui/score-note.ts';

const full: CriterionInputs = {
  sectors: ['wood', 'minerals'], mvLineM: 1200, substationM: 9000, roadM: 300, depositM: 15000,
  materialM: { wood: 2000 }, population: 20000, radiusKm: 10, areaHa: 50, occupancyPct: 20, status: 'operating', protectedAreaM: 8000,
};

describe('scoreNote', () => {
  it('says in each language that every criterion counted, with the engine\'s count', () => {
    const s = scoreSite(full);
    expect(s.note).toMatch(/^all (\d+) criteria have data$/);
    const n = Number(s.note.match(/\d+/)![0]);
    expect(scoreNote('vi', s)).toBe(`Cả ${n} tiêu chí đều có số liệu.`);
    expect(scoreNote('en', s)).toBe(`All ${n} criteria have data.`);
  });

  it('counts the criteria left out exactly as the engine does', () => {
    const s = scoreSite({ ...full, sectors: ['food'], occupancyPct: null, depositM: null });
    const [, x, n] = s.note.match(/^(\d+) criteria excluded .* renormalised over (\d+)$/)!;
    expect(scoreNote('vi', s)).toBe(`${x} tiêu chí không tính (không có số liệu, không liên quan hoặc trọng số 0); trọng số chia lại trên ${n} tiêu chí còn lại.`);
    expect(Number(x)).toBeGreaterThan(0);
  });

  it('says the score is 0 when nothing has data and weight', () => {
    const s = scoreSite({ ...full, mvLineM: null, substationM: null, roadM: null, depositM: null, materialM: null, population: null, areaHa: null, status: null });
    expect(s.note).toMatch(/^no criterion/);
    expect(scoreNote('en', s)).toBe('No criterion has data and a weight above 0: the score is 0.');
  });
});

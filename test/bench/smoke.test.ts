/**
 * The benchmark's smoke run, in CI: one short round of every row (echo, stateful echo, search,
 * tree) through real server processes under load. It fails only on errors (a failed status, a
 * connection error, a response that is not what the row expects, a question repeated within the
 * round), never on a timing: timings are measured by `npm run bench`, not by tests.
 */
import { describe, expect, it } from 'vitest';
import { goldenQueries } from '../../bench/search';
import { runLoad, ROWS, sound, type LoadResult } from '../../bench/load';

describe('the benchmark smoke run', () => {
  it('gets a sound answer to every request on every row', async () => {
    const results = await runLoad({ seconds: 2.5, rounds: 1, connections: 10, questions: goldenQueries({ answerable: true }) });
    expect(results.map((r) => r.name)).toEqual([...ROWS]);
    for (const r of results) {
      expect(r.requests, r.name).toBeGreaterThan(0);
      expect({ row: r.name, non2xx: r.non2xx, errors: r.errors + r.timeouts, wrong: r.wrong, repeats: r.repeats, example: r.wrongExample }).toEqual({
        row: r.name, non2xx: 0, errors: 0, wrong: 0, repeats: 0, example: undefined,
      });
      expect(r.checked, r.name).toBe(r.requests);
    }
  }, 180_000);

  it('counts a row with any error, wrong reply or repeated question as unsound', () => {
    const clean: LoadResult = {
      name: 'search', rounds: [], requests: 10, rps: 1, p50: 1, p99: 1, non2xx: 0, errors: 0, timeouts: 0,
      checked: 10, wrong: 0, startRss: 0, peakRss: 0, serverCpuMs: 0, repeats: 0,
    };
    expect(sound(clean)).toBe(true);
    for (const fault of [{ non2xx: 1 }, { errors: 1 }, { timeouts: 1 }, { wrong: 1 }, { repeats: 1 }, { checked: 0 }]) {
      expect(sound({ ...clean, ...fault }), JSON.stringify(fault)).toBe(false);
    }
  });
});
